import type { CodeVersion, Machine } from '../runInfo.js';
import { machineLine } from '../runInfo.js';
import type { SplitterStats } from './buildCorpus.js';
import type { Miss, SystemResult } from './measure.js';

/** A system's figures as saved: everything but the per-question outcomes and the misses. */
export type SystemFigures = Omit<SystemResult, 'misses' | 'outcomes'>;

export interface BenchReport {
  benchmark: string;
  split: string;
  measuredAt: string;
  code: CodeVersion | null;
  machine: Machine;
  /** Questions asked (an even sample when --max-questions was given), and of how many in the split. */
  questions: number;
  questionsInSplit: number;
  sections: number;
  splitter: SplitterStats;
  systems: SystemFigures[];
}

const HEADER = ['system', 'P@1', 'MRR@10', 'ask P@1', 'answered', 'precision', 'build ms', 'q/s', 'p50 ms', 'p99 ms', 'peak RSS MB'];

export function markdownTable(systems: SystemFigures[]): string {
  const rows = systems.map((s) => [
    s.system,
    s.p1.toFixed(3),
    s.mrr10.toFixed(3),
    s.askP1.toFixed(3),
    s.answered.toFixed(3),
    s.precision.toFixed(3),
    String(s.buildMs),
    String(s.qps),
    s.p50Ms.toFixed(2),
    s.p99Ms.toFixed(2),
    s.peakRssMb.toFixed(0),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(HEADER), line(HEADER.map((h, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export function summary(label: string, report: BenchReport): string {
  const { splitter: s } = report;
  const sample = report.questions < report.questionsInSplit ? ` (an even sample of the split's ${report.questionsInSplit})` : '';
  return (
    `${label} ${report.split}: ${report.questions} questions${sample} over ${report.sections} candidate lists pooled into one corpus of ` +
    `${s.corpusSentences} sentences (${s.candidates} candidate sentences, ${s.resplit} re-split by citebot's splitter). ` +
    `P@1 and MRR@10 rank with no threshold; ask P@1 counts a decline as a miss; answered and precision are ask()'s. ${machineLine(report.machine)}.`
  );
}

/** Questions with no right sentence among their candidates: the right reply is a decline. */
export function noAnswerLine(systems: SystemFigures[]): string | null {
  const n = systems[0]?.noAnswer.questions ?? 0;
  if (!n) return null;
  const each = systems.map((s) => `${s.system} declined ${s.noAnswer.declined}`).join(', ');
  return `${n} question(s) have no right sentence among their candidates; they are left out of the figures above, and the right reply is a decline: ${each}.`;
}

/**
 * Pooled lists that share sentences make a right sentence's copy elsewhere count as wrong: say how
 * often, and what ask P@1 would be if the text alone were judged (how issue 12 measured TrecQA).
 */
export function copyElsewhereLine(systems: SystemFigures[]): string | null {
  if (!systems.some((s) => s.askCopyElsewhere)) return null;
  const each = systems.map((s) => `${s.system} ${s.askCopyElsewhere}`).join(', ');
  const byText = systems
    .map((s) => `${s.system} ${(s.askP1 + (s.questions ? s.askCopyElsewhere / s.questions : 0)).toFixed(3)}`)
    .join(', ');
  return (
    `Counted wrong although the quote is a gold sentence's text, because it was taken from another question's candidate list: ${each}. ` +
    `Judging the text alone, ask P@1 would be ${byText}.`
  );
}

export function missesText(misses: Miss[]): string {
  return misses
    .map((m, i) => {
      const where = m.chose === null ? 'nothing' : m.ownSection ? 'own section' : `other section ${m.choseFrom}`;
      const rank = m.correctRank ? `a correct sentence at rank ${m.correctRank}` : 'no correct sentence in the top 10';
      return [
        `${i + 1}. Q: ${m.question}`,
        ...m.gold.map((g) => `   gold:  ${g}`),
        `   chose: ${m.chose ?? '(no result)'}  [${where}; ${rank}]`,
      ].join('\n');
    })
    .join('\n\n');
}
