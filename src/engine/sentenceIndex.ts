import SearchableMap from 'minisearch/SearchableMap';
import type { Article, Corpus, Sentence } from '../corpus/schema.js';
import { tokenize, type Token } from '../text/tokenize.js';
import { MONEY_FLAG, MONTH_FLAG, sentenceFeatures } from './answerType.js';
import { csrFromLists, row, type Csr } from './csr.js';
import { findAcronyms } from './findAcronyms.js';
import { RANKING } from './rankingParameters.js';
import { resolveRelativeDates, type ResolvedDate } from './resolveRelativeDates.js';

/**
 * The searchable form of a corpus. Per-sentence data lives in flat typed arrays (see csr.ts),
 * indexed by sentence id (reading order across the corpus); terms are numbered once.
 */
export interface SentenceIndex {
  articles: Article[];
  sentences: Sentence[];
  /** Term number → term, and back. */
  terms: string[];
  termIds: Map<string, number>;
  /** Per term: the sentences whose text (with implied terms) has it, ascending. */
  postings: Csr;
  /** Per sentence: its terms, sorted by number; `commonFlags` marks those used as common words. */
  sentenceTerms: Csr;
  commonFlags: Uint8Array;
  /** Per sentence: its content terms in reading order, for proximity. */
  sequence: Csr;
  /** Per sentence: the numbers, name words and place words it offers as answers. */
  numbers: Csr;
  names: Csr;
  places: Csr;
  years: Csr;
  /** Per sentence: bit 1 money, bit 2 a month name. */
  answerFlags: Uint8Array;
  articleOf: Uint32Array;
  sectionOf: Uint32Array;
  /** Per section (a run of sentences under one heading): its first sentence, then its title/heading/year terms. */
  sectionStart: Uint32Array;
  contextTerms: Csr;
  /** Per term: the sections whose title or heading has it. */
  contextPostings: Csr;
  /** Per term: 1 when the corpus uses it somewhere as a common word, not only inside names. */
  commonVocabulary: Uint8Array;
  /** BM25's length normalisation of each sentence, (k1 + 1) / (k1 · (1 − b + b · length / average) + 1). */
  lengthNorm: Float32Array;
  /** Relative dates, for the few sentences that have any. */
  resolvedDates: Map<number, ResolvedDate[]>;
  acronyms: Map<string, string[]>;
  /** Long forms by their first term: "internet" → [["internet", "thing"], "iot"]. */
  longForms: Map<string, [string[], string][]>;
  /** The vocabulary as minisearch's radix tree, for typo and prefix lookups; built on first use. */
  vocabulary(): SearchableMap<number>;
}

