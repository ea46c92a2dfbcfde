import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCorpus } from '../corpus/loadCorpus.js';
import type { Article, Corpus, Sentence } from '../corpus/schema.js';
import { loadLexicon, type Lexicon } from '../lexicon/wordnet.js';
import { analyzeQuestion, type AnalyzedQuestion } from './analyzeQuestion.js';
import { articleMask, filteredOutMessage, hasFilter, noArticleMessage, parseAnswerFilter, type AnswerFilter } from './articleFilter.js';
import { answerSpans } from './answerSpans.js';
import { checkClaim, type ClaimCheck } from './checkClaim.js';
import { factHistory } from './factHistory.js';
import { verifiedQuestions } from './suggestQuestions.js';
import { FEATURE_NAMES } from './features.js';
import { rankSentences, type RankedSentence } from './rankSentences.js';
import type { ResolvedDate } from './relativeDates/resolveRelativeDates.js';
import { corpusDigest } from './persist/corpusDigest.js';
import { IndexFileError, readIndexFile } from './persist/indexFile.js';
import { buildSentenceIndex, type SentenceIndex } from './sentenceIndex.js';
import type { Answer, AskResult, DeclineReason, SearchHit } from './types.js';
import { answerModel, answerProbability } from './model/answerModel.js';

export const MAX_QUESTION_LENGTH = 500;
export const NO_ANSWER = "I couldn't find that in the sources.";
/** The reply to greetings, thanks and the like: how to ask, not a quote. */
export const CHAT_POINTER =
  'I answer questions about the news articles in my sources with a quote and its date. Ask me something like "how many IoT enterprises in Wuxi", or type /help.';

export interface Engine {
  readonly corpus: Corpus;
  /** The search index, for `build-index` to save. */
  readonly index: SentenceIndex;
  /** With `since` or `source` (articleFilter.ts), only those articles are searched; a filter that does not parse throws FilterError. */
  ask(question: string, options?: { limit?: number } & AnswerFilter): AskResult;
  search(query: string, options?: { limit?: number } & AnswerFilter): SearchHit[];
  /** The sentences that bear on a claim (what answers it as a question first, then those that share its substance), best first. */
  findSupport(claim: string, options?: { limit?: number }): Answer[];
  /** Questions ask answers from this corpus, each with the sentence it was made from (suggestQuestions.ts): from the index file, else made once now. */
  suggestedQuestions(): readonly string[];
  /** Find source's verdict on a claim (supported, a newer figure, contradicted, not in the sources) and the sentences behind it. */
  checkClaim(claim: string, options?: { limit?: number }): ClaimCheck;
  /** The sentences ask would choose from, best first, with no confidence threshold (for benchmarks). */
  rank(question: string, options?: { limit?: number }): Answer[];
  article(id: string): Article | undefined;
  /** One sentence as a citation, from the ids a button carries (no confidence: nothing was asked). */
  answerAt(documentId: string, sentenceIndex: number, options?: { question?: string }): Omit<Answer, 'score'> | undefined;
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
  return loadEngineAndDigest(corpusDir, options).engine;
}

/** loadEngine, and the digest of the corpus files it was built from (what a live reload compares, and /healthz reports). */
export function loadEngineAndDigest(corpusDir: string, options: LoadOptions = {}): { engine: Engine; digest: string } {
  const file = options.indexFile ?? defaultIndexFile(corpusDir);
  const notice = options.notice ?? ((message: string) => process.stderr.write(`citebot: ${message}\n`));
  // Taken before loading: if a file changes meanwhile, the digest will not match it and the next reload sees it.
  const digest = corpusDigest(corpusDir);
  if (existsSync(file)) {
    try {
      const prebuilt = readIndexFile(file);
      if (prebuilt.digest === digest) return { engine: engineFromIndex(prebuilt.index, resolve(corpusDir)), digest };
      notice(
        `the prebuilt index ${file} was built from other corpus files: indexing the corpus instead (\`npx citebot build-index\` refreshes it)`,
      );
    } catch (error) {
      if (!(error instanceof IndexFileError)) throw error;
      notice(
        `the prebuilt index ${file} cannot be used: ${error.message}; indexing the corpus instead (\`npx citebot build-index\` rewrites it)`,
      );
    }
  } else if (options.indexFile) {
    notice(`the prebuilt index ${file} does not exist: indexing the corpus instead (\`npx citebot build-index --out ${file}\` writes it)`);
  }
  return { engine: createEngine(loadCorpus(corpusDir)), digest };
}

