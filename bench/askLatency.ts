/**
 * Start-up and per-question latency of `ask` on the bundled corpus: what a user of the CLI or the
 * bot waits for. Run: npm run bench:ask   (after a build; numbers vary with machine load)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import { createEngine } from '../src/engine/engine.js';
import { loadLexicon } from '../src/lexicon/wordnet.js';
import { packageRoot } from '../src/paths/packageRoot.js';

const root = packageRoot();
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

let t = process.hrtime.bigint();
const lexicon = loadLexicon();
const lexiconMs = ms(t);
t = process.hrtime.bigint();
const corpus = loadCorpus(join(root, 'corpus'));
const corpusMs = ms(t);
t = process.hrtime.bigint();
const engine = createEngine(corpus, lexicon);
const indexMs = ms(t);

const questions = ['dev.jsonl', 'heldout.jsonl'].flatMap((f) =>
  readFileSync(join(root, 'tests', 'eval', f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { question: string }).question),
);
t = process.hrtime.bigint();
engine.ask(questions[0]!);
const firstMs = ms(t);
const rounds = 20;
const times: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const q of questions) {
    const start = process.hrtime.bigint();
    engine.ask(q);
    times.push(ms(start));
  }
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
console.log(`start-up: lexicon ${lexiconMs.toFixed(0)} ms + corpus ${corpusMs.toFixed(0)} ms + index ${indexMs.toFixed(0)} ms = ${(lexiconMs + corpusMs + indexMs).toFixed(0)} ms`);
console.log(`first question: ${firstMs.toFixed(1)} ms; then ${times.length} asks (${questions.length} questions × ${rounds}): p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
