// How a live reload is told: JSON log lines for a service (start, progress, then done with
// counts and durations, unchanged, or failed naming the file and the problem), or one short
// plain line for a person at the console, only for what changes what they get.
import type { Logger } from '../process/logger.js';

export interface Counts {
  articles: number;
  sentences: number;
}

export interface ReloadReport {
  started(): void;
  progress(step: string, counts: Counts & { ms: number }): void;
  unchanged(ms: number): void;
  /** The old index goes on serving: `serving` is what it holds. */
  failed(failure: { file: string | null; problem: string; ms: number; serving: Counts }): void;
  reloaded(done: { now: Counts; before: Counts; digest: string; built: boolean; buildMs: number; swapMs: number; ms: number }): void;
}

export function reloadReport(reason: string, corpus: string, log: Logger, say?: (line: string) => void): ReloadReport {
  if (say)
    return {
      started: () => {},
      progress: () => {},
      unchanged: () => {},
      failed: ({ problem, serving }) =>
        say(`corpus not reloaded: ${problem} (still answering from the ${serving.articles} articles loaded before)`),
      reloaded: ({ now, ms }) => say(`corpus reloaded: ${now.articles} articles, ${now.sentences} sentences (${(ms / 1000).toFixed(1)} s)`),
    };
  return {
    started: () => log.info('corpus reload started', { reason, corpus }),
    progress: (step, counts) => log.info(`corpus reload: ${step}`, { reason, ...counts }),
    unchanged: (ms) => log.info('corpus unchanged', { reason, ms }),
    failed: ({ file, problem, ms, serving }) => log.warn('corpus reload failed', { reason, file, problem, ms, serving }),
    reloaded: ({ now, ...rest }) => log.info('corpus reloaded', { reason, ...now, ...rest }),
  };
}
