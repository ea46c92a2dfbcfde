/**
 * Answer quality on our own evaluation sets, in one command: `npm run eval`. The shared dev set
 * and our paraphrases about the bundled corpus, the Discord-typed variants (same reply as the
 * original?), chat, and the unseen articles (tests/fixtures/unseen) ingested by the CLI into a
 * temporary corpus — whose held-out half is the one to report.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadEngine, type Engine } from '../../src/engine/engine.js';
import { packageRoot } from '../../src/paths/packageRoot.js';
import { firstQuote, ingestUnseenCorpus, isRight, readCases, type EvalCase } from './evalSets.js';

const root = packageRoot();
const evalFile = (name: string) => join(root, 'tests', 'eval', name);
const line = (name: string, right: number, total: number, what = 'right') =>
  console.log(
    `${name.padEnd(44)} ${String(right).padStart(3)}/${String(total).padEnd(3)} ${what}  (${((100 * right) / total).toFixed(1)}%)`,
  );
const score = (engine: Engine, cases: EvalCase[]) => cases.filter((c) => isRight(c, engine.ask(c.question))).length;

const bundled = loadEngine(join(root, 'corpus'), { notice: () => {} });
const dev = readCases(evalFile('dev.jsonl'));
line('shared dev set (tests/eval/dev.jsonl)', score(bundled, dev), dev.length);
const heldout = readCases(evalFile('heldout.jsonl'));
line('paraphrases (tests/eval/heldout.jsonl)', score(bundled, heldout), heldout.length);
const discord = readCases(evalFile('dev-discord.jsonl'));
line('Discord-typed dev variants, scored', score(bundled, discord), discord.length);
const original = new Map(dev.map((c) => [c.id, c.question]));
const same = discord.filter(
  (v) => firstQuote(bundled.ask(v.question)) === firstQuote(bundled.ask(original.get(v.id.replace(/-d$/, ''))!)),
).length;
line('Discord-typed dev variants, same reply', same, discord.length, 'same');
const chat = readCases(evalFile('chitchat.jsonl'));
line('chat, never quoted (tests/eval/chitchat.jsonl)', score(bundled, chat), chat.length, 'declined');

const dir = ingestUnseenCorpus(root);
try {
  const unseen = loadEngine(dir, { notice: () => {} });
  const cases = readCases(evalFile('unseen.jsonl'));
  for (const split of ['tune', 'heldout'] as const) {
    const half = cases.filter((c) => c.split === split);
    line(`unseen articles, ${split} half`, score(unseen, half), half.length);
  }
} finally {
  rmSync(dirname(dir), { recursive: true, force: true });
}
