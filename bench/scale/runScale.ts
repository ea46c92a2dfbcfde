/**
 * Corpus-size benchmark (issue 6): SelQA sections replicated under new ids to about 10k, 100k and
 * 1M sentences; for each size, citebot and plain minisearch side by side: build time, prebuilt
 * index size and load time, peak memory, questions per second and p50/p99 latency.
 *
 *   node dist/bench/scale/runScale.js [--sizes 10000,100000,1000000] [--questions N] [--question-budget-s 600]
 *        [--systems citebot,minisearch] [--repeat 3] [--timeout-min 30] [--max-old-space-mb 6144] [--max-rss-gb 10] [--out bench/results/scale.json]
 *        [--keep] [--tmp DIR] [--profile]
 *   node dist/bench/scale/runScale.js --render [--out FILE.json]   (table and chart again from saved results)
 *
 * Every (size, system, phase) runs in its own child process (this script with --phase), one at a
 * time, under a V8 heap limit, an RSS bound and a timeout; one that does not finish is a result.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../src/paths/packageRoot.js';
import { codeVersion, finishMachine, loadAverage, machine } from '../runInfo.js';
import { runChild, stopChildren, type ChildLimits } from './child.js';
import { growCorpus, sectionPool } from './growCorpus.js';
import { runPhase, SYSTEMS, type BuildResult, type LoadResult, type PartsResult, type PhaseName, type SystemName } from './phases.js';
import {
  markdownTable,
  scaleChart,
  sizeLabel,
  targetLines,
  TARGETS,
  type Attempt,
  type ScaleReport,
  type SizeRun,
  type SystemRun,
} from './report.js';

const USAGE = `usage: node dist/bench/scale/runScale.js [--sizes 10000,100000,1000000] [--questions N] [--question-budget-s 600]
       [--systems citebot,minisearch] [--repeat 3] [--timeout-min 30] [--max-old-space-mb 6144] [--max-rss-gb 10] [--out FILE.json] [--keep] [--tmp DIR] [--profile]
       node dist/bench/scale/runScale.js --render [--out FILE.json]   (table and chart again from saved results)`;

/** At and above this size, only an even sample of the questions is timed unless --questions says otherwise. */
const LARGE = 1_000_000;
const LARGE_SAMPLE = 500;
const ALL_QUESTIONS = Number.MAX_SAFE_INTEGER;

const OPTIONS = {
  sizes: { type: 'string', default: '10000,100000,1000000' },
  questions: { type: 'string' },
  'question-budget-s': { type: 'string', default: '600' },
  systems: { type: 'string', default: SYSTEMS.join(',') },
  'timeout-min': { type: 'string', default: '30' },
  /** Builds and loads per system and size, each in fresh processes: the report shows medians with min–max. */
  repeat: { type: 'string', default: '3' },
  'max-old-space-mb': { type: 'string', default: '6144' },
  'max-rss-gb': { type: 'string', default: '10' },
  out: { type: 'string' },
  keep: { type: 'boolean', default: false },
  tmp: { type: 'string' },
  profile: { type: 'boolean', default: false },
  /** Re-draw the table and chart from the JSON of an earlier run (--out), measuring nothing. */
  render: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  // Internal: one phase in this process (the parent forks itself with these).
  phase: { type: 'string' },
  system: { type: 'string' },
  dir: { type: 'string' },
  'index-file': { type: 'string' },
  label: { type: 'string' },
} as const;

function exit(message: string, code = 2): never {
  (code ? process.stderr : process.stdout).write(message + '\n');
  process.exit(code);
}

function positive(name: string, text: string): number {
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isFinite(n) || n <= 0) exit(`--${name} must be a positive number, not "${text}"\n${USAGE}`);
  return n;
}

function parseCli() {
  let values;
  try {
    ({ values } = parseArgs({ options: OPTIONS }));
  } catch (error) {
    exit(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) exit(USAGE, 0);
  const sizes = values.sizes.split(',').map((s) => Math.round(positive('sizes', s.trim())));
  const systems = values.systems.split(',').map((s) => s.trim());
  for (const s of systems) if (!SYSTEMS.includes(s as SystemName)) exit(`--systems: unknown system "${s}" (${SYSTEMS.join(', ')})`);
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    questions: values.questions === undefined ? null : Math.round(positive('questions', values.questions)),
    questionBudgetMs: positive('question-budget-s', values['question-budget-s']) * 1000,
    systems: systems as SystemName[],
    repeat: Math.round(positive('repeat', values.repeat)),
    limits: {
      timeoutMs: positive('timeout-min', values['timeout-min']) * 60_000,
      maxOldSpaceMb: Math.round(positive('max-old-space-mb', values['max-old-space-mb'])),
      maxRssMb: Math.round(positive('max-rss-gb', values['max-rss-gb']) * 1024),
    } satisfies ChildLimits,
    out: resolve(values.out ?? join(packageRoot(), 'bench', 'results', 'scale.json')),
    keep: values.keep,
    tmp: values.tmp,
    profile: values.profile,
    render: values.render,
    phase: values.phase as PhaseName | undefined,
    system: values.system as SystemName | undefined,
    dir: values.dir,
    indexFile: values['index-file'],
    label: values.label ?? '',
  };
}

