import { FEATURE_NAMES } from '../../src/engine/features.js';
import { CALIBRATION_INPUTS, calibrationInputs, MAX_LEAD, type AnswerModel } from '../../src/engine/model/answerModel.js';
import { fitListwise, fitLogistic, logit, sigmoid, type LogisticFit } from '../../src/engine/model/logistic.js';
import type { QuestionRows } from './extract.js';

/**
 * How the answer model is fitted from the training table, deterministically:
 * 1. the ranker, a logistic regression over every candidate's features (right answer or not);
 * 2. out-of-fold scores (5 folds by question) give each question's best candidate, its score and
 *    its lead over the runner-up, and whether it is right: a Platt calibration on those two turns
 *    them into the probability that the quote answers;
 * 3. the threshold is the probability that minimises the cross-validated cost of answering, where
 *    a wrong quote costs WRONG_COST and a decline DECLINE_COST (an unanswerable question's decline
 *    costs nothing).
 */
export const TRAINING = {
  folds: 5,
  l2: 1,
  /** A wrong quote misleads: it costs twice a decline (the minimum). */
  wrongCost: 2,
  declineCost: 1,
  /** A light penalty on the calibration, which has few rows (one per question). */
  calibrationL2: 0.01,
  /**
   * How much a news question (TrecQA) counts in the calibration and the threshold against a
   * Wikipedia one (SelQA): citebot quotes news, and SelQA has eight times the questions.
   */
  newsWeight: 4,
};

interface TopCandidate {
  set: string;
  score: number;
  lead: number;
  right: number;
  features: number[];
  /** Whether any candidate of the question is right (else the right reply is a decline). */
  answerable: boolean;
}

export function fitModel(questions: QuestionRows[]): AnswerModel {
  const ranker = fitRanker(questions);
  const tops = outOfFoldTops(questions);
  const inputs = tops.map((t) => calibrationInputs(t.score, t.lead, t.features));
  const weights = tops.map((t) => (t.set.startsWith('trecqa') ? TRAINING.newsWeight : 1));
  const fitted = fitLogistic(
    inputs,
    tops.map((t) => t.right),
    { l2: TRAINING.calibrationL2, sampleWeights: weights },
  );
  const calibration = { inputs: [...CALIBRATION_INPUTS], ...fitted };
  const probabilities = inputs.map((x) => sigmoid(logit(fitted, x)));
  const { threshold, cost } = bestThreshold(tops, probabilities, weights);
  const answered = tops.filter((_, i) => probabilities[i]! >= threshold);
  return {
    features: [...FEATURE_NAMES],
    ranker,
    calibration,
    threshold,
    training: {
      command: 'npm run train',
      sets: countBySet(questions),
      candidates: questions.reduce((n, q) => n + q.labels.length, 0),
      crossValidated: {
        rankingP1: round(tops.filter((t) => t.right).length / tops.length),
        answeredShare: round(answered.length / tops.length),
        answeredPrecision: round(answered.filter((t) => t.right).length / Math.max(1, answered.length)),
        weightedCostPerQuestion: round(cost / weights.reduce((a, b) => a + b, 0)),
      },
      costs: { wrong: TRAINING.wrongCost, decline: TRAINING.declineCost },
    },
  };
}

/** The ranker learns from questions the sources answer: the others have no right candidate to prefer. */
function fitRanker(questions: QuestionRows[]): LogisticFit {
  return fitListwise(questions, { l2: TRAINING.l2 });
}

/** Each question's best candidate under a ranker that never saw that question. */
function outOfFoldTops(questions: QuestionRows[]): TopCandidate[] {
  const tops: TopCandidate[] = [];
  for (let fold = 0; fold < TRAINING.folds; fold++) {
    // By question number, so a question asked without its source falls in the same fold as itself.
    const inFold = (q: QuestionRows) => q.question % TRAINING.folds === fold;
    const ranker = fitRanker(questions.filter((q) => !inFold(q)));
    for (const q of questions.filter(inFold)) tops.push(topOf(q, ranker));
  }
  return tops;
}

function topOf(q: QuestionRows, ranker: LogisticFit): TopCandidate {
  const scores = q.features.map((f) => logit(ranker, f));
  let best = -1;
  let second = -Infinity;
  scores.forEach((s, i) => {
    if (best === -1 || s > scores[best]!) {
      if (best !== -1) second = scores[best]!;
      best = i;
    } else if (s > second) second = s;
  });
  const answerable = q.labels.some((l) => l === 1);
  if (best === -1) return { set: q.set, score: -MAX_LEAD, lead: 0, right: 0, answerable, features: FEATURE_NAMES.map(() => 0) };
  return {
    set: q.set,
    score: scores[best]!,
    lead: scores[best]! - second,
    right: q.labels[best]!,
    answerable,
    features: q.features[best]!,
  };
}

/**
 * The threshold (in hundredths) with the lowest total cost over the cross-validated best
 * candidates. The cost curve is flat near its minimum, so it is smoothed over ±SMOOTHING
 * hundredths first: a small change of the features must not swing the threshold.
 */
function bestThreshold(tops: TopCandidate[], probabilities: number[], weights: number[]): { threshold: number; cost: number } {
  const costAt = (threshold: number) => {
    let cost = 0;
    tops.forEach((top, i) => {
      if (probabilities[i]! >= threshold) cost += weights[i]! * (top.right ? 0 : TRAINING.wrongCost);
      else cost += weights[i]! * (top.answerable ? TRAINING.declineCost : 0);
    });
    return cost;
  };
  const costs = Array.from({ length: 101 }, (_, t) => costAt(t / 100));
  let best = { threshold: 0.5, cost: Infinity, smoothed: Infinity };
  for (let t = 5; t <= 95; t++) {
    const window = costs.slice(t - SMOOTHING, t + SMOOTHING + 1);
    const smoothed = window.reduce((a, b) => a + b, 0) / window.length;
    if (smoothed < best.smoothed) best = { threshold: t / 100, cost: costs[t]!, smoothed };
  }
  return best;
}

const SMOOTHING = 5;

function countBySet(questions: QuestionRows[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const q of questions) counts[q.set] = (counts[q.set] ?? 0) + 1;
  return counts;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