export function createEngine(corpus: Corpus, lexicon: Lexicon = loadLexicon()): Engine {
  return engineFromIndex(buildSentenceIndex(corpus), corpus.dir, lexicon);
}

export function engineFromIndex(index: SentenceIndex, dir: string, lexicon: Lexicon = loadLexicon()): Engine {
  const corpus: Corpus = { dir, articles: index.articles };
  // Made on the first lookup: at 1M sentences (80k articles) building it is ~5% of the load.
  let numberById: Map<string, number> | undefined;
  const articleNumber = (id: string) => (numberById ??= new Map(corpus.articles.map((a, n) => [a.id, n]))).get(id);
  const articleById = (id: string) => {
    const n = articleNumber(id);
    return n === undefined ? undefined : corpus.articles[n];
  };
  return {
    corpus,
    index,
    ask: (question, options) => askWithin(index, lexicon, question, options?.limit ?? 3, options),
    search: (query, options) => {
      const mask = hasFilter(options) ? articleMask(index.articles, parseAnswerFilter(options)) : undefined;
      return mask?.kept === 0 ? [] : search(index, lexicon, query, options?.limit ?? 10, mask?.allowed);
    },
    findSupport: (claim, options) => findSupport(index, lexicon, claim, options?.limit ?? 3),
    suggestedQuestions: () =>
      (index.questions ??= verifiedQuestions(
        index,
        (q) => ask(index, lexicon, q, 1).answers[0],
        undefined,
        (verb) => lexicon.lemmatize(verb).find((base) => base !== verb && verb.startsWith(base.slice(0, 3))),
      )),
    checkClaim: (claim, options) => checkClaim(claimTools(index, lexicon), claim, options?.limit ?? 3),
    rank: (question, options) =>
      checkQuestion(question)
        ? []
        : rankOnly(index, lexicon, question)
            .map((r, i, ranked) => toAnswer(r, confidenceOf(ranked, i)))
            .slice(0, options?.limit ?? 10),
    article: articleById,
    answerAt(documentId, sentenceIndex, options) {
      const n = articleNumber(documentId);
      const article = n === undefined ? undefined : corpus.articles[n];
      const sentence = article?.sentences[sentenceIndex];
      if (!article || !sentence) return undefined;
      // The relative dates as the index resolved them (an article's sentences are numbered in a row from articleStart).
      const dates = index.resolvedDates.get(index.articleStart[n!]! + sentenceIndex) ?? [];
      const cited = citation(article, sentence, dates);
      // With the question it answered (a Share press reads it from the reply), the answer words are marked as ask marks them.
      const question = options?.question;
      if (question === undefined || checkQuestion(question)) return cited;
      const spans = answerSpans(cited.quote, analyzedRecently(question, index, lexicon), question, index, dates);
      return spans.length ? { ...cited, answerSpans: spans } : cited;
    },
    context(documentId, sentenceIndex, radius = 2) {
      const article = articleById(documentId);
      if (!article || !article.sentences[sentenceIndex]) return undefined;
      return { article, sentences: article.sentences.slice(Math.max(0, sentenceIndex - radius), sentenceIndex + radius + 1) };
    },
  };
}

/** Why a question cannot be looked up at all, or null when it can. */
export function checkQuestion(question: string): Decline | null {
  const trimmed = question.trim();
  if (!trimmed)
    return {
      reason: 'empty',
      message: 'The question is empty: ask about something in the sources, e.g. "how many IoT enterprises in Wuxi".',
    };
  if (trimmed.length > MAX_QUESTION_LENGTH)
    return { reason: 'too-long', message: `The question is too long (${trimmed.length} characters): ask in under ${MAX_QUESTION_LENGTH}.` };
  if (!/[\p{L}\p{N}]/u.test(trimmed))
    return { reason: 'no-words', message: 'The question has no words to look up: ask in words, e.g. "who is the vice-mayor of Wuxi".' };
  return null;
}

