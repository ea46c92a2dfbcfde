// The engine under hostile input: whatever the question, ask and search return (never
// throw) within a time bound, decline in words or answer with exact corpus sentences.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadEngine, MAX_QUESTION_LENGTH, type Engine } from '../../src/engine/engine.js';
import type { Answer } from '../../src/engine/types.js';
import { anyText, long, NASTY, timed, TIME_BOUND_MS, vocabularyOf } from './inputs.js';

const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
/** Raise with FUZZ_RUNS=2000 for a deeper local run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

let engine: Engine;
let questions: fc.Arbitrary<string>;

beforeAll(() => {
  engine = loadEngine(CORPUS);
  questions = anyText(vocabularyOf(engine.corpus.articles.flatMap((a) => a.sentences)));
  engine.ask('how many IoT enterprises in Wuxi'); // warm up lazily built tables
  engine.search('Wuxi IoT');
});

/** The sentence an answer names, quoted exactly: same text, same article, same position. */
function expectExactQuote(answer: Answer) {
  const sentence = engine.article(answer.documentId)?.sentences[answer.sentenceIndex];
  expect(sentence?.text, `${answer.documentId}:${answer.sentenceIndex}`).toBe(answer.quote);
  expect(answer.title).toBe(engine.article(answer.documentId)?.title);
  expect(Number.isFinite(answer.score)).toBe(true);
}

describe('engine.ask on any input', () => {
  it('answers with exact corpus sentences or declines in words, in time, without throwing', () => {
    fc.assert(
      fc.property(questions, (question) => {
        const { value: result, ms } = timed(() => engine.ask(question, { limit: 4 }));
        expect(ms, `ask took ${ms.toFixed(0)} ms`).toBeLessThanOrEqual(TIME_BOUND_MS);
        expect(result.question).toBe(question);
        if (result.answered) {
          expect(result.answers.length).toBeGreaterThan(0);
          expect(result.answers.length).toBeLessThanOrEqual(4);
          result.answers.forEach(expectExactQuote);
        } else {
          expect(result.answers).toEqual([]);
          expect(typeof result.message).toBe('string');
          expect(result.message!.trim().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS, examples: NASTY.map((q) => [q] as [string]) },
    );
  });

  it('declines anything over the length limit with a message that says so', () => {
    fc.assert(
      fc.property(long, (question) => {
        fc.pre(question.trim().length > MAX_QUESTION_LENGTH);
        const { value: result, ms } = timed(() => engine.ask(question));
        expect(ms).toBeLessThanOrEqual(TIME_BOUND_MS);
        expect(result.answered).toBe(false);
        expect(result.message).toMatch(/too long/);
      }),
      { numRuns: 30 },
    );
  });
});

describe('engine.search on any input', () => {
  it('returns ranked exact corpus sentences (or nothing), in time, without throwing', () => {
    fc.assert(
      fc.property(questions, fc.integer({ min: 0, max: 30 }), (query, limit) => {
        const { value: hits, ms } = timed(() => engine.search(query, { limit }));
        expect(ms, `search took ${ms.toFixed(0)} ms`).toBeLessThanOrEqual(TIME_BOUND_MS);
        expect(hits.length).toBeLessThanOrEqual(Math.max(limit, 0));
        hits.forEach(expectExactQuote);
        // Each sentence at most once.
        expect(new Set(hits.map((h) => `${h.documentId}:${h.sentenceIndex}`)).size).toBe(hits.length);
      }),
      { numRuns: RUNS, examples: NASTY.map((q) => [q, 5] as [string, number]) },
    );
  });
});

describe('engine.context and engine.article on forged ids', () => {
  it('return undefined (never throw) for ids and positions that do not exist', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.constantFrom('__proto__', 'constructor', 'toString', '')),
        fc.integer(),
        (id, index) => {
          fc.pre(!engine.article(id));
          expect(engine.context(id, index)).toBeUndefined();
          const real = engine.corpus.articles[0]!;
          const inRange = Number.isInteger(index) && index >= 0 && index < real.sentences.length;
          if (!inRange) expect(engine.context(real.id, index)).toBeUndefined();
        },
      ),
      { numRuns: RUNS },
    );
  });
});
