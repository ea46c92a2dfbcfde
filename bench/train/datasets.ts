import type { Corpus } from '../../src/corpus/schema.js';
import { buildCorpus } from '../selqa/buildCorpus.js';
import { loadSplit } from '../selqa/dataset.js';
import type { Pool } from '../selqa/pool.js';
import { loadTrecqa } from '../trecqa/dataset.js';

/** A training set: questions asked over one pooled corpus of all their candidate sentences. */
export interface TrainingSet extends Pool {
  name: string;
  corpus: Corpus;
}

/** The public data the answer model is trained on: SelQA dev (Wikipedia), TrecQA train and dev (news). Never a test split. */
export const TRAINING_SETS = ['selqa-dev', 'trecqa-train', 'trecqa-dev'] as const;
export type TrainingSetName = (typeof TRAINING_SETS)[number];

export function loadTrainingSet(name: TrainingSetName): TrainingSet {
  const pool = name === 'selqa-dev' ? loadSplit('dev') : loadTrecqa(name === 'trecqa-train' ? 'train' : 'dev');
  return { name, ...pool, corpus: buildCorpus(pool.sections) };
}
