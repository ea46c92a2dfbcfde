import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths/packageRoot.js';
import { buildCorpus } from '../selqa/buildCorpus.js';
import { foldSections, loadSplit, type SelqaItem, type SelqaSplit } from '../selqa/dataset.js';
import type { Corpus } from '../../src/corpus/schema.js';

/** A training set: questions asked over one pooled corpus of all their candidate sentences. */
export interface TrainingSet extends SelqaSplit {
  name: string;
  corpus: Corpus;
}

/** TrecQA stays in ../shared (its licence note forbids copying it into the repository). */
export const trecqaDir = () => join(packageRoot(), '..', 'shared', 'bench', 'trecqa');

/** The public data the answer model is trained on: SelQA dev (Wikipedia), TrecQA train and dev (news). Never a test split. */
export const TRAINING_SETS = ['selqa-dev', 'trecqa-train', 'trecqa-dev'] as const;
export type TrainingSetName = (typeof TRAINING_SETS)[number];

export function loadTrainingSet(name: TrainingSetName): TrainingSet {
  const split = name === 'selqa-dev' ? loadSplit('dev') : loadTrecqa(name === 'trecqa-train' ? 'train' : 'dev');
  return { name, ...split, corpus: buildCorpus(split.sections) };
}

function loadTrecqa(split: 'train' | 'dev'): SelqaSplit {
  const file = join(trecqaDir(), `trecqa-${split}.json`);
  if (!existsSync(file)) throw new Error(`${file} is missing: TrecQA is read from ../shared/bench/trecqa beside the repository`);
  return foldSections(JSON.parse(readFileSync(file, 'utf8')) as SelqaItem[]);
}
