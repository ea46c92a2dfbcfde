/**
 * SelQA retrieval benchmark: citebot's answer ranking against plain minisearch, over every
 * section of a split pooled into one corpus. Usage:
 *   node dist/bench/selqa/runSelqa.js [--split dev|test] [--json] [--misses N]
 * Each system runs in its own child process (this script with --system), so peak memory is its own.
 */
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../src/paths/packageRoot.js';
import { buildCorpus, splitterStats } from './buildCorpus.js';
import { loadSplit, type Split } from './dataset.js';
import { measureSystem, type SystemResult } from './measure.js';
import { markdownTable, missesText, summary, type BenchReport } from './report.js';
import { SYSTEMS, type SystemName } from './systems.js';

const USAGE = 'usage: node dist/bench/selqa/runSelqa.js [--split dev|test] [--json] [--misses N]';

const OPTIONS = {
  split: { type: 'string', default: 'test' },
  json: { type: 'boolean', default: false },
  misses: { type: 'string', default: '0' },
  /** Internal: run one system in this process (the parent forks itself with it). */
  system: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parseCli() {
  let values;
  try {
    ({ values } = parseArgs({ options: OPTIONS }));
  } catch (error) {
    exit(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) exit(USAGE, 0);
  if (values.split !== 'dev' && values.split !== 'test') exit(`--split must be dev or test, not "${values.split}"\n${USAGE}`);
  const misses = Number(values.misses);
  if (!Number.isInteger(misses) || misses < 0) exit(`--misses must be a whole number, not "${values.misses}"\n${USAGE}`);
  if (values.system !== undefined && !SYSTEMS.includes(values.system as SystemName)) exit(`--system must be one of ${SYSTEMS.join(', ')}`);
  return { split: values.split as Split, json: values.json, misses, system: values.system as SystemName | undefined };
}

function exit(message: string, code = 2): never {
  (code ? process.stderr : process.stdout).write(message + '\n');
  process.exit(code);
}

/** Child mode: measure one system and hand the result back over IPC. */
function runChild(system: SystemName, split: Split, misses: number): void {
  const result = measureSystem(system, split, misses);
  if (!process.send) exit(JSON.stringify(result, null, 2), 0);
  process.send(result, () => process.disconnect());
}

/** Runs one system in a fresh process (--expose-gc for a clean heap figure); its stdout goes to our stderr. */
function runInChild(system: SystemName, split: Split, misses: number): Promise<SystemResult> {
  const child = fork(fileURLToPath(import.meta.url), ['--system', system, '--split', split, '--misses', String(misses)], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 2, 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: SystemResult | undefined;
    child.on('message', (message) => (result = message as SystemResult));
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`the ${system} run failed (exit code ${code})`))));
  });
}

/** The engine changes under the benchmark: record which commit was measured, and whether src/ had edits on top. */
function codeVersion(): { commit: string; srcModified: boolean } | null {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: packageRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git('rev-parse', 'HEAD'), srcModified: git('status', '--porcelain', '--', 'src') !== '' };
  } catch {
    return null; // not a git checkout
  }
}

async function main(): Promise<void> {
  const { split, json, misses, system } = parseCli();
  if (system) return runChild(system, split, misses);

  const code = codeVersion(); // before the runs: the tree may move while they go on
  const { sections, questions } = loadSplit(split);
  const splitter = splitterStats(sections, buildCorpus(sections));
  process.stderr.write(`SelQA ${split}: ${questions.length} questions, ${sections.length} sections, ${splitter.corpusSentences} sentences\n`);

  // One at a time, so neither run competes with the other for the CPU.
  const results: SystemResult[] = [];
  for (const name of SYSTEMS) results.push(await runInChild(name, split, name === 'citebot' ? misses : 0));

  const report: BenchReport = {
    benchmark: 'SelQA answer sentence selection, all sections of the split pooled into one corpus',
    split,
    measuredAt: new Date().toISOString(),
    code,
    // The load average says whether something else was competing for the CPU during the run.
    machine: { node: process.version, cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: cpus().length, platform: `${process.platform}-${process.arch}`, loadAverage1m: Math.round(loadavg()[0]! * 100) / 100 },
    questions: questions.length,
    sections: sections.length,
    splitter,
    systems: results.map(({ misses: _, ...rest }) => rest),
  };
  const file = join(packageRoot(), 'bench', 'results', `selqa-${split}.json`);
  mkdirSync(join(packageRoot(), 'bench', 'results'), { recursive: true });
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  process.stderr.write(`wrote ${file}\n`);

  const citebotMisses = results.find((r) => r.system === 'citebot')?.misses ?? [];
  if (json) {
    process.stdout.write(JSON.stringify(misses ? { ...report, citebotMisses } : report, null, 2) + '\n');
    return;
  }
  process.stdout.write(`${summary(report)}\n\n${markdownTable(report.systems)}\n`);
  if (misses) process.stdout.write(`\ncitebot's top-1 misses (first ${citebotMisses.length}):\n\n${missesText(citebotMisses)}\n`);
}

main().catch((error: unknown) => exit(`selqa benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1));
