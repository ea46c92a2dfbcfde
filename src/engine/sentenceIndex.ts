import SearchableMap from 'minisearch/SearchableMap';
import type { Article, Corpus, Sentence } from '../corpus/schema.js';
import { tokenize, type Token } from '../text/tokenize.js';
import { sentenceFeatures, type SentenceFeatures } from './answerType.js';
import { findAcronyms } from './findAcronyms.js';
import { RANKING } from './rankingParameters.js';
import { resolveRelativeDates, type ResolvedDate } from './resolveRelativeDates.js';

/** One searchable sentence with everything ranking needs, computed once. */
export interface IndexedSentence {
  /** Position in `SentenceIndex.sentences`, the id postings refer to. */
  id: number;
  sentence: Sentence;
  article: Article;
  /** Position of the article in the corpus, for its context postings. */
  articleNumber: number;
  /** Content terms in reading order (stop words dropped), for proximity. */
  sequence: string[];
  /** Content terms plus implied ones (acronym long forms, resolved years). */
  terms: Set<string>;
  /** Terms used at least once as common words, not only inside a capitalised name ("People's Government"). */
  commonTerms: Set<string>;
  /** Terms of the article title, section heading and article year (shared by the section's sentences). */
  contextTerms: Set<string>;
  /** The sentences just before and after in the article, whose words a quote often leans on ("the deal"). */
  previous?: IndexedSentence;
  next?: IndexedSentence;
  features: SentenceFeatures;
  resolvedDates: ResolvedDate[];
}

/** A term of the index: in how many sentences it occurs, and which (ascending ids). */
export interface TermPostings {
  df: number;
  sentences: Uint32Array;
}

export interface SentenceIndex {
  sentences: IndexedSentence[];
  /** The keyword index: term to postings. */
  postings: Map<string, TermPostings>;
  /** The same terms in minisearch's radix tree, for typo-tolerant and prefix lookups. */
  vocabulary: SearchableMap<TermPostings>;
  /** Context term → the sections (ids of their first sentence) whose title or heading has it. */
  contextPostings: Map<string, Uint32Array>;
  /** BM25's length normalisation of each sentence, (k1 + 1) / (k1 · (1 − b + b · length / average) + 1). */
  lengthNorm: Float32Array;
  /** Terms used somewhere in the corpus as common words, not only inside capitalised names. */
  commonVocabulary: Set<string>;
  acronyms: Map<string, string[]>;
  /** Long forms by their first term: "internet" → [["internet", "thing"], "iot"]. */
  longForms: Map<string, [string[], string][]>;
}


export function documentFrequency(index: SentenceIndex, term: string): number {
  return index.postings.get(term)?.df ?? 0;
}

/** Terms a token list implies beyond its own: an acronym's long form, or a long form's acronym. */
export function impliedTerms(terms: string[], acronyms: Map<string, string[]>, longForms: Map<string, [string[], string][]>): string[] {
  const implied: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const longForm = acronyms.get(terms[i]!);
    if (longForm) implied.push(...longForm);
    for (const [words, acronym] of longForms.get(terms[i]!) ?? []) {
      if (words.every((w, k) => terms[i + k] === w)) implied.push(acronym);
    }
  }
  return implied;
}

const contentTerms = (tokens: Token[]) => tokens.filter((t) => !t.isStopWord).map((t) => t.term);

export function buildSentenceIndex(corpus: Corpus): SentenceIndex {
  const acronyms = findAcronyms(corpus.articles.flatMap((a) => a.sentences.map((s) => s.text)));
  const longForms = new Map<string, [string[], string][]>();
  for (const [acronym, words] of acronyms) longForms.set(words[0]!, [...(longForms.get(words[0]!) ?? []), [words, acronym]]);

  const sentences: IndexedSentence[] = [];
  const contextIds = new Map<string, number[]>();
  corpus.articles.forEach((article, articleNumber) => {
    const first = sentences.length;
    const year = article.date?.slice(0, 4);
    // One context per run of sentences under the same heading: sections are contiguous.
    let context: Set<string> | undefined;
    let section: string | null | undefined;
    for (const sentence of article.sentences) {
      if (!context || sentence.section !== section) {
        section = sentence.section;
        const terms = contentTerms(tokenize(`${article.title} ${section ?? ''}`));
        if (year) terms.push(year);
        context = new Set([...terms, ...impliedTerms(terms, acronyms, longForms)]);
        for (const term of context) {
          const ids = contextIds.get(term);
          if (ids) ids.push(sentences.length);
          else contextIds.set(term, [sentences.length]);
        }
      }
      const tokens = tokenize(sentence.text);
      const sequence = contentTerms(tokens);
      const resolvedDates = resolveRelativeDates(sentence.text, article.date);
      const resolvedYears = resolvedDates.flatMap((d) => d.years);
      sentences.push({
        id: sentences.length,
        sentence,
        article,
        articleNumber,
        sequence,
        terms: new Set([...sequence, ...impliedTerms(sequence, acronyms, longForms), ...resolvedYears.map(String)]),
        commonTerms: new Set(tokens.filter((t, i) => !t.isStopWord && (!t.capitalized || i === 0)).map((t) => t.term)),
        contextTerms: context,
        features: sentenceFeatures(sentence.text, tokens, resolvedYears),
        resolvedDates,
      });
    }
    for (let i = first; i < sentences.length; i++) {
      if (i > first) sentences[i]!.previous = sentences[i - 1]!;
      if (i + 1 < sentences.length) sentences[i]!.next = sentences[i + 1]!;
    }
  });

  const lists = new Map<string, number[]>();
  for (const s of sentences) {
    for (const term of s.terms) {
      const list = lists.get(term);
      if (list) list.push(s.id);
      else lists.set(term, [s.id]);
    }
  }
  const postings = new Map<string, TermPostings>();
  const vocabulary = new SearchableMap<TermPostings>();
  for (const [term, ids] of lists) {
    const entry = { df: ids.length, sentences: Uint32Array.from(ids) };
    postings.set(term, entry);
    vocabulary.set(term, entry);
  }

  const averageLength = sentences.reduce((sum, s) => sum + s.terms.size, 0) / Math.max(1, sentences.length);
  const { k1, b } = RANKING.bm25;
  const lengthNorm = Float32Array.from(sentences, (s) => (k1 + 1) / (k1 * (1 - b + (b * s.terms.size) / averageLength) + 1));
  const contextPostings = new Map([...contextIds].map(([term, ids]) => [term, Uint32Array.from(ids)]));
  const commonVocabulary = new Set(sentences.flatMap((s) => [...s.commonTerms]));
  return { sentences, postings, vocabulary, contextPostings, lengthNorm, commonVocabulary, acronyms, longForms };
}
