/**
 * The work of one child process: build or load one system's index over a grown corpus, then
 * (when loading) ask the questions. Each runs alone in a fresh process, so maxRSS is its own.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { createEngine, engineFromIndex, loadEngine } from '../../src/engine/engine.js';
import { corpusDigest } from '../../src/engine/persist/corpusDigest.js';
import { readIndexFile, writeIndexFile } from '../../src/engine/persist/indexFile.js';
import { loadLexicon } from '../../src/lexicon/wordnet.js';
import { loadSplit } from '../selqa/dataset.js';
import { percentile } from '../stats.js';

export const SYSTEMS = ['citebot', 'minisearch'] as const;
export type SystemName = (typeof SYSTEMS)[number];
export type PhaseName = 'build' | 'load' | 'parts';

/** Memory at the end of a phase step: process.memoryUsage() after a full GC, and the peak so far. */
export interface MemorySnapshot {
  step: string;
  rssMb: number;
  heapUsedMb: number;
  /** Typed arrays and Buffers live outside the V8 heap. */
  arrayBuffersMb: number;
  maxRssMb: number;
}

export interface QueryStats {
  /** Questions timed (after `warmUp` others were asked untimed). */
  questions: number;
  /** The sample asked for; more than `questions` when the time budget ran out first. */
  sampled: number;
  budgetExhausted: boolean;
  warmUp: number;
  /** The very first question after the load or build: what the first user waits. */
  firstMs: number;
  qps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /**
   * The same per question in CPU time of the process (process.cpuUsage, all its threads): less
   * sensitive than wall time to other processes competing for the 2 cores.
   */
  p50CpuMs: number;
  p99CpuMs: number;
  /** Questions that got an answer (citebot: ask() answered; minisearch: at least one hit). */
  answered: number;
}

export interface BuildResult {
  phase: 'build';
  system: SystemName;
  articles: number;
  sentences: number;
  /** Distinct terms in citebot's index (minisearch: its term count). */
  terms: number;
  /** Reading and parsing the corpus files (both systems start from loadCorpus). */
  corpusMs: number;
  /** citebot only: loading the WordNet lexicon, a fixed cost at every start. */
  lexiconMs: number | null;
  /** citebot: buildSentenceIndex (createEngine); minisearch: addAll. */
  indexMs: number;
  /** What the issue calls build time: corpusMs + indexMs (citebot's lexicon not included). */
  buildMs: number;
  /** citebot only: the corpus digest stored with the index. */
  digestMs: number | null;
  /** Serialising and writing the prebuilt index (citebot: writeIndexFile; minisearch: JSON.stringify + write). */
  saveMs: number | null;
  indexBytes: number | null;
  /** Why the index could not be saved (e.g. minisearch's JSON over V8's string limit). */
  saveError: string | null;
  peakAfterBuildMb: number;
  peakMb: number;
  memory: MemorySnapshot[];
  loadAverage: number[];
}

export interface LoadResult {
  phase: 'load';
  system: SystemName;
  /** citebot: loadEngine(dir, { indexFile }) (digest check, read, lexicon); minisearch: read + MiniSearch.loadJSON. */
  loadMs: number;
  /** CPU time of the process during the load (wall time above includes waiting for a core). */
  loadCpuMs: number;
  /** Peak RSS right after the load, and after the questions too (the serving peak). */
  peakAfterLoadMb: number;
  peakMb: number;
  memory: MemorySnapshot[];
  queries: QueryStats;
  loadAverage: number[];
}

/** One step of loadEngine's path, done by hand in a fresh process. */
export interface LoadStep {
  step: string;
  ms: number;
  /** Time V8 spent collecting garbage during the step (PerformanceObserver 'gc' entries). */
  gcMs: number;
  /** Memory after the step (no forced GC). */
  rssMb: number;
  heapUsedMb: number;
  arrayBuffersMb: number;
}

/** citebot only: where loadEngine's time and memory go, step by step, in a fresh process like the load's. */
export interface PartsResult {
  phase: 'parts';
  system: 'citebot';
  steps: LoadStep[];
  totalMs: number;
  peakMb: number;
}

