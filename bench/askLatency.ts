/**
 * Per-question latency of `engine.ask` on the bundled corpus, and the in-process start-up before
 * the first answer, each run in a fresh process (the whole process, node included, is timed by
 * bench:startup). Medians with min–max over the runs.
 *
 *   npm run bench:ask [-- --runs 3 --rounds 20] [--out bench/results/ask.json]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadEngine } from '../src/engine/engine.js';
import { loadEmbeddings } from '../src/lexicon/embeddings.js';
import { loadLexicon } from '../src/lexicon/wordnet.js';
import { packageRoot } from '../src/paths/packageRoot.js';
import { codeVersion, finishMachine, machine, machineLine } from './runInfo.js';
import { percentile, summarize } from './stats.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '20' },
    out: { type: 'string' },
    child: { type: 'boolean', default: false },
  },
});
const root = packageRoot();

interface RunFigures {
  lexiconMs: number;
  embeddingsMs: number;
  /** loadEngine on the bundled corpus: its prebuilt index when current, else indexing it. */
  engineMs: number;
  usedPrebuiltIndex: boolean;
  firstQuestionMs: number;
  asks: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** One run, in this (fresh) process. */
function measure(rounds: number): RunFigures {
  const timed = <T>(f: () => T): [T, number] => {
    const t = performance.now();
    return [f(), performance.now() - t];
  };
  const [, lexiconMs] = timed(loadLexicon);
  const [, embeddingsMs] = timed(loadEmbeddings);
  let notice: string | null = null;
  const [engine, engineMs] = timed(() => loadEngine(join(root, 'corpus'), { notice: (m) => (notice = m) }));
  const questions = ['dev.jsonl', 'heldout.jsonl'].flatMap((f) =>
    readFileSync(join(root, 'tests', 'eval', f), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { question: string }).question),
  );
  const [, firstQuestionMs] = timed(() => engine.ask(questions[0]!));
  const times: number[] = [];
  // Each round asks every question once more: after the first round, the remembered analyses answer.
  for (let r = 0; r < rounds; r++) for (const q of questions) times.push(timed(() => engine.ask(q))[1]);
  times.sort((a, b) => a - b);
  return {
    lexiconMs,
    embeddingsMs,
    engineMs,
    usedPrebuiltIndex: notice === null,
    firstQuestionMs,
    asks: times.length,
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    maxMs: times.at(-1)!,
  };
}

if (values.child) {
  process.stdout.write(JSON.stringify(measure(Number(values.rounds))));
} else {
  const runs = Number(values.runs);
  const report = {
    benchmark: 'engine.ask on the bundled corpus: in-process start-up and per-question latency, a fresh process per run',
    measuredAt: new Date().toISOString(),
    code: codeVersion(),
    machine: machine(),
    rounds: Number(values.rounds),
    runs: [] as RunFigures[],
    summary: {} as Record<string, ReturnType<typeof summarize>>,
  };
  for (let i = 1; i <= runs; i++) {
    const run = JSON.parse(
      execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', '--rounds', values.rounds], { encoding: 'utf8' }),
    ) as RunFigures;
    process.stderr.write(`run ${i}/${runs}: ${JSON.stringify(run)}\n`);
    report.runs.push(run);
  }
  for (const key of ['lexiconMs', 'embeddingsMs', 'engineMs', 'firstQuestionMs', 'p50Ms', 'p99Ms', 'maxMs'] as const)
    report.summary[key] = summarize(report.runs.map((r) => r[key]));
  finishMachine(report.machine);
  const out = values.out ?? join(root, 'bench', 'results', 'ask.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  const line = (name: string, s: ReturnType<typeof summarize>) =>
    `${name} ${s.median.toFixed(2)} ms (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  const s = report.summary;
  process.stdout.write(
    `median (min–max) of ${runs} runs; prebuilt index used: ${report.runs.every((r) => r.usedPrebuiltIndex)}\n` +
      `start-up in the process: ${line('lexicon', s.lexiconMs!)}, ${line('word vectors', s.embeddingsMs!)}, ${line('engine', s.engineMs!)}\n` +
      `${line('first question', s.firstQuestionMs!)}; then ${report.runs[0]!.asks} asks per run: ${line('p50', s.p50Ms!)}, ${line('p99', s.p99Ms!)}, ${line('max', s.maxMs!)}\n` +
      `${machineLine(report.machine)}; wrote ${out}\n`,
  );
}
