/**
 * The runner shared by the answer-sentence-selection benchmarks (SelQA, TrecQA): every system in
 * its own child process (the benchmark's script forked with --system, so peak memory is its own),
 * one after the other; then the table, the results JSON and the risk–coverage curve.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../src/paths/packageRoot.js';
import { codeVersion, finishMachine, machine } from '../runInfo.js';
import { buildCorpus, splitterStats } from './buildCorpus.js';
import { measureSystem, type SystemResult } from './measure.js';
import { evenSample, type Pool } from './pool.js';
import { copyElsewhereLine, markdownTable, missesText, noAnswerLine, summary, type BenchReport } from './report.js';
import { curvesJson, operatingPoint, outcomeCurve, riskCoverageChart, thin, type SystemCurve } from './riskCoverage.js';
import { SYSTEMS, type SystemName } from './systems.js';

export interface PooledBenchmark {
  /** Results file prefix: bench/results/<name>-<split>.json. */
  name: string;
  label: string;
  description: string;
  splits: readonly string[];
  defaultSplit: string;
  load(split: string): Pool;
  /** The benchmark's own compiled script (import.meta.url), forked once per system. */
  script: string;
  /** Whether the data's licence lets results files quote its sentences (examples of re-split ones). */
  mayQuoteData: boolean;
}

const COLOURS: Record<SystemName, string> = { citebot: '#1f6fb4', fts5: '#2a9d4b', minisearch: '#e07b00' };

export function exit(message: string, code = 2): never {
  (code ? process.stderr : process.stdout).write(message + '\n');
  process.exit(code);
}

function parseCli(bench: PooledBenchmark) {
  const usage = `usage: node dist/bench/${bench.name}/run${bench.label}.js [--split ${bench.splits.join('|')}] [--max-questions N] [--json] [--misses N]`;
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        split: { type: 'string', default: bench.defaultSplit },
        'max-questions': { type: 'string' },
        json: { type: 'boolean', default: false },
        misses: { type: 'string', default: '0' },
        /** Internal: measure one system in this process (the parent forks itself with it). */
        system: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    exit(`${(error as Error).message}\n${usage}`);
  }
  if (values.help) exit(usage, 0);
  if (!bench.splits.includes(values.split)) exit(`--split must be ${bench.splits.join(' or ')}, not "${values.split}"\n${usage}`);
  const whole = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) exit(`--${name} must be a whole number of at least ${min}, not "${text}"\n${usage}`);
    return n;
  };
  if (values.system !== undefined && !SYSTEMS.includes(values.system as SystemName)) exit(`--system must be one of ${SYSTEMS.join(', ')}`);
  return {
    split: values.split,
    maxQuestions: values['max-questions'] === undefined ? null : whole('max-questions', values['max-questions'], 1),
    json: values.json,
    misses: whole('misses', values.misses, 0),
    system: values.system as SystemName | undefined,
  };
}

type Cli = ReturnType<typeof parseCli>;

/** The split with the questions cut to the sample; the corpus is always the whole pool. */
function loadPool(bench: PooledBenchmark, cli: Cli): Pool & { questionsInSplit: number } {
  const pool = bench.load(cli.split);
  return { sections: pool.sections, questions: evenSample(pool.questions, cli.maxQuestions), questionsInSplit: pool.questions.length };
}

/** Child mode: measure one system and hand the result back over IPC. */
async function runChild(bench: PooledBenchmark, cli: Cli, system: SystemName): Promise<void> {
  const result = await measureSystem(system, loadPool(bench, cli), cli.misses);
  if (!process.send) exit(JSON.stringify(result, null, 2), 0);
  process.send(result, () => process.disconnect());
}

