import { performance } from 'node:perf_hooks';
import { buildCorpus } from './buildCorpus.js';
import type { Pool, PoolQuestion } from './pool.js';
import { firstCorrectRank, isCorrect, quality, type Hit, type Outcome, type Quality } from './score.js';
import { buildSystem, type System, type SystemName } from './systems.js';
import { percentile } from '../stats.js';

const DEPTH = 10;
const WARM_UP = 50;

export interface Miss {
  question: string;
  gold: string[];
  chose: string | null;
  /** The section the chosen sentence came from, and whether it is the question's own. */
  choseFrom: string | null;
  ownSection: boolean;
  /** Where a correct sentence first appears in the top 10, or 0. */
  correctRank: number;
}

export interface SystemResult extends Quality {
  system: SystemName;
  sentences: number;
  buildMs: number;
  /** Speed of the ranking pass (ask() is run in a second, untimed pass). */
  qps: number;
  p50Ms: number;
  p99Ms: number;
  /** process.resourceUsage().maxRSS of this process (its own child), in MB. */
  peakRssMb: number;
  /** maxRSS before the build: what loading the split and the corpus cost, the same for every system. */
  rssBeforeBuildMb: number;
  /** V8 heap in use right after the build, after a full GC when --expose-gc is on. */
  heapAfterBuildMb: number;
  /** One per question, in question order: what the risk–coverage curve is drawn from. */
  outcomes: Outcome[];
  misses: Miss[];
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const progress = (text: string) => process.stderr.write(`  ${text}\n`);

/**
 * Everything one system is measured on, meant to run alone in its own process so that
 * maxRSS is that system's peak and not the sum of all of them.
 */
export async function measureSystem(system: SystemName, pool: Pool, maxMisses: number): Promise<SystemResult> {
  const { sections, questions } = pool;
  const corpus = buildCorpus(sections);
  const sentences = corpus.articles.reduce((n, a) => n + a.sentences.length, 0);

  const rssBeforeBuildMb = mb(process.resourceUsage().maxRSS * 1024);
  progress(`${system}: building the index over ${sentences} sentences`);
  const started = performance.now();
  const built = await buildSystem(system, corpus);
  const buildMs = performance.now() - started;
  globalThis.gc?.();
  const heapAfterBuildMb = mb(process.memoryUsage().heapUsed);

  // Warm-up: let V8 optimise the hot paths before the clock runs.
  for (const q of questions.slice(0, WARM_UP)) built.rank(q.question, DEPTH);

  progress(`${system}: ranking for ${questions.length} questions`);
  const latencies: number[] = [];
  const results: Hit[][] = [];
  const all = performance.now();
  for (const [i, q] of questions.entries()) {
    const t = performance.now();
    results.push(built.rank(q.question, DEPTH));
    latencies.push(performance.now() - t);
    if ((i + 1) % 500 === 0) progress(`${system}: ${i + 1}/${questions.length}`);
  }
  const totalMs = performance.now() - all;
  const outcomes = questions.map((q, i) => outcome(q, results[i]!, built));
  built.close?.();
  const peakRssMb = mb(process.resourceUsage().maxRSS * 1024);

  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    system,
    sentences,
    ...quality(outcomes),
    buildMs: Math.round(buildMs),
    qps: Math.round(questions.length / (totalMs / 1000)),
    p50Ms: round(percentile(sorted, 0.5), 3),
    p99Ms: round(percentile(sorted, 0.99), 3),
    peakRssMb,
    rssBeforeBuildMb,
    heapAfterBuildMb,
    outcomes,
    misses: collectMisses(questions, results, outcomes, maxMisses),
  };
}

/** Judges the ranking and what ask() says; a system without ask() answers with its top hit. */
function outcome(q: PoolQuestion, hits: Hit[], system: System): Outcome {
  const answer = system.ask ? system.ask(q.question) : (hits[0] ?? null);
  const askRight = answer !== null && isCorrect(q, answer);
  return {
    answerable: q.gold.length > 0,
    rank: firstCorrectRank(q, hits, DEPTH),
    topScore: hits[0]?.score ?? null,
    answered: answer !== null,
    askRight,
    askCopyElsewhere: answer !== null && !askRight && isCorrect(q, { ...answer, documentId: q.sectionId }),
  };
}

/** The first answerable questions whose top-ranked sentence is not right. */
function collectMisses(questions: PoolQuestion[], results: Hit[][], outcomes: Outcome[], max: number): Miss[] {
  const misses: Miss[] = [];
  for (let i = 0; i < questions.length && misses.length < max; i++) {
    if (outcomes[i]!.rank === 1 || !outcomes[i]!.answerable) continue;
    const q = questions[i]!;
    const top = results[i]![0];
    misses.push({
      question: q.question,
      gold: q.gold,
      chose: top?.quote ?? null,
      choseFrom: top?.documentId ?? null,
      ownSection: top?.documentId === q.sectionId,
      correctRank: outcomes[i]!.rank,
    });
  }
  return misses;
}
