import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../src/engine/engine.js';
import type { AskResult } from '../src/engine/types.js';

interface EvalCase {
  id: string;
  question: string;
  accept: { contains: string[]; date: string }[];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const readCases = (file: string): EvalCase[] =>
  readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalCase);

/** The scorer's rule (tests/eval/score.mjs): right first answer, or a decline when nothing is acceptable. */
function isRight(c: EvalCase, r: AskResult): boolean {
  const first = r.answered ? r.answers[0] : undefined;
  if (c.accept.length === 0) return !first;
  return c.accept.some((alt) => first !== undefined && alt.contains.every((s) => norm(first.quote).includes(norm(s))) && String(first.date ?? '').startsWith(alt.date));
}

let engine: Engine;
beforeAll(() => {
  engine = loadEngine('corpus');
});

describe('answer quality on the evaluation sets', () => {
  // The levels reached when these tests were written: a drop is a regression to look into.
  it.each([
    ['tests/eval/dev.jsonl', 28],
    ["tests/eval/heldout.jsonl", 25],
  ])('%s: at least %i questions right', (file, level) => {
    const cases = readCases(file);
    const wrong = cases.filter((c) => !isRight(c, engine.ask(c.question))).map((c) => `${c.id}: ${c.question}`);
    expect(cases.length - wrong.length, `wrong:\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(level);
  });

  it('quotes only whole corpus sentences, word for word in the raw articles', () => {
    const raw = ['000_f1a92ceb1bce2ed1', '001_330a2b29eb4da9be', '002_a7fd775cb03b3b55', '003_cf1836ac7330e9a0', '004_f770c46476e3f5e4']
      .map((f) => norm(readFileSync(`corpus/raw/${f}.txt`, 'utf8')));
    const sentences = new Set(engine.corpus.articles.flatMap((a) => a.sentences.map((s) => s.text)));
    for (const c of [...readCases('tests/eval/dev.jsonl'), ...readCases('tests/eval/heldout.jsonl')]) {
      for (const a of engine.ask(c.question).answers) {
        expect(sentences.has(a.quote)).toBe(true);
        expect(raw.some((r) => r.includes(norm(a.quote)))).toBe(true);
      }
    }
  });
});

describe('the ask --json contract, scored by the shared scorer', () => {
  it('scores the dev set through the real CLI at the level reached', () => {
    const out = execFileSync('node', ['tests/eval/score.mjs', 'tests/eval/dev.jsonl', '--sources', 'corpus/raw', '--', 'node', 'bin/citebot.js', 'ask', '--json'], { encoding: 'utf8' });
    const score = Number(/score ([\d.]+)%/.exec(out)?.[1]);
    expect(score, out).toBeGreaterThanOrEqual(90);
    expect(out).toMatch(/quotes word for word in the sources: (\d+)\/\1/);
  });
});
