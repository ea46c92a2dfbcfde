import type { ChildOutcome } from './child.js';
import type { BuildResult, LoadResult, PartsResult, SystemName } from './phases.js';

export interface SystemRun {
  system: SystemName;
  build: ChildOutcome<BuildResult>;
  /** Loading the saved index in a fresh process, then the questions; skipped when nothing was saved. */
  load: ChildOutcome<LoadResult> | { ok: false; reason: string; skipped: true };
  /** citebot: loadEngine's steps timed one by one in another fresh process. */
  loadParts?: ChildOutcome<PartsResult>;
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
  code: { commit: string; srcModified: boolean } | null;
  machine: { node: string; cpu: string; cores: number; memoryGb: number; platform: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
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

export const TARGETS: Targets = { sentences: 1_000_000, loadMs: 2000, p99Ms: 20, memoryMb: 2048 };

const build = (run: SystemRun) => (run.build.ok ? run.build.result : null);
const load = (run: SystemRun) => (run.load.ok ? run.load.result : null);
/** Memory while serving: the peak of the process that loaded the index and answered. */
export const servingPeakMb = (run: SystemRun) => load(run)?.peakMb ?? null;

export const sizeLabel = (n: number) => (n >= 1e6 ? `${+(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${+(n / 1e3).toFixed(1)}k` : String(n));
const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const fixed = (x: number, digits: number) => x.toFixed(digits);

const HEADER = ['sentences', 'system', 'build s', 'index MB', 'load s', 'build peak MB', 'serve peak MB', 'q/s', 'p50 ms', 'p99 ms'];

export function markdownTable(sizes: SizeRun[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rows: string[][] = [];
  for (const size of sizes) {
    for (const run of size.systems) {
      const b = build(run);
      const l = load(run);
      const dash = '—';
      if (!b) {
        rows.push([sizeLabel(size.sentences ?? size.target), run.system, run.build.ok ? dash : run.build.reason, dash, dash, dash, dash, dash, dash, dash]);
        continue;
      }
      const loadCell = run.load.ok ? seconds(run.load.result.loadMs) : run.load.reason;
      rows.push([
        sizeLabel(b.sentences),
        run.system,
        seconds(b.buildMs),
        b.indexBytes === null ? `not saved (${b.saveError ?? '?'})` : fixed(b.indexBytes / 2 ** 20, 0),
        loadCell,
        fixed(b.peakMb, 0),
        l ? fixed(l.peakMb, 0) : dash,
        l ? `${l.queries.qps}${l.queries.budgetExhausted ? ` (${l.queries.questions} q in the time budget)` : ''}` : dash,
        l ? fixed(l.queries.p50Ms, 2) : dash,
        l ? fixed(l.queries.p99Ms, 2) : dash,
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
  if (!run.load.ok) return [`citebot at ${at}${note}: ${run.load.reason}`];
  const l = run.load.result;
  const check = (name: string, value: number, limit: number, unit: string, shown: (x: number) => string) =>
    `- ${name}: ${shown(value)} ${unit} (target < ${shown(limit)} ${unit}) — ${value < limit ? 'met' : 'MISSED'}`;
  return [
    `citebot at ${at} sentences${note}:`,
    check('load from the prebuilt index', l.loadMs / 1000, targets.loadMs / 1000, 's', (x) => x.toFixed(2)),
    check('p99 per question', l.queries.p99Ms, targets.p99Ms, 'ms', (x) => x.toFixed(1)),
    check('memory (peak RSS loading and serving)', l.peakMb, targets.memoryMb, 'MB', (x) => x.toFixed(0)),
    ...(run.loadParts?.ok
      ? [
          `- loadEngine step by step (another fresh process): ${run.loadParts.result.steps
            .map((s) => `${s.step} ${s.ms.toFixed(0)} ms (GC ${s.gcMs.toFixed(0)})`)
            .join(', ')}; heap ${run.loadParts.result.steps.at(-1)?.heapUsedMb.toFixed(0)} MB + buffers ${run.loadParts.result.steps.at(-1)?.arrayBuffersMb.toFixed(0)} MB`,
        ]
      : []),
  ];
}

// ---------------------------------------------------------------- chart

interface Series {
  system: SystemName;
  /** [sentences, value] for the sizes that finished, and the sizes that did not. */
  points: [number, number][];
  missing: number[];
}

interface Panel {
  title: string;
  unit: 'ms' | 'MB';
  series: Series[];
  target: number | null;
}

const COLOURS: Record<SystemName, string> = { citebot: '#1f6fb4', minisearch: '#e07b00' };

function panels(sizes: SizeRun[], targets: Targets): Panel[] {
  const systems = [...new Set(sizes.flatMap((s) => s.systems.map((r) => r.system)))];
  const seriesOf = (value: (run: SystemRun) => number | null): Series[] =>
    systems.map((system) => {
      const series: Series = { system, points: [], missing: [] };
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
    { title: 'Build time (load corpus + index)', unit: 'ms', series: seriesOf((r) => build(r)?.buildMs ?? null), target: null },
    { title: 'Load from the prebuilt index', unit: 'ms', series: seriesOf((r) => load(r)?.loadMs ?? null), target: targets.loadMs },
    { title: 'p99 latency per question', unit: 'ms', series: seriesOf((r) => load(r)?.queries.p99Ms ?? null), target: targets.p99Ms },
    { title: 'Peak memory, loading and serving', unit: 'MB', series: seriesOf(servingPeakMb), target: targets.memoryMb },
  ];
}

function tickLabel(value: number, unit: 'ms' | 'MB'): string {
  const trim = (x: number) => String(+x.toPrecision(3));
  if (unit === 'ms') return value >= 1000 ? `${trim(value / 1000)} s` : `${trim(value)} ms`;
  return value >= 1024 && value % 1024 === 0 ? `${value / 1024} GB` : `${value.toLocaleString('en')} MB`;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Log-log chart, one panel per measure, both systems as lines; dashed lines are the issue's targets. */
export function svgChart(report: ScaleReport): string {
  const cols = 2;
  const panelW = 420;
  const panelH = 250;
  const margin = { left: 78, top: 112, right: 24, bottom: 48 };
  const gapX = 90;
  const gapY = 84;
  const W = margin.left + cols * panelW + (cols - 1) * gapX + margin.right;
  const H = margin.top + 2 * panelH + gapY + margin.bottom;
  const all = panels(report.sizes, report.targets);
  const xs = report.sizes.map((s) => s.sentences ?? s.target);
  // Always out to the size the targets are set for, so a partial run shows how far it got.
  // (1,002,915 sentences is "1M": a little over a power of ten does not open another decade.)
  const xMin = Math.pow(10, Math.floor(Math.log10(Math.min(...xs, report.targets.sentences)) + 0.05));
  const xMax = Math.max(xMin * 10, Math.pow(10, Math.ceil(Math.log10(Math.max(...xs, report.targets.sentences)) - 0.05)));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${W / 2}" y="28" text-anchor="middle" font-size="17" font-weight="bold">citebot vs minisearch as the corpus grows (log–log)</text>`);
  const m = report.machine;
  out.push(
    `<text x="${W / 2}" y="48" text-anchor="middle" fill="#555">${escapeXml(`SelQA sections replicated; ${m.cores} cores, ${m.cpu}, Node ${m.node}; ${report.measuredAt.slice(0, 10)}; dashed: targets at 1M`)}</text>`,
  );
  // Legend
  let lx = W / 2 - 150;
  for (const system of Object.keys(COLOURS) as SystemName[]) {
    out.push(`<line x1="${lx}" y1="70" x2="${lx + 28}" y2="70" stroke="${COLOURS[system]}" stroke-width="2.5"/><circle cx="${lx + 14}" cy="70" r="3.5" fill="${COLOURS[system]}"/>`);
    out.push(`<text x="${lx + 34}" y="74">${system}</text>`);
    lx += 120;
  }
  out.push(`<text x="${lx}" y="74" fill="#444">× did not finish</text>`);

  all.forEach((panel, i) => {
    const ox = margin.left + (i % cols) * (panelW + gapX);
    const oy = margin.top + Math.floor(i / cols) * (panelH + gapY);
    const values = [...panel.series.flatMap((s) => s.points.map((p) => p[1])), ...(panel.target ? [panel.target] : [])];
    const yMin = Math.pow(10, Math.floor(Math.log10(Math.min(...values, Infinity) || 1)));
    const yMax = Math.pow(10, Math.ceil(Math.log10(Math.max(...values, 1) * 1.0001)));
    const lo = values.length ? yMin : 1;
    const hi = values.length ? Math.max(yMax, lo * 10) : 10;
    const x = (v: number) => ox + (Math.log10(v / xMin) / Math.log10(xMax / xMin)) * panelW;
    const y = (v: number) => oy + panelH - (Math.log10(v / lo) / Math.log10(hi / lo)) * panelH;
    out.push(`<text x="${ox}" y="${oy - 10}" font-size="14" font-weight="bold">${escapeXml(panel.title)}</text>`);
    out.push(`<rect x="${ox}" y="${oy}" width="${panelW}" height="${panelH}" fill="none" stroke="#999"/>`);
    for (let d = lo; d <= hi * 1.0001; d *= 10) {
      out.push(`<line x1="${ox}" x2="${ox + panelW}" y1="${y(d)}" y2="${y(d)}" stroke="#e4e4e4"/>`);
      out.push(`<text x="${ox - 6}" y="${y(d) + 4}" text-anchor="end" fill="#444">${tickLabel(d, panel.unit)}</text>`);
    }
    for (let d = xMin; d <= xMax * 1.0001; d *= 10) {
      out.push(`<line x1="${x(d)}" x2="${x(d)}" y1="${oy}" y2="${oy + panelH}" stroke="#e4e4e4"/>`);
      out.push(`<text x="${x(d)}" y="${oy + panelH + 16}" text-anchor="middle" fill="#444">${sizeLabel(d)}</text>`);
    }
    out.push(`<text x="${ox + panelW / 2}" y="${oy + panelH + 34}" text-anchor="middle" fill="#444">sentences</text>`);
    if (panel.target) {
      const ty = y(panel.target);
      out.push(`<line x1="${ox}" x2="${ox + panelW}" y1="${ty}" y2="${ty}" stroke="#c00" stroke-dasharray="6 4" stroke-width="1.2"/>`);
      out.push(`<text x="${ox + 6}" y="${ty - 5}" fill="#c00">target ${tickLabel(panel.target, panel.unit)}</text>`);
    }
    for (const [s, series] of panel.series.entries()) {
      const colour = COLOURS[series.system];
      if (series.points.length > 1) {
        out.push(`<polyline fill="none" stroke="${colour}" stroke-width="2.5" points="${series.points.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ')}"/>`);
      }
      for (const [px, py] of series.points) {
        out.push(`<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="4" fill="${colour}"><title>${series.system} ${sizeLabel(px)}: ${tickLabel(py, panel.unit)}</title></circle>`);
      }
      for (const px of series.missing) {
        out.push(`<text x="${x(px).toFixed(1)}" y="${oy + 18 + 16 * s}" text-anchor="middle" fill="${colour}" font-size="16" font-weight="bold">×<title>${series.system} ${sizeLabel(px)}: did not finish</title></text>`);
      }
    }
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