export interface PhaseArgs {
  system: SystemName;
  phase: PhaseName;
  /** The corpus folder, and where the prebuilt index goes. */
  dir: string;
  indexFile: string;
  /** How many SelQA test questions to time (an even sample when fewer than the split has). */
  questions: number;
  /** Asking stops after this long (wall time) even if questions remain; the count says how many were timed. */
  questionBudgetMs: number;
  label: string;
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const maxRssMb = () => mb(process.resourceUsage().maxRSS * 1024);
const loads = () => loadavg().map((x) => round(x, 2));

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const value = f();
  return [value, round(performance.now() - t)];
}

/** Like timed, with the process's CPU time too. */
function timedCpu<T>(f: () => T): [T, number, number] {
  const c = process.cpuUsage();
  const [value, ms] = timed(f);
  const used = process.cpuUsage(c);
  return [value, ms, round((used.user + used.system) / 1000)];
}

export async function runPhase(args: PhaseArgs): Promise<BuildResult | LoadResult | PartsResult> {
  const progress = (text: string) => process.stderr.write(`    [${args.label} +${(performance.now() / 1000).toFixed(0)} s] ${text}\n`);
  const memory: MemorySnapshot[] = [];
  const snapshot = (step: string) => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    memory.push({ step, rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), arrayBuffersMb: mb(m.arrayBuffers), maxRssMb: maxRssMb() });
  };
  if (args.phase === 'parts') return loadParts(args, progress);
  snapshot('start');
  if (args.phase === 'build')
    return args.system === 'citebot' ? buildCitebot(args, progress, snapshot, memory) : buildMinisearch(args, progress, snapshot, memory);
  return args.system === 'citebot' ? loadCitebot(args, progress, snapshot, memory) : loadMinisearch(args, progress, snapshot, memory);
}

type Progress = (text: string) => void;
type Snapshot = (step: string) => void;

function buildCitebot(args: PhaseArgs, progress: Progress, snapshot: Snapshot, memory: MemorySnapshot[]): BuildResult {
  progress('loading the lexicon');
  const [lexicon, lexiconMs] = timed(() => loadLexicon());
  snapshot('lexicon');
  progress('loading the corpus');
  const [corpus, corpusMs] = timed(() => loadCorpus(args.dir));
  snapshot('corpus');
  const sentences = corpus.articles.reduce((n, a) => n + a.sentences.length, 0);
  progress(`indexing ${sentences.toLocaleString('en')} sentences`);
  // As build-index does: the index, then the autocomplete questions it stores (made and verified by ask).
  const [engine, indexMs] = timed(() => {
    const built = createEngine(corpus, lexicon);
    built.suggestedQuestions();
    return built;
  });
  snapshot('index');
  const peakAfterBuildMb = maxRssMb();
  progress('digest and writeIndexFile');
  const [digest, digestMs] = timed(() => corpusDigest(args.dir));
  const [, saveMs] = timed(() => writeIndexFile(args.indexFile, engine.index, digest));
  snapshot('saved');
  return {
    phase: 'build',
    system: 'citebot',
    articles: corpus.articles.length,
    sentences,
    terms: engine.index.terms.length,
    corpusMs,
    lexiconMs,
    indexMs,
    buildMs: round(corpusMs + indexMs),
    digestMs,
    saveMs,
    indexBytes: statSync(args.indexFile).size,
    saveError: null,
    peakAfterBuildMb,
    peakMb: maxRssMb(),
    memory,
    loadAverage: loads(),
  };
}

type Doc = { id: string; text: string };
const MINISEARCH_OPTIONS = { fields: ['text'], storeFields: [] };

