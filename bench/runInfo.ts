/**
 * What every results file records about the run: which code was measured and on what machine.
 * The machine is shared, so the load average says whether other work competed for the CPU.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { packageRoot } from '../src/paths/packageRoot.js';

export interface CodeVersion {
  commit: string;
  /** Whether src/ had uncommitted edits on top of the commit. */
  srcModified: boolean;
}

export interface Machine {
  node: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  platform: string;
  /** 1, 5 and 15 minute load averages. */
  loadAverageAtStart: number[];
  loadAverageAtEnd: number[];
}

/** The engine changes under the benchmarks: the commit measured, or null outside a git checkout. */
export function codeVersion(): CodeVersion | null {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: packageRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git('rev-parse', 'HEAD'), srcModified: git('status', '--porcelain', '--', 'src') !== '' };
  } catch {
    return null;
  }
}

export const loadAverage = () => loadavg().map((x) => Math.round(x * 100) / 100);

/** Call at the start of a run; set `loadAverageAtEnd` (finishMachine) when it ends. */
export function machine(): Machine {
  return {
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform}-${process.arch}`,
    loadAverageAtStart: loadAverage(),
    loadAverageAtEnd: [],
  };
}

export function finishMachine(m: Machine): Machine {
  m.loadAverageAtEnd = loadAverage();
  return m;
}

/** One line for a report: "Node v20…, CPU (2 cores, load average 1.2 → 1.9)". */
export function machineLine(m: Machine): string {
  const load = (l: number[]) => (l[0] ?? NaN).toFixed(2);
  return `Node ${m.node}, ${m.cpu} (${m.cores} cores, load average ${load(m.loadAverageAtStart)} at the start, ${load(m.loadAverageAtEnd)} at the end)`;
}
