// ask and search remember the analyses of recent questions: a question asked again, from the
// memory or after it was pushed out by 256 others, gets exactly the answer it got the first time.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createEngine } from '../src/engine/engine.js';
import { loadCorpus } from '../src/corpus/loadCorpus.js';

const questions = ['dev.jsonl', 'heldout.jsonl', 'unseen.jsonl'].flatMap((f) =>
  readFileSync(`tests/eval/${f}`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { question: string }).question),
);

it('a question asked again gets the same answers and search hits, remembered or not', () => {
  const engine = createEngine(loadCorpus('corpus'));
  const first = questions.map((q) => [engine.ask(q), engine.search(q)]);
  expect(questions.map((q) => [engine.ask(q), engine.search(q)])).toEqual(first);
  for (let i = 0; i < 300; i++) engine.ask(`${questions[i % questions.length]} ${i}`);
  expect(questions.map((q) => [engine.ask(q), engine.search(q)])).toEqual(first);
});
