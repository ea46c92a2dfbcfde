import SearchableMap from 'minisearch/SearchableMap';
import type { Article, Corpus, Sentence } from '../corpus/schema.js';
import { tokenize, type Token } from '../text/tokenize.js';
import { MONEY_FLAG, MONTH_FLAG, sentenceFeatures } from './answerType.js';
import { corpusEntities, corpusTopics } from './corpusEntities.js';
import { CsrBuilder, growableU32, growableU8, type Csr } from './csr.js';
import { findAcronyms } from './findAcronyms.js';
import { RANKING } from './rankingParameters.js';
import { resolveRelativeDates, type ResolvedDate } from './relativeDates/resolveRelativeDates.js';

/**
 * The searchable form of a corpus. Per-sentence data lives in flat typed arrays (see csr.ts),
 * indexed by sentence id (reading order across the corpus); terms are numbered once.
 */
export interface SentenceIndex {
  articles: Article[];
  /** Sentence ids run from 0 to sentenceCount - 1 in reading order, article after article. */
  sentenceCount: number;
  /** A sentence by id (from an index file, decoded from it on each call: keep what you need). */
  sentence(id: number): Sentence;
  /** Per article: its first sentence id; one more entry, sentenceCount, at the end. */
  articleStart: Uint32Array;
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
  /** For /ask autocomplete: the named things (most mentioned first), and the titles and headings. */
  entities: string[];
  topics: string[];
  /**
   * Questions ask answers from this corpus (suggestQuestions.ts), made and verified by the engine
   * on first use and kept in the index file; undefined until then.
   */
  questions?: string[];
  /** The vocabulary as minisearch's radix tree, for typo and prefix lookups; built on first use. */
  vocabulary(): SearchableMap<number>;
}

/** What an index holds; the accessors (sentence, vocabulary) are derived from it. */
export type IndexData = Omit<SentenceIndex, 'sentence' | 'vocabulary'>;

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

  // Rows go straight into growable typed arrays: no per-sentence JavaScript arrays kept (see csr.ts).
  const sentenceCount = corpus.articles.reduce((n, a) => n + a.sentences.length, 0);
  const rows = {
    terms: new CsrBuilder(),
    sequence: new CsrBuilder(),
    numbers: new CsrBuilder(),
    names: new CsrBuilder(),
    places: new CsrBuilder(),
    years: new CsrBuilder(),
    context: new CsrBuilder(),
  };
  const commonFlags = growableU8(sentenceCount * 16);
  const answerFlags = new Uint8Array(sentenceCount);
  const articleOf = new Uint32Array(sentenceCount);
  const sectionOf = new Uint32Array(sentenceCount);
  const articleStart = new Uint32Array(corpus.articles.length + 1);
  const sectionStart = growableU32();
  const resolvedDates = new Map<number, ResolvedDate[]>();
  const wordCounts = new Uint32Array(sentenceCount);

  let id = 0;
  corpus.articles.forEach((article, articleNumber) => {
    const year = article.date?.slice(0, 4);
    let section: string | null | undefined;
    articleStart[articleNumber] = id;
    article.sentences.forEach((sentence, i) => {
      // A section is a run of sentences under one heading: its title, heading and year are context.
      if (i === 0 || sentence.section !== section) {
        section = sentence.section;
        const context = contentTerms(tokenize(`${article.title} ${section ?? ''}`));
        if (year) context.push(year);
        rows.context.push(ids([...context, ...impliedTerms(context, acronyms, longForms)]));
        sectionStart.push(id);
      }
      const tokens = tokenize(sentence.text);
      const sequence = contentTerms(tokens);
      const dates = resolveRelativeDates(sentence.text, article.date);
      if (dates.length) resolvedDates.set(id, dates);
      const resolvedYears = dates.flatMap((d) => d.years);
      const words = ids([...sequence, ...impliedTerms(sequence, acronyms, longForms)]);
      // Resolved years are found like words but are no words of the sentence: BM25 counts only its words.
      const own = resolvedYears.length ? [...new Set([...words, ...resolvedYears.map((y) => intern(String(y)))])].sort(ascending) : words;
      wordCounts[id] = words.length;
      const common = new Set(tokens.filter((t, k) => !t.isStopWord && (!t.capitalized || k === 0)).map((t) => intern(t.term)));
      const features = sentenceFeatures(sentence.text, tokens, resolvedYears);
      rows.terms.push(own);
      for (const t of own) commonFlags.push(common.has(t) ? 1 : 0);
      rows.sequence.push(sequence.map(intern));
      rows.numbers.push(features.numbers.map(intern));
      rows.names.push(features.names.map(intern));
      rows.places.push(features.places.map(intern));
      rows.years.push(features.years);
      answerFlags[id] = (features.money ? MONEY_FLAG : 0) | (features.months ? MONTH_FLAG : 0);
      articleOf[id] = articleNumber;
      sectionOf[id] = sectionStart.length - 1;
      id++;
    });
  });
  articleStart[corpus.articles.length] = id;
  sectionStart.push(id);

  const sentenceTerms = rows.terms.done();
  const flags = commonFlags.done();
  const contextTerms = rows.context.done();
  const commonVocabulary = new Uint8Array(terms.length);
  for (let k = 0; k < flags.length; k++) if (flags[k]) commonVocabulary[sentenceTerms.data[k]!] = 1;
  return withAccessors({
    articles: corpus.articles,
    sentenceCount,
    articleStart,
    terms,
    termIds,
    postings: invert(sentenceTerms, terms.length),
    sentenceTerms,
    commonFlags: flags,
    sequence: rows.sequence.done(),
    numbers: rows.numbers.done(),
    names: rows.names.done(),
    places: rows.places.done(),
    years: rows.years.done(),
    answerFlags,
    articleOf,
    sectionOf,
    sectionStart: sectionStart.done(),
    contextTerms,
    contextPostings: invert(contextTerms, terms.length),
    commonVocabulary,
    lengthNorm: lengthNorms(wordCounts),
    resolvedDates,
    acronyms,
    longForms,
    entities: corpusEntities(corpus.articles),
    topics: corpusTopics(corpus.articles),
  });
}

/** BM25's length normalisation per sentence (see SentenceIndex.lengthNorm). */
function lengthNorms(wordCounts: Uint32Array): Float32Array {
  const { k1, b } = RANKING.bm25;
  const average = wordCounts.reduce((sum, n) => sum + n, 0) / Math.max(1, wordCounts.length);
  return Float32Array.from(wordCounts, (length) => (k1 + 1) / (k1 * (1 - b + (b * length) / average) + 1));
}

/**
 * Adds the accessors: a sentence (by default through its article; an index file decodes just
 * that one), and the radix tree over the vocabulary, built on first use (most questions need no
 * typo lookup).
 */
export function withAccessors(index: IndexData, sentence?: (id: number) => Sentence): SentenceIndex {
  let vocabulary: SearchableMap<number> | undefined;
  const { articles, articleOf, articleStart } = index;
  return {
    ...index,
    sentence:
      sentence ??
      ((id) => {
        const article = articleOf[id]!;
        return articles[article]!.sentences[id - articleStart[article]!]!;
      }),
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
  for (let r = 0; r + 1 < csr.start.length; r++) for (let k = csr.start[r]!; k < csr.start[r + 1]!; k++) data[fill[csr.data[k]!]!++] = r;
  return { start: counts, data };
}
