import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCorpus } from '../corpus/loadCorpus.js';
import type { Article, Corpus, Sentence } from '../corpus/schema.js';
import { loadLexicon, type Lexicon } from '../lexicon/wordnet.js';
import { analyzeQuestion } from './analyzeQuestion.js';
import { factHistory } from './factHistory.js';
import { rankSentences, type RankedSentence } from './rankSentences.js';
import { resolveRelativeDates, type ResolvedDate } from './resolveRelativeDates.js';
import { corpusDigest } from './persist/corpusDigest.js';
import { IndexFileError, readIndexFile } from './persist/indexFile.js';
import { buildSentenceIndex, type SentenceIndex } from './sentenceIndex.js';
import type { Answer, AskResult, SearchHit } from './types.js';

export const MAX_QUESTION_LENGTH = 500;
/** Below this confidence the engine says it does not know rather than quote a near miss. */
export const ANSWER_THRESHOLD = 0.6;

export const NO_ANSWER = "I couldn't find that in the sources.";

export interface Engine {
  readonly corpus: Corpus;
  /** The search index, for `build-index` to save. */
  readonly index: SentenceIndex;
  ask(question: string, options?: { limit?: number }): AskResult;
  search(query: string, options?: { limit?: number }): SearchHit[];
  /** The sentences ask would choose from, best first, with no confidence threshold (for benchmarks). */
  rank(question: string, options?: { limit?: number }): Answer[];
  article(id: string): Article | undefined;
  /** One sentence as a citation, from the ids a button carries (no confidence: nothing was asked). */
  answerAt(documentId: string, sentenceIndex: number): Omit<Answer, 'score'> | undefined;
  /** A sentence and its neighbours, for "show context". */
  context(documentId: string, sentenceIndex: number, radius?: number): { article: Article; sentences: Sentence[] } | undefined;
}

export interface LoadOptions {
  /** A prebuilt index (`citebot build-index`); default `.citebot-index` in the corpus folder. */
  indexFile?: string;
  /** Told when a prebuilt index exists but cannot be used; default: a line on stderr. */
  notice?: (message: string) => void;
}

export const defaultIndexFile = (corpusDir: string) => join(corpusDir, '.citebot-index');

/**
 * The engine for a corpus folder: from its prebuilt index when that is intact, was built by this
 * code and from exactly these files; otherwise by loading and indexing the corpus (saying why,
 * naming the file, when an index was there or was asked for).
 */
export function loadEngine(corpusDir: string, options: LoadOptions = {}): Engine {
  const file = options.indexFile ?? defaultIndexFile(corpusDir);
  const notice = options.notice ?? ((message: string) => process.stderr.write(`citebot: ${message}\n`));
  if (existsSync(file)) {
    const digest = corpusDigest(corpusDir);
    try {
      const prebuilt = readIndexFile(file);
      if (prebuilt.digest === digest) return engineFromIndex(prebuilt.index, resolve(corpusDir));
      notice(`the prebuilt index ${file} was built from other corpus files: indexing the corpus instead (\`npx citebot build-index\` refreshes it)`);
    } catch (error) {
      if (!(error instanceof IndexFileError)) throw error;
      notice(`the prebuilt index ${file} cannot be used: ${error.message}; indexing the corpus instead (\`npx citebot build-index\` rewrites it)`);
    }
  } else if (options.indexFile) {
    notice(`the prebuilt index ${file} does not exist: indexing the corpus instead (\`npx citebot build-index --out ${file}\` writes it)`);
  }
  return createEngine(loadCorpus(corpusDir));
}

export function createEngine(corpus: Corpus, lexicon: Lexicon = loadLexicon()): Engine {
  return engineFromIndex(buildSentenceIndex(corpus), corpus.dir, lexicon);
}

