import type { Corpus } from '../../src/corpus/schema.js';
import { buildCorpus } from '../selqa/buildCorpus.js';
import { loadSplit } from '../selqa/dataset.js';
import type { PoolQuestion } from '../selqa/pool.js';
import { loadTrecqa } from '../trecqa/dataset.js';

/** Questions asked over one corpus, each with its number in the data set (for cross-validation folds). */
export interface TrainingPool {
  corpus: Corpus;
  questions: { number: number; question: PoolQuestion }[];
}

export interface TrainingSet {
  name: string;
  pools: TrainingPool[];
}

/** The public data the answer model is trained on: SelQA dev (Wikipedia), TrecQA train and dev (news). Never a test split. */
export const TRAINING_SETS = ['selqa-dev', 'trecqa-train', 'trecqa-dev'] as const;
export type TrainingSetName = (typeof TRAINING_SETS)[number];

/** Every question is asked over all the split's candidate lists pooled into one corpus, as the benchmarks ask them. */
export function loadTrainingSet(name: TrainingSetName): TrainingSet {
  const pool = name === 'selqa-dev' ? loadSplit('dev') : loadTrecqa(name === 'trecqa-train' ? 'train' : 'dev');
  return {
    name,
    pools: [{ corpus: buildCorpus(pool.sections), questions: pool.questions.map((question, number) => ({ number, question })) }],
  };
}