export function documentFrequency(index: SentenceIndex, term: string): number {
  const id = index.termIds.get(term);
  return id === undefined ? 0 : index.postings.start[id + 1]! - index.postings.start[id]!;
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
const ascending = (a: number, b: number) => a - b;

export function buildSentenceIndex(corpus: Corpus): SentenceIndex {
  const acronyms = findAcronyms(corpus.articles.flatMap((a) => a.sentences.map((s) => s.text)));
  const longForms = longFormsOf(acronyms);

  const terms: string[] = [];
  const termIds = new Map<string, number>();
  const intern = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) termIds.set(term, (id = terms.push(term) - 1));
    return id;
  };
  const ids = (list: Iterable<string>) => [...new Set([...list].map(intern))].sort(ascending);

  const sentences: Sentence[] = [];
  const lists = { terms: [] as number[][], sequence: [] as number[][], numbers: [] as number[][], names: [] as number[][], places: [] as number[][], years: [] as number[][], context: [] as number[][] };
  const flags: number[] = [];
  const commonFlags: number[] = [];
  const articleOf: number[] = [];
  const sectionOf: number[] = [];
  const sectionStart: number[] = [];
  const resolvedDates = new Map<number, ResolvedDate[]>();

  corpus.articles.forEach((article, articleNumber) => {
    const year = article.date?.slice(0, 4);
    let section: string | null | undefined;
    article.sentences.forEach((sentence, i) => {
      // A section is a run of sentences under one heading: its title, heading and year are context.
      if (i === 0 || sentence.section !== section) {
        section = sentence.section;
        const context = contentTerms(tokenize(`${article.title} ${section ?? ''}`));
        if (year) context.push(year);
        lists.context.push(ids([...context, ...impliedTerms(context, acronyms, longForms)]));
        sectionStart.push(sentences.length);
      }
      const id = sentences.length;
      const tokens = tokenize(sentence.text);
      const sequence = contentTerms(tokens);
      const dates = resolveRelativeDates(sentence.text, article.date);
      if (dates.length) resolvedDates.set(id, dates);
      const resolvedYears = dates.flatMap((d) => d.years);
      const own = ids([...sequence, ...impliedTerms(sequence, acronyms, longForms), ...resolvedYears.map(String)]);
      const common = new Set(tokens.filter((t, k) => !t.isStopWord && (!t.capitalized || k === 0)).map((t) => intern(t.term)));
      const features = sentenceFeatures(sentence.text, tokens, resolvedYears);
      sentences.push(sentence);
      lists.terms.push(own);
      for (const t of own) commonFlags.push(common.has(t) ? 1 : 0);
      lists.sequence.push(sequence.map(intern));
      lists.numbers.push(features.numbers.map(intern));
      lists.names.push(features.names.map(intern));
      lists.places.push(features.places.map(intern));
      lists.years.push(features.years);
      flags.push((features.money ? MONEY_FLAG : 0) | (features.months ? MONTH_FLAG : 0));
      articleOf.push(articleNumber);
      sectionOf.push(sectionStart.length - 1);
    });
  });
  sectionStart.push(sentences.length);

  const sentenceTerms = csrFromLists(lists.terms);
  const postings = invert(sentenceTerms, terms.length);
  const contextTerms = csrFromLists(lists.context);
  const contextPostings = invert(contextTerms, terms.length);
  const commonVocabulary = new Uint8Array(terms.length);
  sentenceTerms.data.forEach((t, k) => {
    if (commonFlags[k]) commonVocabulary[t] = 1;
  });
  const { k1, b } = RANKING.bm25;
  const lengths = Array.from({ length: sentences.length }, (_, i) => sentenceTerms.start[i + 1]! - sentenceTerms.start[i]!);
  const average = lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, lengths.length);
  return attachVocabulary({
    articles: corpus.articles,
    sentences,
    terms,
    termIds,
    postings,
    sentenceTerms,
    commonFlags: Uint8Array.from(commonFlags),
    sequence: csrFromLists(lists.sequence),
    numbers: csrFromLists(lists.numbers),
    names: csrFromLists(lists.names),
    places: csrFromLists(lists.places),
    years: csrFromLists(lists.years),
    answerFlags: Uint8Array.from(flags),
    articleOf: Uint32Array.from(articleOf),
    sectionOf: Uint32Array.from(sectionOf),
    sectionStart: Uint32Array.from(sectionStart),
    contextTerms,
    contextPostings,
    commonVocabulary,
    lengthNorm: Float32Array.from(lengths, (n) => (k1 + 1) / (k1 * (1 - b + (b * n) / average) + 1)),
    resolvedDates,
    acronyms,
    longForms,
  });
}

/** Adds the radix tree over the vocabulary, built on first use (most questions need no typo lookup). */
export function attachVocabulary(index: Omit<SentenceIndex, 'vocabulary'>): SentenceIndex {
  let vocabulary: SearchableMap<number> | undefined;
  return {
    ...index,
    vocabulary() {
      if (!vocabulary) {
        vocabulary = new SearchableMap<number>();
        index.terms.forEach((term, id) => vocabulary!.set(term, id));
      }
      return vocabulary;
    },
  };
}

/** Long forms by their first term, for spotting them in a run of terms. */
export function longFormsOf(acronyms: Map<string, string[]>): Map<string, [string[], string][]> {
  const longForms = new Map<string, [string[], string][]>();
  for (const [acronym, words] of acronyms) longForms.set(words[0]!, [...(longForms.get(words[0]!) ?? []), [words, acronym]]);
  return longForms;
}

/** Rows of ids → for each id, the rows that hold it (ascending). */
function invert(csr: Csr, size: number): Csr {
  const counts = new Uint32Array(size + 1);
  for (const id of csr.data) counts[id + 1]!++;
  for (let i = 0; i < size; i++) counts[i + 1]! += counts[i]!;
  const data = new Uint32Array(csr.data.length);
  const fill = counts.slice(0, size);
  for (let r = 0; r + 1 < csr.start.length; r++) for (const id of row(csr, r)) data[fill[id]!++] = r;
  return { start: counts, data };
}
