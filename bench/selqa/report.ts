import type { SplitterStats } from './buildCorpus.js';
import type { Miss, SystemResult } from './measure.js';

export interface BenchReport {
  benchmark: string;
  split: string;
  measuredAt: string;
  code: { commit: string; srcModified: boolean } | null;
  machine: { node: string; cpu: string; cores: number; platform: string; loadAverage1m: number };
  questions: number;
  sections: number;
  splitter: SplitterStats;
  systems: Omit<SystemResult, 'misses'>[];
}

const HEADER = ['system', 'P@1', 'MRR@10', 'build ms', 'q/s', 'p50 ms', 'p99 ms', 'peak RSS MB'];

export function markdownTable(systems: Omit<SystemResult, 'misses'>[]): string {
  const rows = systems.map((s) => [
    s.system,
    s.p1.toFixed(3),
    s.mrr10.toFixed(3),
    String(s.buildMs),
    String(s.qps),
    s.p50Ms.toFixed(2),
    s.p99Ms.toFixed(2),
    s.peakRssMb.toFixed(0),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(HEADER), line(HEADER.map((h, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export function summary(report: BenchReport): string {
  const { splitter: s } = report;
  return (
    `SelQA ${report.split}: ${report.questions} questions over ${report.sections} sections pooled into one corpus of ` +
    `${s.corpusSentences} sentences (${s.candidates} SelQA sentences, ${s.resplit} re-split by citebot's splitter). ` +
    `Node ${report.machine.node}, ${report.machine.cpu} (${report.machine.cores} cores, load average ${report.machine.loadAverage1m} at the end).`
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