function buildMinisearch(args: PhaseArgs, progress: Progress, snapshot: Snapshot, memory: MemorySnapshot[]): BuildResult {
  progress('loading the corpus');
  const [corpus, corpusMs] = timed(() => loadCorpus(args.dir));
  let docs: Doc[] = corpus.articles.flatMap((a) => a.sentences.map((s) => ({ id: s.id, text: s.text })));
  const articles = corpus.articles.length;
  corpus.articles.length = 0; // minisearch keeps no texts (storeFields: []): let the corpus go
  snapshot('corpus');
  const sentences = docs.length;
  progress(`addAll of ${sentences.toLocaleString('en')} sentences`);
  const search = new MiniSearch<Doc>(MINISEARCH_OPTIONS);
  const [, indexMs] = timed(() => search.addAll(docs));
  docs = [];
  snapshot('index');
  const peakAfterBuildMb = maxRssMb();
  progress('JSON.stringify and write');
  let saveMs: number | null = null;
  let indexBytes: number | null = null;
  let saveError: string | null = null;
  try {
    [, saveMs] = timed(() => writeFileSync(args.indexFile, JSON.stringify(search)));
    indexBytes = statSync(args.indexFile).size;
  } catch (error) {
    saveError = `${(error as Error).name}: ${(error as Error).message}`;
    progress(`cannot save: ${saveError}`);
  }
  snapshot('saved');
  return {
    phase: 'build',
    system: 'minisearch',
    articles,
    sentences,
    terms: search.termCount,
    corpusMs,
    lexiconMs: null,
    indexMs,
    buildMs: round(corpusMs + indexMs),
    digestMs: null,
    saveMs,
    indexBytes,
    saveError,
    peakAfterBuildMb,
    peakMb: maxRssMb(),
    memory,
    loadAverage: loads(),
  };
}

function loadCitebot(args: PhaseArgs, progress: Progress, snapshot: Snapshot, memory: MemorySnapshot[]): LoadResult {
  progress('loadEngine from the prebuilt index');
  let rebuilt: string | null = null;
  const [engine, loadMs, loadCpuMs] = timedCpu(() =>
    loadEngine(args.dir, { indexFile: args.indexFile, notice: (message) => (rebuilt = message) }),
  );
  if (rebuilt) throw new Error(`the prebuilt index was not used: ${rebuilt}`);
  snapshot('loaded');
  const peakAfterLoadMb = maxRssMb();
  progress(`loaded ${engine.index.sentenceCount.toLocaleString('en')} sentences in ${loadMs} ms; asking`);
  return askedAfterLoad('citebot', { loadMs, loadCpuMs, peakAfterLoadMb }, args, progress, snapshot, memory, (q) => engine.ask(q).answered);
}

function loadMinisearch(args: PhaseArgs, progress: Progress, snapshot: Snapshot, memory: MemorySnapshot[]): LoadResult {
  progress('MiniSearch.loadJSON from the saved index');
  const [search, loadMs, loadCpuMs] = timedCpu(() => MiniSearch.loadJSON<Doc>(readFileSync(args.indexFile, 'utf8'), MINISEARCH_OPTIONS));
  snapshot('loaded');
  const peakAfterLoadMb = maxRssMb();
  progress(`loaded ${search.documentCount.toLocaleString('en')} sentences in ${loadMs} ms; asking`);
  const answers = (q: string) => search.search(q).slice(0, 10).length > 0;
  return askedAfterLoad('minisearch', { loadMs, loadCpuMs, peakAfterLoadMb }, args, progress, snapshot, memory, answers);
}

/** Both systems' load phase ends alike: the questions asked, then the figures. */
function askedAfterLoad(
  system: SystemName,
  loaded: Pick<LoadResult, 'loadMs' | 'loadCpuMs' | 'peakAfterLoadMb'>,
  args: PhaseArgs,
  progress: Progress,
  snapshot: Snapshot,
  memory: MemorySnapshot[],
  answers: (question: string) => boolean,
): LoadResult {
  const queries = askAll(args, progress, answers);
  snapshot('asked');
  return { phase: 'load', system, ...loaded, peakMb: maxRssMb(), memory, queries, loadAverage: loads() };
}

/**
 * loadEngine's path by hand (engine.ts: digest the corpus, read the index file, load the lexicon,
 * make the engine), each step timed with the garbage collection inside it.
 */
