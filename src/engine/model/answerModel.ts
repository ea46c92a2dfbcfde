import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../../paths/packageRoot.js';
import { FEATURE_NAMES } from '../features.js';
import { logit, sigmoid } from './logistic.js';

/**
 * The trained answer model (`answer-model.json`, written by `npm run train`, never by hand):
 * a logistic ranker over the named features, then a Platt calibration of the best candidate's
 * score and its lead over the runner-up into the probability that the quote answers the question,
 * and the threshold below which a decline costs less than a likely wrong quote.
 */
export const AnswerModelSchema = z.object({
  features: z.array(z.string()),
  ranker: z.object({ weights: z.array(z.number()), bias: z.number() }),
  /** Inputs: the best candidate's score, its lead over the runner-up, then its features (CALIBRATION_INPUTS). */
  calibration: z.object({ inputs: z.array(z.string()), weights: z.array(z.number()), bias: z.number() }),
  threshold: z.number().min(0).max(1),
  training: z.record(z.string(), z.unknown()),
});
export type AnswerModel = z.infer<typeof AnswerModelSchema>;

/** Kept beside this source file (compiled code finds it from the package root). */
export const modelFile = () => join(packageRoot(), 'src', 'engine', 'model', 'answer-model.json');

let loaded: AnswerModel | undefined;

/** The committed model, checked against the features this code computes. */
export function answerModel(): AnswerModel {
  if (!loaded) {
    const model = AnswerModelSchema.parse(JSON.parse(readFileSync(modelFile(), 'utf8')));
    if (model.features.join() !== FEATURE_NAMES.join() || model.calibration.inputs.join() !== CALIBRATION_INPUTS.join()) {
      throw new Error(`answer-model.json was trained on other features (${model.features.join(', ')}): run \`npm run train\``);
    }
    loaded = model;
  }
  return loaded;
}

/** The ranker's score of one candidate (a log-odds; higher ranks first). */
export const rankScore = (model: AnswerModel, features: ArrayLike<number>) => logit(model.ranker, features);

/**
 * What the calibration reads: the ranker's score and its lead over the runner-up (Platt), and the
 * evidence that the sources may not be about the question at all, which the ranker cannot weigh
 * (it only compares candidates of one question): words the corpus never uses, the rarest word
 * missing, the worst-matched concept. Title matches are left out: in Wikipedia sections the title
 * names the topic, in news it rarely does. Chosen on the tune half of our own sets (README).
 */
export const CALIBRATION_INPUTS: readonly string[] = [
  'score',
  'lead',
  'absentFromCorpus',
  'missingRarest',
  'weakestMatch',
  'missingNumber',
];
const featureAt = new Map(FEATURE_NAMES.map((name, i) => [name as string, i]));
/** The largest lead counted, in log-odds: beyond it the runner-up is irrelevant. */
export const MAX_LEAD = 10;

export const calibrationInputs = (score: number, lead: number, features: ArrayLike<number>) =>
  CALIBRATION_INPUTS.map((name) =>
    name === 'score' ? score : name === 'lead' ? Math.min(lead, MAX_LEAD) : features[featureAt.get(name)!]!,
  );

/**
 * The probability that a candidate answers the question, from its score, its lead over the best
 * other candidate (0 for any but the best) and its features: a logistic calibration fitted on
 * cross-validated best candidates of answerable and unanswerable training questions.
 */
export function answerProbability(model: AnswerModel, score: number, lead: number, features: ArrayLike<number>): number {
  return sigmoid(logit(model.calibration, calibrationInputs(score, lead, features)));
}