/** Runs one system in a fresh process (--expose-gc for a clean heap figure); its stdout goes to our stderr. */
function runInChild(bench: PooledBenchmark, cli: Cli, system: SystemName): Promise<SystemResult> {
  const args = ['--system', system, '--split', cli.split, '--misses', String(system === 'citebot' ? cli.misses : 0)];
  if (cli.maxQuestions !== null) args.push('--max-questions', String(cli.maxQuestions));
  const child = fork(bench.script, args, { execArgv: ['--expose-gc'], stdio: ['ignore', 2, 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let result: SystemResult | undefined;
    child.on('message', (message) => (result = message as SystemResult));
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`the ${system} run failed (exit code ${code})`))));
  });
}

export async function runPooled(bench: PooledBenchmark): Promise<void> {
  const cli = parseCli(bench);
  if (cli.system) return runChild(bench, cli, cli.system);

  const code = codeVersion(); // before the runs: the tree may move while they go on
  const env = machine();
  const pool = loadPool(bench, cli);
  const splitter = splitterStats(pool.sections, buildCorpus(pool.sections), bench.mayQuoteData ? 3 : 0);
  process.stderr.write(
    `${bench.label} ${cli.split}: ${pool.questions.length} of ${pool.questionsInSplit} questions, ${pool.sections.length} candidate lists, ${splitter.corpusSentences} sentences\n`,
  );

  // One at a time, so no run competes with another for the CPU.
  const results: SystemResult[] = [];
  for (const name of SYSTEMS) results.push(await runInChild(bench, cli, name));

  const report: BenchReport = {
    benchmark: bench.description,
    split: cli.split,
    measuredAt: new Date().toISOString(),
    code,
    machine: finishMachine(env),
    questions: pool.questions.length,
    questionsInSplit: pool.questionsInSplit,
    sections: pool.sections.length,
    splitter,
    systems: results.map(({ misses: _m, outcomes: _o, ...figures }) => figures),
  };
  const files = writeResults(bench, cli, report, results);
  process.stderr.write(`wrote ${files.join(', ')}\n`);

  const citebotMisses = results.find((r) => r.system === 'citebot')?.misses ?? [];
  if (cli.json) {
    process.stdout.write(JSON.stringify(cli.misses ? { ...report, citebotMisses } : report, null, 2) + '\n');
    return;
  }
  const notes = [noAnswerLine(report.systems), copyElsewhereLine(report.systems)].filter((line) => line !== null);
  process.stdout.write(
    `${summary(bench.label, report)}\n\n${markdownTable(report.systems)}\n${notes.map((line) => `\n${line}\n`).join('')}`,
  );
  if (cli.misses) process.stdout.write(`\ncitebot's top-1 misses (first ${citebotMisses.length}):\n\n${missesText(citebotMisses)}\n`);
}

/** The results JSON, and the risk–coverage points and chart; a sample run gets its own file names. */
function writeResults(bench: PooledBenchmark, cli: Cli, report: BenchReport, results: SystemResult[]): string[] {
  const dir = join(packageRoot(), 'bench', 'results');
  const base = join(dir, `${bench.name}-${cli.split}${report.questions < report.questionsInSplit ? `-sample${report.questions}` : ''}`);
  const curves: SystemCurve[] = results.map((r) => ({
    system: r.system,
    colour: COLOURS[r.system],
    points: thin(outcomeCurve(r.outcomes)),
    operating: operatingPoint(r.outcomes),
  }));
  const about = `${report.questions} questions; ${report.code ? report.code.commit.slice(0, 10) : 'unknown commit'}${report.code?.srcModified ? ' + edits' : ''}; ${report.measuredAt.slice(0, 10)}`;
  const chart = riskCoverageChart(
    `${bench.label} ${cli.split}: precision against coverage`,
    about,
    curves,
    'Answering only when the top answer’s score reaches a threshold',
  );
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + '\n');
  const points = {
    benchmark: bench.label,
    split: cli.split,
    measuredAt: report.measuredAt,
    code: report.code,
    machine: report.machine,
    questions: report.questions,
    curves,
  };
  writeFileSync(`${base}.risk-coverage.json`, curvesJson(points));
  writeFileSync(`${base}.risk-coverage.svg`, chart);
  return [`${base}.json`, `${base}.risk-coverage.json`, `${base}.risk-coverage.svg`];
}
