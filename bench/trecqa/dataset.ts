import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../../src/paths/packageRoot.js';
import { normalizeSpace, type Pool } from '../selqa/pool.js';

export const SPLITS = ['train', 'dev'] as const;
export type TrecqaSplit = (typeof SPLITS)[number];

/** One TrecQA item, as ../shared/bench/trecqa stores it. */
interface TrecqaItem {
  id: string;
  question: string;
  candidates: string[];
  answers: number[];
}

/**
 * Read at run time from the shared folder beside the repository: the data carries no licence
 * that allows copying it into the repository (NIST questions, LDC news sentences).
 */
export const dataDir = () => resolve(packageRoot(), '..', 'shared', 'bench', 'trecqa');
export const dataFile = (split: TrecqaSplit) => join(dataDir(), `trecqa-${split}.json`);

export class MissingData extends Error {}

/**
 * Every question's candidate list becomes one article, titled with the item's id only (a title
 * holding the question's words would give the answer's article away).
 */
export function loadTrecqa(split: TrecqaSplit): Pool {
  const file = dataFile(split);
  if (!existsSync(file)) {
    throw new MissingData(
      `TrecQA data not found: ${file}\nThis benchmark reads ../shared/bench/trecqa/trecqa-{train,dev}.json beside the repository at run time; ` +
        'the data may not be copied into the repository (see bench/trecqa/README.md).',
    );
  }
  const items = JSON.parse(readFileSync(file, 'utf8')) as TrecqaItem[];
  return {
    sections: items.map((item) => ({
      id: item.id,
      title: item.id,
      heading: null,
      source: 'TrecQA (TREC QA newswire)',
      candidates: item.candidates,
    })),
    questions: items.map((item) => ({
      question: item.question,
      sectionId: item.id,
      gold: item.answers.map((i) => normalizeSpace(item.candidates[i] ?? '')),
    })),
  };
}