type Cli = ReturnType<typeof parseCli>;

/** Child mode: one phase, its result sent back over IPC. */
async function runChildPhase(cli: Cli): Promise<void> {
  const { phase, system, dir, indexFile } = cli;
  if (!phase || !system || !dir || !indexFile) exit('--phase needs --system, --dir and --index-file');
  let message: { result: BuildResult | LoadResult | PartsResult } | { error: string };
  try {
    message = {
      result: await runPhase({
        phase,
        system,
        dir,
        indexFile,
        questions: cli.questions ?? ALL_QUESTIONS,
        questionBudgetMs: cli.questionBudgetMs,
        label: cli.label,
      }),
    };
  } catch (error) {
    message = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  if (!process.send) exit(JSON.stringify(message, null, 2), 'error' in message ? 1 : 0);
  process.send(message, () => process.disconnect());
}

async function main(): Promise<void> {
  const cli = parseCli();
  if (cli.phase) return runChildPhase(cli);
  if (cli.render) {
    const report = JSON.parse(readFileSync(cli.out, 'utf8')) as ScaleReport;
    writeFileSync(cli.out.replace(/\.json$/, '') + '.svg', scaleChart(report));
    const targets = targetLines(report.sizes);
    process.stdout.write(`${markdownTable(report.sizes)}\n${targets.length ? `\n${targets.join('\n')}\n` : ''}`);
    return;
  }

  const t0 = performance.now();
  const elapsed = () => {
    const s = Math.round((performance.now() - t0) / 1000);
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  };
  const say = (text: string) => process.stderr.write(`[${elapsed()}] ${text}\n`);
  const script = fileURLToPath(import.meta.url);
  const work = cli.tmp ? resolve(cli.tmp) : mkdtempSync(join(tmpdir(), 'citebot-scale-'));
  mkdirSync(work, { recursive: true });
  const removeWork = () => {
    if (!cli.keep && !cli.tmp && !cli.profile) rmSync(work, { recursive: true, force: true });
  };
  // Stopped with Ctrl-C or a kill, as well: gigabytes of grown corpora must not stay behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopChildren();
      removeWork();
      process.exit(130);
    });
  }
  const profileDir = join(work, 'profiles');

  const report: ScaleReport = {
    benchmark: 'Corpus size: SelQA sections (test then dev) replicated under new ids; citebot vs plain minisearch',
    measuredAt: new Date().toISOString(),
    code: codeVersion(),
    machine: machine(),
    limits: { maxOldSpaceMb: cli.limits.maxOldSpaceMb, maxRssMb: cli.limits.maxRssMb, timeoutMin: cli.limits.timeoutMs / 60_000 },
    questions:
      cli.questions === null
        ? `SelQA test questions (all 1,590 below ${sizeLabel(LARGE)} sentences, an even sample of ${LARGE_SAMPLE} from ${sizeLabel(LARGE)}), asked one at a time after up to 50 dev questions as warm-up, for at most ${cli.questionBudgetMs / 1000} s per system and size; citebot: engine.ask(), minisearch: search() with defaults`
        : `an even sample of ${cli.questions} SelQA test questions at every size, asked one at a time after up to 50 dev questions as warm-up, for at most ${cli.questionBudgetMs / 1000} s per system and size; citebot: engine.ask(), minisearch: search() with defaults`,
    targets: TARGETS,
    sizes: [],
  };
  const save = () => {
    finishMachine(report.machine);
    mkdirSync(dirname(cli.out), { recursive: true });
    writeFileSync(cli.out, JSON.stringify(report, null, 2) + '\n');
    writeFileSync(cli.out.replace(/\.json$/, '') + '.svg', scaleChart(report));
  };

  say(`corpus-size benchmark: sizes ${cli.sizes.map(sizeLabel).join(', ')}; systems ${cli.systems.join(', ')}; work folder ${work}`);
  say(
    `limits per child: V8 heap ${cli.limits.maxOldSpaceMb} MB, RSS ${cli.limits.maxRssMb} MB, ${cli.limits.timeoutMs / 60_000} min; load average ${loadAverage().join(' ')}`,
  );
  const pool = sectionPool();

  // The grown corpora are gigabytes at 1M: remove them even when a run fails.
  try {
    for (const [n, target] of cli.sizes.entries()) {
      const label = sizeLabel(target);
      say(`== ${label} sentences (${n + 1}/${cli.sizes.length}) ==`);
      const dir = join(work, `size-${target}`);
      const corpusDir = join(dir, 'corpus');
      rmSync(dir, { recursive: true, force: true });
      const started = performance.now();
      const grown = growCorpus(corpusDir, target, pool, (text) => say(`${label}: ${text}`));
      const writeMs = Math.round(performance.now() - started);
      say(
        `${label}: corpus written: ${grown.articles.toLocaleString('en')} articles, ${grown.selqaSentences.toLocaleString('en')} SelQA sentences, ${grown.replicas} replica(s), ${grown.files} files, ${(grown.bytes / 2 ** 20).toFixed(0)} MB in ${writeMs} ms`,
      );
      const questions = cli.questions ?? (target >= LARGE ? LARGE_SAMPLE : ALL_QUESTIONS);

      const size: SizeRun = {
        target,
        corpus: {
          articles: grown.articles,
          replicas: grown.replicas,
          selqaSentences: grown.selqaSentences,
          files: grown.files,
          jsonlMb: Math.round(grown.bytes / 2 ** 20),
          writeMs,
        },
        sentences: null,
        systems: [],
      };
      report.sizes.push(size);
      for (const system of cli.systems) {
        const indexFile = join(dir, system === 'citebot' ? 'citebot.index' : 'minisearch.json');
        const phaseArgs = (phase: PhaseName) => [
          '--phase',
          phase,
          '--system',
          system,
          '--dir',
          corpusDir,
          '--index-file',
          indexFile,
          '--questions',
          String(questions),
          '--question-budget-s',
          String(cli.questionBudgetMs / 1000),
          '--label',
          `${label} ${system} ${phase}`,
        ];
        const profile = (phase: PhaseName) =>
          cli.profile && system === 'citebot'
            ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${target}-${system}-${phase}.cpuprofile`]
            : [];

        const attempts: Attempt[] = [];
        for (let r = 1; r <= cli.repeat; r++) {
          const of = cli.repeat > 1 ? ` (${r}/${cli.repeat})` : '';
          say(`${label} ${system}: build${of} (fresh process)`);
          const buildOutcome = await runChild<BuildResult>(
            script,
            phaseArgs('build'),
            cli.limits,
            `${label} ${system} build${of}`,
            profile('build'),
          );
          say(
            `${label} ${system}: build${of} ${buildOutcome.ok ? `done: ${(buildOutcome.result.buildMs / 1000).toFixed(1)} s, peak ${buildOutcome.result.peakMb.toFixed(0)} MB` : buildOutcome.reason}`,
          );
          const attempt: Attempt = { build: buildOutcome, load: { ok: false, reason: 'not run: the build did not finish', skipped: true } };
          attempts.push(attempt);
          if (!buildOutcome.ok) continue;
          size.sentences ??= buildOutcome.result.sentences;
          if (buildOutcome.result.indexBytes === null) {
            attempt.load = {
              ok: false,
              reason: `not run: the index could not be saved (${buildOutcome.result.saveError ?? '?'})`,
              skipped: true,
            };
            continue;
          }
          say(
            `${label} ${system}: load${of} the saved index and ask ${questions === ALL_QUESTIONS ? 'all' : questions} questions (fresh process)`,
          );
          attempt.load = await runChild<LoadResult>(script, phaseArgs('load'), cli.limits, `${label} ${system} load${of}`, profile('load'));
          if (system === 'citebot' && attempt.load.ok && r === 1) {
            say(`${label} ${system}: loadEngine step by step (fresh process)`);
            attempt.loadParts = await runChild<PartsResult>(script, phaseArgs('parts'), cli.limits, `${label} ${system} parts`);
          }
          say(
            `${label} ${system}: load${of} ${
              attempt.load.ok
                ? `done: ${(attempt.load.result.loadMs / 1000).toFixed(2)} s, p50 ${attempt.load.result.queries.p50Ms} ms, p99 ${attempt.load.result.queries.p99Ms} ms, peak ${attempt.load.result.peakMb.toFixed(0)} MB`
                : attempt.load.reason
            }`,
          );
        }
        const run: SystemRun = { system, ...attempts[0]!, attempts };
        size.systems.push(run);
        if (!cli.keep) rmSync(indexFile, { force: true });
        save();
      }
      if (!cli.keep) rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    removeWork();
  }
  save();
  say(`wrote ${cli.out} and ${basename(cli.out.replace(/\.json$/, ''))}.svg`);
  if (cli.profile) say(`CPU profiles in ${profileDir}`);
  const targets = targetLines(report.sizes);
  process.stdout.write(`${markdownTable(report.sizes)}\n${targets.length ? `\n${targets.join('\n')}\n` : ''}`);
}

main().catch((error: unknown) =>
  exit(`scale benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1),
);
