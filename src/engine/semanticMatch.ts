import type { Embeddings } from '../lexicon/embeddings.js';
import type { Concept } from './analyzeQuestion.js';
import type { SentenceIndex } from './sentenceIndex.js';

/** Each index term's row in the word-vector table (-1: none), looked up once per index. */
const termRows = new WeakMap<SentenceIndex, Int32Array>();
const UNKNOWN = -2;

/**
 * How close in meaning a sentence's words come to each question concept, by word vectors: the
 * best cosine similarity between the concept's own words and any word of the sentence (1 for the
 * word itself, 0 when nothing is near or a word has no vector). A term's similarities to all the
 * concepts are computed once per question: the candidates share most of their words.
 */
export class SemanticMatcher {
  private readonly byTerm = new Map<number, Float64Array>();
  private readonly conceptTerms: string[][];
  private readonly conceptRows: number[][];
  private readonly rows: Int32Array;

  constructor(
    concepts: Concept[],
    private readonly index: SentenceIndex,
    private readonly embeddings: Embeddings,
  ) {
    this.conceptTerms = concepts.map((c) => c.variants[0]!.terms);
    this.conceptRows = this.conceptTerms.map((terms) => terms.map((t) => embeddings.rowOf(t)).filter((r) => r >= 0));
    let rows = termRows.get(index);
    if (!rows) termRows.set(index, (rows = new Int32Array(index.terms.length).fill(UNKNOWN)));
    this.rows = rows;
  }

  /** Per concept, the best similarity to one of the sentence's terms (by term number). */
  similarities(sentenceTerms: ArrayLike<number>): number[] {
    const best = this.conceptTerms.map(() => 0);
    for (let k = 0; k < sentenceTerms.length; k++) {
      const near = this.nearness(sentenceTerms[k]!);
      for (let c = 0; c < best.length; c++) if (near[c]! > best[c]!) best[c] = near[c]!;
    }
    return best;
  }

  /** How near one index term (by number) comes to concept c. */
  similarityTo(c: number, term: number): number {
    return this.nearness(term)[c]!;
  }

  /** A concept of several words ("integrated circuit") is as close as its closest word. */
  private nearness(term: number): Float64Array {
    let near = this.byTerm.get(term);
    if (near) return near;
    near = new Float64Array(this.conceptTerms.length);
    const text = this.index.terms[term]!;
    let row = this.rows[term]!;
    if (row === UNKNOWN) this.rows[term] = row = this.embeddings.rowOf(text);
    for (let c = 0; c < near.length; c++) {
      if (this.conceptTerms[c]!.includes(text)) near[c] = 1;
      else if (row >= 0) for (const own of this.conceptRows[c]!) near[c] = Math.max(near[c]!, this.embeddings.similarityOfRows(own, row));
    }
    this.byTerm.set(term, near);
    return near;
  }
}