interface Decline {
  reason: DeclineReason;
  message: string;
}

const declined = (question: string, { reason, message }: Decline, nearTitles: string[] = []): AskResult => ({
  question,
  answered: false,
  answers: [],
  reason,
  message,
  nearTitles,
});

/** ask within a filter; when the filter is why nothing answers (the sources answer outside it), the decline says so. */
function askWithin(index: SentenceIndex, lexicon: Lexicon, question: string, limit: number, filter?: AnswerFilter): AskResult {
  if (!hasFilter(filter)) return ask(index, lexicon, question, limit);
  const mask = articleMask(index.articles, parseAnswerFilter(filter));
  if (mask.kept === 0) return declined(question, { reason: 'filtered-out', message: noArticleMessage(index.articles, mask) });
  const result = ask(index, lexicon, question, limit, mask.allowed);
  if (result.reason !== 'no-match' && result.reason !== 'low-confidence') return result;
  const outside = ask(index, lexicon, question, 1).answers[0];
  return outside ? declined(question, { reason: 'filtered-out', message: filteredOutMessage(mask, outside) }, result.nearTitles) : result;
}

function ask(index: SentenceIndex, lexicon: Lexicon, question: string, limit: number, articles?: Uint8Array): AskResult {
  const problem = checkQuestion(question);
  if (problem) return declined(question, problem);
  const analyzed = analyzedRecently(question, index, lexicon);
  if (analyzed.isChat) return declined(question, { reason: 'chat', message: CHAT_POINTER });
  const unknown = analyzed.concepts.find((c) => c.unknownName);
  if (unknown) {
    const name = question.match(new RegExp(`\\b${escapeRegExp(unknown.surface)}\\b`, 'i'))?.[0] ?? unknown.surface;
    return declined(question, { reason: 'unknown-name', message: `${NO_ANSWER} The sources never mention ${name}.` });
  }
  const model = answerModel();
  const ranked = rankSentences(analyzed, index, model, { articles });
  const top = ranked[0];
  if (!top) return declined(question, { reason: 'no-match', message: NO_ANSWER });
  const confidence = confidenceOf(ranked, 0);
  if (confidence < model.threshold) return declined(question, { reason: 'low-confidence', message: NO_ANSWER }, nearTitles(ranked));
  // Other sources' dated answers to the same question follow as its history; the newest equally good one leads.
  const history = factHistory(analyzed, ranked, top, lexicon);
  // A newer source's answer to the same question leads when it is good enough to quote on its own.
  const newer = history.find(
    (r) =>
      (r.entry.article.date ?? '') > (top.entry.article.date ?? '') && answerProbability(model, r.score, 0, r.features) >= model.threshold,
  );
  const best = newer ?? top;
  const rest = newer ? [top, ...history.filter((r) => r !== newer)] : history;
  const quoted = [best, ...rest].slice(0, Math.max(1, limit));
  const answers = quoted.map((r, i) =>
    withAnswerSpans(toAnswer(r, i === 0 ? confidence : answerProbability(model, r.score, 0, r.features)), r, analyzed, question, index),
  );
  return { question, answered: true, answers, nearTitles: [] };
}

/**
 * The answer with the words that answer the question marked (none for a question of no particular
 * type); its relative dates as the index resolved them, so answering never loads the date parser.
 */
function withAnswerSpans(
  answer: Answer,
  ranked: RankedSentence,
  analyzed: AnalyzedQuestion,
  question: string,
  index: SentenceIndex,
): Answer {
  const spans = answerSpans(answer.quote, analyzed, question, index, ranked.entry.resolvedDates);
  return spans.length ? { ...answer, answerSpans: spans } : answer;
}

/** The best candidate's confidence counts its lead over the runner-up (as ask's does); the others' count none. */
function confidenceOf(ranked: RankedSentence[], i: number): number {
  const r = ranked[i]!;
  const lead = i === 0 ? r.score - (ranked[1]?.score ?? -Infinity) : 0;
  return answerProbability(answerModel(), r.score, lead, r.features);
}