async function loadParts(args: PhaseArgs, progress: Progress): Promise<PartsResult> {
  const gcs: [number, number][] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push([e.startTime, e.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });
  const windows: { step: string; from: number; to: number; memory: NodeJS.MemoryUsage }[] = [];
  const step = <T>(name: string, f: () => T): T => {
    progress(name);
    const from = performance.now();
    const value = f();
    windows.push({ step: name, from, to: performance.now(), memory: process.memoryUsage() });
    return value;
  };
  const digest = step('corpusDigest', () => corpusDigest(args.dir));
  const { index, digest: stored } = step('readIndexFile', () => readIndexFile(args.indexFile));
  if (digest !== stored) throw new Error('the prebuilt index does not match the corpus');
  const lexicon = step('loadLexicon', () => loadLexicon());
  step('engineFromIndex', () => engineFromIndex(index, args.dir, lexicon));
  await new Promise((resolve) => setTimeout(resolve, 100)); // let the observer catch up
  observer.disconnect();
  const steps = windows.map(({ step, from, to, memory }) => ({
    step,
    ms: round(to - from),
    gcMs: round(gcs.filter(([start]) => start >= from && start < to).reduce((sum, [, d]) => sum + d, 0)),
    rssMb: mb(memory.rss),
    heapUsedMb: mb(memory.heapUsed),
    arrayBuffersMb: mb(memory.arrayBuffers),
  }));
  return { phase: 'parts', system: 'citebot', steps, totalMs: round(steps.reduce((sum, s) => sum + s.ms, 0)), peakMb: maxRssMb() };
}

const WARM_UP = 50;

/** An even, deterministic sample of n items (all of them when n is at least the length). */
export function sample<T>(items: T[], n: number): T[] {
  if (n >= items.length) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

/**
 * The SelQA test questions, one at a time: the first timed on its own (cold), then 50 dev
 * questions untimed to warm up, then the sample timed one by one.
 */
function askAll(args: PhaseArgs, progress: Progress, ask: (question: string) => boolean): QueryStats {
  const questions = sample(
    loadSplit('test').questions.map((q) => q.question),
    args.questions,
  );
  const warmUpQuestions = loadSplit('dev')
    .questions.slice(0, WARM_UP)
    .map((q) => q.question);
  const [, firstMs] = timed(() => ask(warmUpQuestions[0] ?? 'what'));
  // Warm-up gets a tenth of the time budget at most (a slow system at 1M takes seconds a question).
  const warmStarted = performance.now();
  let warmUp = 1;
  for (const q of warmUpQuestions.slice(1)) {
    if (performance.now() - warmStarted > args.questionBudgetMs / 10) break;
    ask(q);
    warmUp++;
  }
  const latencies: number[] = [];
  const cpu: number[] = [];
  let answered = 0;
  const every = Math.max(100, Math.ceil(questions.length / 5));
  const all = performance.now();
  let budgetExhausted = false;
  for (const [i, q] of questions.entries()) {
    if (i > 0 && performance.now() - all > args.questionBudgetMs) {
      budgetExhausted = true;
      progress(`time budget of ${Math.round(args.questionBudgetMs / 1000)} s spent after ${i} questions`);
      break;
    }
    const c = process.cpuUsage();
    const t = performance.now();
    if (ask(q)) answered++;
    latencies.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    if ((i + 1) % every === 0) progress(`asked ${i + 1}/${questions.length}`);
  }
  const totalMs = performance.now() - all;
  const sorted = [...latencies].sort((a, b) => a - b);
  const sortedCpu = [...cpu].sort((a, b) => a - b);
  return {
    questions: latencies.length,
    sampled: questions.length,
    budgetExhausted,
    warmUp,
    firstMs,
    qps: round(latencies.length / (totalMs / 1000), latencies.length / (totalMs / 1000) < 10 ? 2 : 0),
    p50Ms: round(percentile(sorted, 0.5), 3),
    p99Ms: round(percentile(sorted, 0.99), 3),
    maxMs: round(sorted.at(-1) ?? 0, 3),
    p50CpuMs: round(percentile(sortedCpu, 0.5), 3),
    p99CpuMs: round(percentile(sortedCpu, 0.99), 3),
    answered,
  };
}
