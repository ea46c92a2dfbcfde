import type { Embeddings } from '../lexicon/embeddings.js';
import type { Concept } from './analyzeQuestion.js';
import type { SentenceIndex } from './sentenceIndex.js';

/**
 * How close in meaning a sentence's words come to each question concept, by word vectors: the
 * best cosine similarity between the concept's own words and any content word of the sentence
 * (1 for the word itself, 0 when nothing is near or a word has no vector). Similarities are
 * remembered per question, as the candidates share most of their words.
 */
export class SemanticMatcher {
  private readonly cache: Map<number, number>[];

  constructor(
    private readonly concepts: Concept[],
    private readonly index: SentenceIndex,
    private readonly embeddings: Embeddings,
  ) {
    this.cache = concepts.map(() => new Map());
  }

  /** Per concept, the best similarity to one of the sentence's terms (by term number). */
  similarities(sentenceTerms: ArrayLike<number>): number[] {
    return this.concepts.map((_, c) => {
      let best = 0;
      for (let k = 0; k < sentenceTerms.length && best < 1; k++) best = Math.max(best, this.similarityTo(c, sentenceTerms[k]!));
      return best;
    });
  }

  /** How near one index term (by number) comes to concept c. */
  similarityTo(c: number, term: number): number {
    const cache = this.cache[c]!;
    let similarity = cache.get(term);
    if (similarity === undefined) cache.set(term, (similarity = this.similarity(this.concepts[c]!, this.index.terms[term]!)));
    return similarity;
  }

  /** A concept of several words ("integrated circuit") is as close as its closest word. */
  private similarity(concept: Concept, term: string): number {
    let best = 0;
    for (const own of concept.variants[0]!.terms) best = Math.max(best, own === term ? 1 : (this.embeddings.similarity(own, term) ?? 0));
    return best;
  }
}
