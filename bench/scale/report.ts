import type { ChildOutcome } from './child.js';
import type { Machine, CodeVersion } from '../runInfo.js';
import { summarize } from '../stats.js';
import { svgChart, type Axis, type Series } from '../svgChart.js';
import type { BuildResult, LoadResult, PartsResult, SystemName } from './phases.js';

/** One build of a system's index and one load of it (with the questions), each in a fresh process. */
export interface Attempt {
  build: ChildOutcome<BuildResult>;
  /** Loading the saved index in a fresh process, then the questions; skipped when nothing was saved. */
  load: ChildOutcome<LoadResult> | { ok: false; reason: string; skipped: true };
  /** citebot: loadEngine's steps timed one by one in another fresh process. */
  loadParts?: ChildOutcome<PartsResult>;
}

/** The first attempt's outcomes, and with --repeat all of them: the table and chart show medians over those that finished. */
export interface SystemRun extends Attempt {
  system: SystemName;
  attempts?: Attempt[];
}

export interface SizeRun {
  /** The size asked for (--sizes) and what the grown corpus holds. */
  target: number;
  corpus: { articles: number; replicas: number; selqaSentences: number; files: number; jsonlMb: number; writeMs: number };
  /** Sentences after citebot's splitter (from whichever build finished). */
  sentences: number | null;
  systems: SystemRun[];
}

export interface ScaleReport {
  benchmark: string;
  measuredAt: string;
  code: CodeVersion | null;
  machine: Machine;
  limits: { maxOldSpaceMb: number; maxRssMb: number; timeoutMin: number };
  questions: string;
  targets: Targets;
  sizes: SizeRun[];
}

export interface Targets {
  sentences: number;
  loadMs: number;
  p99Ms: number;
  memoryMb: number;
}

/** Issue 11's targets at 1M sentences (build peak and serving peak alike under the memory bound). */
export const TARGETS: Targets = { sentences: 1_000_000, loadMs: 1200, p99Ms: 15, memoryMb: 2048 };

const attempts = (run: SystemRun): Attempt[] => run.attempts ?? [run];
const build = (run: SystemRun) => (run.build.ok ? run.build.result : null);
const load = (run: SystemRun) => (run.load.ok ? run.load.result : null);
const builds = (run: SystemRun) => attempts(run).flatMap((a) => (a.build.ok ? [a.build.result] : []));
const loads = (run: SystemRun) => attempts(run).flatMap((a) => (a.load.ok ? [a.load.result] : []));
/** The median over the attempts that finished, or null. */
const median = (values: number[]) => (values.length ? summarize(values).median : null);
/** Memory while serving: the peak of the process that loaded the index and answered. */
export const servingPeakMb = (run: SystemRun) => median(loads(run).map((l) => l.peakMb));

export const sizeLabel = (n: number) => (n >= 1e6 ? `${+(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${+(n / 1e3).toFixed(1)}k` : String(n));
const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const fixed = (x: number, digits: number) => x.toFixed(digits);

const HEADER = ['sentences', 'system', 'build s', 'index MB', 'load s', 'build peak MB', 'serve peak MB', 'q/s', 'p50 ms', 'p99 ms'];

/** "median (min–max)" over repeated attempts; the value alone for one. */
function spread(values: number[], shown: (x: number) => string): string {
  if (values.length === 0) return '—';
  const { median, min, max } = summarize(values, 6);
  return values.length === 1 ? shown(median) : `${shown(median)} (${shown(min)}–${shown(max)})`;
}