/**
 * The analyses of the last few questions per index, so a question asked again (an example, an
 * autocomplete pick, a busy channel) skips the lexicon work. An analysis depends only on the
 * question as typed, the index and the lexicon, and nothing changes it afterwards.
 */
const RECENT_ANALYSES = 256;
const recentAnalyses = new WeakMap<SentenceIndex, Map<string, { lexicon: Lexicon; analyzed: AnalyzedQuestion }>>();

function analyzedRecently(question: string, index: SentenceIndex, lexicon: Lexicon): AnalyzedQuestion {
  let recent = recentAnalyses.get(index);
  if (!recent) recentAnalyses.set(index, (recent = new Map()));
  const hit = recent.get(question);
  const analyzed = hit?.lexicon === lexicon ? hit.analyzed : analyzeQuestion(question, index, lexicon);
  // Most recently used last; the least recently used goes first when there are too many.
  recent.delete(question);
  recent.set(question, { lexicon, analyzed });
  if (recent.size > RECENT_ANALYSES) recent.delete(recent.keys().next().value!);
  return analyzed;
}

/** What ask chooses from, best first, before any confidence threshold (the benchmarks' ranking). */
function rankOnly(index: SentenceIndex, lexicon: Lexicon, question: string): RankedSentence[] {
  return rankSentences(analyzeQuestion(question, index, lexicon), index);
}

/**
 * Browsing, not answering: sentences that say the query's words themselves come first, those
 * that say them side by side and in order before those that scatter them, then the model's order.
 */
function search(index: SentenceIndex, lexicon: Lexicon, query: string, limit: number, articles?: Uint8Array): SearchHit[] {
  if (checkQuestion(query)) return [];
  const analyzed = analyzedRecently(query, index, lexicon);
  const literal = (r: RankedSentence) => round(r.features[LITERAL_COVERAGE]!);
  const order = (r: RankedSentence) => r.features[ORDER]!;
  return rankSentences({ ...analyzed, answerType: 'any' }, index, answerModel(), { articles })
    .sort((a, b) => literal(b) - literal(a) || order(b) - order(a) || b.score - a.score)
    .slice(0, limit)
    .map((r) => ({ ...toAnswer(r, answerProbability(answerModel(), r.score, 0, r.features)), rank: round(r.score) }));
}

/** A search hit bears on a claim when the model gives it at least this share of the answer threshold. */
const BEARS_ON_SHARE = 0.75;

function findSupport(
  index: SentenceIndex,
  lexicon: Lexicon,
  claim: string,
  limit: number,
  asked: Answer[] = ask(index, lexicon, claim, limit).answers,
): Answer[] {
  const bar = answerModel().threshold * BEARS_ON_SHARE;
  const searched = search(index, lexicon, claim, limit * 2).filter((h) => h.score >= bar);
  const found: Answer[] = [];
  for (const a of [...asked, ...searched]) {
    if (found.length < limit && !found.some((f) => f.documentId === a.documentId && f.sentenceIndex === a.sentenceIndex)) found.push(a);
  }
  return found;
}

const claimTools = (index: SentenceIndex, lexicon: Lexicon) => ({
  index,
  lexicon,
  ask: (question: string, limit: number) => ask(index, lexicon, question, limit),
  analyze: (question: string) => analyzedRecently(question, index, lexicon),
  findSupport: (claim: string, limit: number, asked: Answer[]) => findSupport(index, lexicon, claim, limit, asked),
  toAnswer,
});

/** The articles of the best few candidates, when none was good enough to quote. */
function nearTitles(ranked: RankedSentence[]): string[] {
  return [...new Set(ranked.slice(0, 5).map((r) => r.entry.article.title))].slice(0, 3);
}

function toAnswer({ entry }: RankedSentence, confidence: number): Answer {
  return { ...citation(entry.article, entry.sentence, entry.resolvedDates), score: round(confidence) };
}

const LITERAL_COVERAGE = FEATURE_NAMES.indexOf('literalCoverage');
const ORDER = FEATURE_NAMES.indexOf('order');

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
