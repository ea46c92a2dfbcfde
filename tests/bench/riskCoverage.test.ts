import { describe, expect, it } from 'vitest';
import { curvesJson, operatingPoint, outcomeCurve, riskCoverage, thin } from '../../bench/selqa/riskCoverage.js';
import { evenSample } from '../../bench/selqa/pool.js';
import { firstCorrectRank, isCorrect, quality, type Outcome } from '../../bench/selqa/score.js';

const outcome = (o: Partial<Outcome>): Outcome => ({
  answerable: true,
  rank: 0,
  topScore: null,
  answered: false,
  askRight: false,
  askCopyElsewhere: false,
  ...o,
});

describe('riskCoverage', () => {
  it('answers the highest scores first, one point per distinct score', () => {
    const points = riskCoverage([
      { score: 0.9, right: true },
      { score: 0.5, right: false },
      { score: 0.7, right: true },
      { score: 0.7, right: false }, // tied with the one above: answered together
      { score: null, right: false }, // nothing ranked: never answered
    ]);
    expect(points).toEqual([
      { threshold: 0.9, coverage: 0.2, precision: 1, answered: 1, right: 1 },
      { threshold: 0.7, coverage: 0.6, precision: 2 / 3, answered: 3, right: 2 },
      { threshold: 0.5, coverage: 0.8, precision: 0.5, answered: 4, right: 2 },
    ]);
  });

  it('is empty when nothing has a score', () => {
    expect(riskCoverage([])).toEqual([]);
    expect(riskCoverage([{ score: null, right: false }])).toEqual([]);
  });

  it('draws the curve from the top-ranked sentence (right when ranked first), and the operating point from ask()', () => {
    const outcomes = [
      outcome({ rank: 1, topScore: 0.8, answered: true, askRight: true }),
      outcome({ rank: 2, topScore: 0.4 }), // declined: right sentence only second
      outcome({ answerable: false, topScore: 0.9, answered: true }), // no right answer exists: answering it is wrong
      outcome({ rank: 1, topScore: 0.3 }), // declined although right
    ];
    expect(outcomeCurve(outcomes).map((p) => [p.coverage, p.precision])).toEqual([
      [0.25, 0],
      [0.5, 0.5],
      [0.75, 1 / 3],
      [1, 0.5],
    ]);
    expect(operatingPoint(outcomes)).toEqual({ coverage: 0.5, precision: 0.5, answered: 2, right: 1 });
  });

  it('thins a long curve evenly over coverage and keeps its last point', () => {
    const long = riskCoverage(Array.from({ length: 1000 }, (_, i) => ({ score: 1000 - i, right: i % 2 === 0 })));
    const few = thin(long, 10);
    expect(few.length).toBeLessThanOrEqual(11);
    expect(few.at(-1)).toEqual(long.at(-1));
    expect(thin(long.slice(0, 5), 10)).toEqual(long.slice(0, 5));
  });

  it('writes each curve point on one line', () => {
    const text = curvesJson({ points: [{ threshold: 1, coverage: 0.5, precision: 1, answered: 1, right: 1 }] });
    expect(text).toContain('{ "threshold": 1, "coverage": 0.5, "precision": 1, "answered": 1, "right": 1 }');
    expect(JSON.parse(text)).toEqual({ points: [{ threshold: 1, coverage: 0.5, precision: 1, answered: 1, right: 1 }] });
  });
});

describe('scoring', () => {
  const q = { question: 'q', sectionId: 'own', gold: ['The answer is 42. It was found late.'] };

  it('counts a quote from the own section inside a gold sentence, not a copy elsewhere', () => {
    expect(isCorrect(q, { documentId: 'own', quote: 'The answer  is 42.', score: 1 })).toBe(true);
    expect(isCorrect(q, { documentId: 'other', quote: 'The answer is 42.', score: 1 })).toBe(false);
    expect(isCorrect(q, { documentId: 'own', quote: 'Something else.', score: 1 })).toBe(false);
    expect(isCorrect({ ...q, gold: [] }, { documentId: 'own', quote: 'The answer is 42.', score: 1 })).toBe(false);
    const hits = [
      { documentId: 'own', quote: 'No.', score: 2 },
      { documentId: 'own', quote: 'It was found late.', score: 1 },
    ];
    expect(firstCorrectRank(q, hits)).toBe(2);
    expect(firstCorrectRank(q, hits, 1)).toBe(0);
  });

  it('takes ranking and ask() figures over answerable questions and counts no-answer declines apart', () => {
    const figures = quality([
      outcome({ rank: 1, topScore: 1, answered: true, askRight: true }),
      outcome({ rank: 2, topScore: 1, answered: true }),
      outcome({ rank: 0, topScore: 1 }),
      outcome({ rank: 1, topScore: 1 }),
      outcome({ answerable: false, topScore: 1, answered: true }),
      outcome({ answerable: false }),
    ]);
    expect(figures).toEqual({
      questions: 4,
      p1: 0.5,
      mrr10: (1 + 0.5 + 0 + 1) / 4,
      askP1: 0.25,
      answered: 0.5,
      precision: 0.5,
      noAnswer: { questions: 2, declined: 1 },
      askCopyElsewhere: 0,
      empty: 1,
    });
  });

  it('samples questions evenly and the same way every time', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(evenSample(items, 4)).toEqual([0, 2, 5, 7]);
    expect(evenSample(items, null)).toBe(items);
    expect(evenSample(items, 20)).toBe(items);
  });
});