export function markdownTable(sizes: SizeRun[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rows: string[][] = [];
  for (const size of sizes) {
    for (const run of size.systems) {
      const b = build(run);
      const l = load(run);
      const dash = '—';
      if (!b) {
        rows.push([
          sizeLabel(size.sentences ?? size.target),
          run.system,
          run.build.ok ? dash : run.build.reason,
          dash,
          dash,
          dash,
          dash,
          dash,
          dash,
          dash,
        ]);
        continue;
      }
      const bs = builds(run);
      const ls = loads(run);
      rows.push([
        sizeLabel(b.sentences),
        run.system,
        spread(
          bs.map((x) => x.buildMs),
          seconds,
        ),
        b.indexBytes === null ? `not saved (${b.saveError ?? '?'})` : fixed(b.indexBytes / 2 ** 20, 0),
        !run.load.ok
          ? run.load.reason
          : spread(
              ls.map((x) => x.loadMs),
              seconds,
            ),
        spread(
          bs.map((x) => x.peakMb),
          (x) => fixed(x, 0),
        ),
        l
          ? spread(
              ls.map((x) => x.peakMb),
              (x) => fixed(x, 0),
            )
          : dash,
        l
          ? `${spread(
              ls.map((x) => x.queries.qps),
              (x) => fixed(x, x < 10 ? 2 : 0),
            )}${l.queries.budgetExhausted ? ` (${l.queries.questions} q in the time budget)` : ''}`
          : dash,
        l
          ? spread(
              ls.map((x) => x.queries.p50Ms),
              (x) => fixed(x, 2),
            )
          : dash,
        l
          ? spread(
              ls.map((x) => x.queries.p99Ms),
              (x) => fixed(x, 2),
            )
          : dash,
      ]);
    }
  }
  return [line(HEADER), line(HEADER.map((h, i) => (i < 2 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** One line per target for citebot at the largest size run: met or missed, with the figure. */
export function targetLines(sizes: SizeRun[], targets = TARGETS): string[] {
  const largest = [...sizes].sort((a, b) => b.target - a.target)[0];
  const run = largest?.systems.find((s) => s.system === 'citebot');
  if (!largest || !run) return [];
  const at = sizeLabel(largest.sentences ?? largest.target);
  const note = largest.target < targets.sentences ? ` (largest size run; the targets are for ${sizeLabel(targets.sentences)})` : '';
  const ls = loads(run);
  if (!run.load.ok) return [`citebot at ${at}${note}: ${run.load.reason}`];
  const check = (name: string, values: number[], limit: number, unit: string, shown: (x: number) => string) =>
    `- ${name}: ${spread(values, shown)} ${unit} (target ≤ ${shown(limit)} ${unit}) — ${median(values)! <= limit ? 'met' : 'MISSED'}`;
  return [
    `citebot at ${at} sentences${note}, median (min–max) of ${ls.length} run(s):`,
    check(
      'load from the prebuilt index',
      ls.map((l) => l.loadMs / 1000),
      targets.loadMs / 1000,
      's',
      (x) => x.toFixed(2),
    ),
    check(
      'p99 per question',
      ls.map((l) => l.queries.p99Ms),
      targets.p99Ms,
      'ms',
      (x) => x.toFixed(1),
    ),
    check(
      'memory (peak RSS loading and serving)',
      ls.map((l) => l.peakMb),
      targets.memoryMb,
      'MB',
      (x) => x.toFixed(0),
    ),
    check(
      'memory (peak RSS building)',
      builds(run).map((b) => b.peakMb),
      targets.memoryMb,
      'MB',
      (x) => x.toFixed(0),
    ),
    ...(run.loadParts?.ok
      ? [
          `- loadEngine step by step (another fresh process): ${run.loadParts.result.steps
            .map((s) => `${s.step} ${s.ms.toFixed(0)} ms (GC ${s.gcMs.toFixed(0)})`)
            .join(
              ', ',
            )}; heap ${run.loadParts.result.steps.at(-1)?.heapUsedMb.toFixed(0)} MB + buffers ${run.loadParts.result.steps.at(-1)?.arrayBuffersMb.toFixed(0)} MB`,
        ]
      : []),
  ];
}

// ---------------------------------------------------------------- chart

interface ScalePanel {
  title: string;
  unit: 'ms' | 'MB';
  series: Series[];
  target: number | null;
}

const COLOURS: Record<SystemName, string> = { citebot: '#1f6fb4', minisearch: '#e07b00' };

function panels(sizes: SizeRun[], targets: Targets): ScalePanel[] {
  const systems = [...new Set(sizes.flatMap((s) => s.systems.map((r) => r.system)))];
  const seriesOf = (value: (run: SystemRun) => number | null): Series[] =>
    systems.map((system) => {
      const series = { name: system, colour: COLOURS[system], points: [] as [number, number][], missing: [] as number[] };
      for (const size of sizes) {
        const run = size.systems.find((r) => r.system === system);
        const x = size.sentences ?? size.target;
        const v = run ? value(run) : null;
        if (v === null || !(v > 0)) series.missing.push(x);
        else series.points.push([x, v]);
      }
      return series;
    });
  return [
    {
      title: 'Build time (load corpus + index)',
      unit: 'ms',
      series: seriesOf((r) => median(builds(r).map((b) => b.buildMs))),
      target: null,
    },
    {
      title: 'Load from the prebuilt index',
      unit: 'ms',
      series: seriesOf((r) => median(loads(r).map((l) => l.loadMs))),
      target: targets.loadMs,
    },
    {
      title: 'p99 latency per question',
      unit: 'ms',
      series: seriesOf((r) => median(loads(r).map((l) => l.queries.p99Ms))),
      target: targets.p99Ms,
    },
    { title: 'Peak memory, loading and serving', unit: 'MB', series: seriesOf(servingPeakMb), target: targets.memoryMb },
  ];
}

function tickLabel(value: number, unit: 'ms' | 'MB'): string {
  const trim = (x: number) => String(+x.toPrecision(3));
  if (unit === 'ms') return value >= 1000 ? `${trim(value / 1000)} s` : `${trim(value)} ms`;
  return value >= 1024 && value % 1024 === 0 ? `${value / 1024} GB` : `${value.toLocaleString('en')} MB`;
}

/** Powers of ten from lo to hi. */
function decades(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let d = lo; d <= hi * 1.0001; d *= 10) ticks.push(d);
  return ticks;
}

/** Log-log chart, one panel per measure, both systems as lines; dashed lines are the issue's targets. */
export function scaleChart(report: ScaleReport): string {
  const xs = report.sizes.map((s) => s.sentences ?? s.target);
  // Always out to the size the targets are set for, so a partial run shows how far it got.
  // (1,002,915 sentences is "1M": a little over a power of ten does not open another decade.)
  const xMin = Math.pow(10, Math.floor(Math.log10(Math.min(...xs, report.targets.sentences)) + 0.05));
  const xMax = Math.max(xMin * 10, Math.pow(10, Math.ceil(Math.log10(Math.max(...xs, report.targets.sentences)) - 0.05)));
  const x: Axis = { scale: 'log', min: xMin, max: xMax, ticks: decades(xMin, xMax), format: sizeLabel, label: 'sentences' };
  const m = report.machine;
  return svgChart({
    title: 'citebot vs minisearch as the corpus grows (log–log)',
    subtitle: `SelQA sections replicated; ${m.cores} cores, ${m.cpu}, Node ${m.node}; ${report.measuredAt.slice(0, 10)}; dashed: targets at 1M`,
    legend: (Object.keys(COLOURS) as SystemName[]).map((name) => ({ name, colour: COLOURS[name] })),
    legendNote: '× did not finish',
    panels: panels(report.sizes, report.targets).map((panel) => {
      const values = [...panel.series.flatMap((s) => s.points.map((p) => p[1])), ...(panel.target ? [panel.target] : [])];
      const yMin = Math.pow(10, Math.floor(Math.log10(Math.min(...values, Infinity) || 1)));
      const yMax = Math.pow(10, Math.ceil(Math.log10(Math.max(...values, 1) * 1.0001)));
      const lo = values.length ? yMin : 1;
      const hi = values.length ? Math.max(yMax, lo * 10) : 10;
      const format = (v: number) => tickLabel(v, panel.unit);
      return {
        title: panel.title,
        x,
        y: { scale: 'log', min: lo, max: hi, ticks: decades(lo, hi), format },
        series: panel.series,
        ...(panel.target ? { target: { value: panel.target, label: `target ${format(panel.target)}` } } : {}),
      };
    }),
  });
}
