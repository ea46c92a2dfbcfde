import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTrainingSet } from '../bench/train/datasets.js';
import { extractRows } from '../bench/train/extract.js';
import { modelText, readTable } from '../bench/train/model.js';
import { FEATURE_NAMES } from '../src/engine/features.js';
import { answerModel, modelFile } from '../src/engine/model/answerModel.js';
import { fitListwise, fitLogistic, logit } from '../src/engine/model/logistic.js';

describe('the answer model', () => {
  it('is exactly what `npm run train` fits from the committed feature table: nobody hand-edits a weight', () => {
    expect(readFileSync(modelFile(), 'utf8')).toBe(modelText(readTable()));
  }, 120_000);

  it("the table's SelQA rows are what the features compute today (TrecQA stays in ../shared, so its rows are checked by training)", () => {
    const stored = readTable().filter((q) => q.set.startsWith('selqa-dev'));
    const computed = extractRows(loadTrainingSet('selqa-dev'));
    expect(computed.length).toBe(stored.length);
    const differ = computed.filter((q, i) => JSON.stringify(q) !== JSON.stringify(stored[i]));
    expect(differ.length, 'the features changed since training: run `npm run train`').toBe(0);
  }, 120_000);

  it('names every feature it weighs, and its confidence threshold lies strictly between 0 and 1', () => {
    const model = answerModel();
    expect(model.features).toEqual(FEATURE_NAMES);
    expect(model.ranker.weights).toHaveLength(FEATURE_NAMES.length);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
  });
});

describe('the fitting it is made with', () => {
  it('logistic regression recovers a clean separation and predicts probabilities', () => {
    const rows = [[0], [0.2], [0.4], [0.6], [0.8], [1]];
    const fit = fitLogistic(rows, [0, 0, 0, 1, 1, 1], { l2: 0.01 });
    expect(logit(fit, [0.9])).toBeGreaterThan(0);
    expect(logit(fit, [0.1])).toBeLessThan(0);
  });

  it('the listwise ranker learns which feature puts the right candidate first', () => {
    // In each question the right candidate has the higher first feature; the second is noise.
    const groups = [
      {
        features: [
          [1, 0.2],
          [0.1, 0.9],
          [0.3, 0.5],
        ],
        labels: [1, 0, 0],
      },
      {
        features: [
          [0.2, 0.1],
          [0.9, 0.3],
          [0.5, 0.8],
        ],
        labels: [0, 1, 0],
      },
      {
        features: [
          [0.4, 0.7],
          [0.1, 0.1],
          [0.8, 0.2],
        ],
        labels: [0, 0, 1],
      },
    ];
    const fit = fitListwise(groups, { l2: 0.1 });
    expect(fit.weights[0]).toBeGreaterThan(0);
    expect(fit.weights[0]).toBeGreaterThan(Math.abs(fit.weights[1]!));
  });
});