export function engineFromIndex(index: SentenceIndex, dir: string, lexicon: Lexicon = loadLexicon()): Engine {
  const corpus: Corpus = { dir, articles: index.articles };
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  return {
    corpus,
    index,
    ask: (question, options) => ask(index, lexicon, question, options?.limit ?? 3),
    search: (query, options) => search(index, lexicon, query, options?.limit ?? 10),
    rank: (question, options) =>
      checkQuestion(question) ? [] : rankSentences(analyzeQuestion(question, index, lexicon), index).slice(0, options?.limit ?? 10).map(toAnswer),
    article: (id) => byId.get(id),
    answerAt(documentId, sentenceIndex) {
      const article = byId.get(documentId);
      const sentence = article?.sentences[sentenceIndex];
      return article && sentence ? citation(article, sentence, resolveRelativeDates(sentence.text, article.date)) : undefined;
    },
    context(documentId, sentenceIndex, radius = 2) {
      const article = byId.get(documentId);
      if (!article || !article.sentences[sentenceIndex]) return undefined;
      return { article, sentences: article.sentences.slice(Math.max(0, sentenceIndex - radius), sentenceIndex + radius + 1) };
    },
  };
}

/** Why a question cannot be looked up at all, or null when it can. */
export function checkQuestion(question: string): string | null {
  const trimmed = question.trim();
  if (!trimmed) return 'The question is empty: ask about something in the sources, e.g. "how many IoT firms in Wuxi".';
  if (trimmed.length > MAX_QUESTION_LENGTH) return `The question is too long (${trimmed.length} characters): ask in under ${MAX_QUESTION_LENGTH}.`;
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return 'The question has no words to look up: ask in words, e.g. "who is the vice-mayor of Wuxi".';
  return null;
}

function ask(index: SentenceIndex, lexicon: Lexicon, question: string, limit: number): AskResult {
  const problem = checkQuestion(question);
  if (problem) return { question, answered: false, answers: [], message: problem, nearTitles: [] };
  const analyzed = analyzeQuestion(question, index, lexicon);
  const unknown = analyzed.concepts.find((c) => c.unknownName);
  if (unknown) {
    const name = question.match(new RegExp(`\\b${unknown.surface}\\b`, 'i'))?.[0] ?? unknown.surface;
    return { question, answered: false, answers: [], message: `${NO_ANSWER} The sources never mention ${name}.`, nearTitles: [] };
  }
  const ranked = rankSentences(analyzed, index);
  const best = ranked[0];
  if (!best || best.confidence < ANSWER_THRESHOLD || !best.offersAnswer) {
    return { question, answered: false, answers: [], message: NO_ANSWER, nearTitles: nearTitles(ranked) };
  }
  // The best sentence leads; other sources' dated answers to the same question follow as its history.
  const history = factHistory(analyzed, ranked, best, ANSWER_THRESHOLD, lexicon);
  const answers = [best, ...history].slice(0, Math.max(1, limit)).map(toAnswer);
  return { question, answered: true, answers, nearTitles: [] };
}

function search(index: SentenceIndex, lexicon: Lexicon, query: string, limit: number): SearchHit[] {
  if (checkQuestion(query)) return [];
  const analyzed = analyzeQuestion(query, index, lexicon);
  return rankSentences({ ...analyzed, answerType: 'any' }, index)
    .slice(0, limit)
    .map((r) => ({ ...toAnswer(r), rank: round(r.rank) }));
}

function nearTitles(ranked: RankedSentence[]): string[] {
  const titles = new Set<string>();
  for (const r of ranked) if (r.confidence >= ANSWER_THRESHOLD / 2 && titles.size < 3) titles.add(r.entry.article.title);
  return [...titles];
}

function toAnswer({ entry, confidence }: RankedSentence): Answer {
  return { ...citation(entry.article, entry.sentence, entry.resolvedDates), score: round(confidence) };
}

/** A sentence with its source, date and the notes on its relative dates: what every shell shows. */
function citation(article: Article, sentence: Sentence, dates: ResolvedDate[]): Omit<Answer, 'score'> {
  return {
    quote: sentence.text,
    date: article.date,
    datePrecision: article.datePrecision,
    documentId: article.id,
    sentenceIndex: sentence.index,
    title: article.title,
    source: article.source,
    url: article.url,
    notes: dates.map((d) => `"${d.phrase}" = ${d.resolved}`),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
