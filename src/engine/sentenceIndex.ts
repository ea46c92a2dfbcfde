import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Article, Corpus, Sentence } from '../corpus/schema.js';
import { tokenize, type Token } from '../text/tokenize.js';
import { sentenceFeatures, type SentenceFeatures } from './answerType.js';
import { findAcronyms } from './findAcronyms.js';
import { resolveRelativeDates, type ResolvedDate } from './resolveRelativeDates.js';

/** One searchable sentence with everything ranking needs, computed once. */
export interface IndexedSentence {
  sentence: Sentence;
  article: Article;
  /** Content terms in reading order (stop words dropped), for proximity. */
  sequence: string[];
  /** Content terms plus implied ones (acronym long forms, resolved years). */
  terms: Set<string>;
  /** Terms used at least once as common words, not only inside a capitalised name ("People's Government"). */
  commonTerms: Set<string>;
  /** Terms of the article title, section heading and article year. */
  contextTerms: Set<string>;
  /** The sentences just before and after in the article, whose words a quote often leans on ("the deal"). */
  previous?: IndexedSentence;
  next?: IndexedSentence;
  features: SentenceFeatures;
  resolvedDates: ResolvedDate[];
}

export interface SentenceIndex {
  sentences: IndexedSentence[];
  search: MiniSearch<{ id: number; text: string; context: string }>;
  /** In how many sentences each term occurs, for idf. */
  documentFrequency: Map<string, number>;
  /** The vocabulary as a radix tree, for typo-tolerant lookups. */
  vocabulary: SearchableMap<number>;
  acronyms: Map<string, string[]>;
  /** Long forms back to their acronym: "internet thing" → "iot". */
  longForms: Map<string, string>;
}

const identity = (term: string) => term;
const splitTerms = (text: string) => (text ? text.split(' ') : []);

/** Terms a token list implies beyond its own: an acronym's long form, or a long form's acronym. */
export function impliedTerms(terms: string[], acronyms: Map<string, string[]>, longForms: Map<string, string>): string[] {
  const implied: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const longForm = acronyms.get(terms[i]!);
    if (longForm) implied.push(...longForm);
    for (const [phrase, acronym] of longForms) {
      const words = phrase.split(' ');
      if (words.every((w, k) => terms[i + k] === w)) implied.push(acronym);
    }
  }
  return implied;
}

export function buildSentenceIndex(corpus: Corpus): SentenceIndex {
  const acronyms = findAcronyms(corpus.articles.flatMap((a) => a.sentences.map((s) => s.text)));
  const longForms = new Map([...acronyms].map(([acronym, terms]) => [terms.join(' '), acronym]));
  const contentTerms = (tokens: Token[]) => tokens.filter((t) => !t.isStopWord).map((t) => t.term);

  const sentences: IndexedSentence[] = [];
  for (const article of corpus.articles) {
    const first = sentences.length;
    const year = article.date?.slice(0, 4);
    for (const sentence of article.sentences) {
      const context = contentTerms(tokenize(`${article.title} ${sentence.section ?? ''}`));
      if (year) context.push(year);
      const tokens = tokenize(sentence.text);
      const sequence = contentTerms(tokens);
      const resolvedDates = resolveRelativeDates(sentence.text, article.date);
      const resolvedYears = resolvedDates.flatMap((d) => d.years);
      const terms = new Set([...sequence, ...impliedTerms(sequence, acronyms, longForms), ...resolvedYears.map(String)]);
      sentences.push({
        sentence,
        article,
        sequence,
        terms,
        commonTerms: new Set(tokens.filter((t, i) => !t.isStopWord && (!t.capitalized || i === 0)).map((t) => t.term)),
        contextTerms: new Set([...context, ...impliedTerms(context, acronyms, longForms)]),
        features: sentenceFeatures(sentence.text, tokens, resolvedYears),
        resolvedDates,
      });
    }
    for (let i = first; i < sentences.length; i++) {
      if (i > first) sentences[i]!.previous = sentences[i - 1]!;
      if (i + 1 < sentences.length) sentences[i]!.next = sentences[i + 1]!;
    }
  }

  const documentFrequency = new Map<string, number>();
  for (const s of sentences) for (const term of s.terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const vocabulary = new SearchableMap<number>();
  for (const [term, df] of documentFrequency) vocabulary.set(term, df);

  // Terms are normalised once, by our tokenizer: minisearch indexes them as given.
  const search = new MiniSearch<{ id: number; text: string; context: string }>({
    fields: ['text', 'context'],
    tokenize: splitTerms,
    processTerm: identity,
    searchOptions: { tokenize: splitTerms, processTerm: identity },
  });
  search.addAll(sentences.map((s, id) => ({ id, text: [...s.terms].join(' '), context: [...s.contextTerms].join(' ') })));
  return { sentences, search, documentFrequency, vocabulary, acronyms, longForms };
}
