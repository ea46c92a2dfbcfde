/**
 * Risk–coverage: answer a question only when its top answer's score reaches a threshold; as the
 * threshold falls, more questions are answered (coverage) and, for a score worth having, the share
 * right among them (precision) falls slowly. Questions with no right answer among their candidates
 * count in both: answering one is a wrong answer.
 */
import { svgChart, type Mark, type Series } from '../svgChart.js';
import type { Outcome } from './score.js';

export interface CurvePoint {
  /** Answer when the top score is at least this. */
  threshold: number;
  coverage: number;
  precision: number;
  answered: number;
  right: number;
}

export interface OperatingPoint {
  coverage: number;
  precision: number;
  answered: number;
  right: number;
}

/** One point per distinct score, highest first: questions with equal scores are answered or declined together. */
export function riskCoverage(items: { score: number | null; right: boolean }[]): CurvePoint[] {
  const scored = items.filter((i): i is { score: number; right: boolean } => i.score !== null).sort((a, b) => b.score - a.score);
  const points: CurvePoint[] = [];
  let right = 0;
  for (let i = 0; i < scored.length; i++) {
    if (scored[i]!.right) right++;
    const answered = i + 1;
    if (i + 1 < scored.length && scored[i + 1]!.score === scored[i]!.score) continue;
    points.push({ threshold: scored[i]!.score, coverage: answered / items.length, precision: right / answered, answered, right });
  }
  return points;
}

/** The curve from each question's top-ranked sentence and its score. */
export const outcomeCurve = (outcomes: Outcome[]) => riskCoverage(outcomes.map((o) => ({ score: o.topScore, right: o.rank === 1 })));

/** Where the system actually operates: what ask() answered, over all questions. */
export function operatingPoint(outcomes: Outcome[]): OperatingPoint {
  const answered = outcomes.filter((o) => o.answered).length;
  const right = outcomes.filter((o) => o.askRight).length;
  return { coverage: outcomes.length ? answered / outcomes.length : 0, precision: answered ? right / answered : 0, answered, right };
}

/** At most about `max` points, evenly over coverage, keeping the last (enough to draw and to read). */
export function thin(points: CurvePoint[], max = 200): CurvePoint[] {
  if (points.length <= max) return points;
  let lastBucket = -1;
  return points.filter((p, i) => {
    const bucket = Math.floor(p.coverage * max);
    if (bucket === lastBucket && i < points.length - 1) return false;
    lastBucket = bucket;
    return true;
  });
}

/** Pretty JSON with each curve point on one line: a curve has up to ~200 of them. */
export function curvesJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\{[^{}]*"threshold"[^{}]*\}/g, (point) => point.replace(/\s+/g, ' ')) + '\n';
}

export interface SystemCurve {
  system: string;
  colour: string;
  points: CurvePoint[];
  operating: OperatingPoint;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** Precision against coverage for every system, each system's ask() marked on its curve. */
export function riskCoverageChart(title: string, subtitle: string, curves: SystemCurve[], label: string): string {
  const low = Math.min(1, ...curves.flatMap((c) => [...c.points.map((p) => p.precision), c.operating.precision]));
  const yMin = Math.max(0, Math.floor(low * 10) / 10);
  const yTicks = Array.from({ length: Math.round((1 - yMin) * 10) + 1 }, (_, i) => Math.round((yMin + i / 10) * 10) / 10);
  const series: Series[] = curves.map((c) => ({
    name: c.system,
    colour: c.colour,
    points: c.points.map((p) => [p.coverage, p.precision]),
    dots: c.points.length <= 30,
  }));
  const marks: Mark[] = curves.map((c) => ({
    x: c.operating.coverage,
    y: c.operating.precision,
    colour: c.colour,
    ...(c.operating.coverage < 1
      ? { label: `${c.system} ask(): ${percent(c.operating.coverage)} answered, ${percent(c.operating.precision)} right` }
      : {}),
    tooltip: `${c.system} ask(): ${c.operating.answered} answered, ${c.operating.right} right`,
  }));
  return svgChart({
    title,
    subtitle,
    legend: curves.map((c) => ({ name: c.system, colour: c.colour })),
    legendNote: '○ what ask() answers',
    cols: 1,
    panelW: 600,
    panelH: 400,
    panels: [
      {
        title: label,
        x: {
          scale: 'linear',
          min: 0,
          max: 1,
          ticks: [0, 0.2, 0.4, 0.6, 0.8, 1],
          format: percent,
          label: 'coverage: share of questions answered (threshold on the top answer’s score)',
        },
        y: { scale: 'linear', min: yMin, max: 1, ticks: yTicks, format: percent, label: 'precision: share right among the answered' },
        series,
        marks,
      },
    ],
  });
}
