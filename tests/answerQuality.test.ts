import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../src/engine/engine.js';
import { firstQuote, ingestUnseenCorpus, isRight, readCases } from '../bench/eval/evalSets.js';

/**
 * Questions the engine gets wrong today, each with what goes wrong. A known miss that starts
 * passing fails its test (it.fails), so the list only ever shrinks by someone looking.
 */
const KNOWN_MISSES: Record<string, string> = {
  'dev-12': 'the ceremony sentence names the place, but the question shares few words with it: declined below the threshold',
  'dev-22': '"first" is not in the answer ("the 1st Expo was held in 2010" is not in the corpus; the 22nd is)',
  'dev-25': 'three words and no question word: several sentences say "Wuxi", "IoT" and "enterprises"',
  'dev-26': '"population" comes near "people" in meaning: "180,000 people employed" is taken for it',
  'ho-06': '"party chief" is not "Secretary of the Party Committee" to the lexicon; another party secretary is quoted',
  'ho-23': 'the vice-mayor of Wuxi is taken for the mayor of Beijing (Beijing is in the sentence)',
  'ho-24': '"today" is in a sentence about Wuxi; "weather" is missing but the rest matches',
};

let engine: Engine;
beforeAll(() => {
  engine = loadEngine('corpus', { notice: () => {} });
});

describe.each(['tests/eval/dev.jsonl', 'tests/eval/heldout.jsonl'])('%s, question by question', (file) => {
  for (const c of readCases(file)) {
    const test = KNOWN_MISSES[c.id] ? it.fails : it;
    const expected = c.accept.length ? `quotes ${c.accept[0]!.contains.join(' … ')} (${c.accept[0]!.date})` : 'declines';
    test(`${c.id}: "${c.question}" ${expected}`, () => {
      const reply = engine.ask(c.question);
      expect(isRight(c, reply), JSON.stringify(reply.answers[0]?.quote ?? reply.message)).toBe(true);
    });
  }
});

describe('questions as people type them in Discord', () => {
  const original = new Map(readCases('tests/eval/dev.jsonl').map((c) => [c.id, c.question]));

  it('a Discord-typed variant of each dev question gets the same reply as the original, at the level reached (28 of 30)', () => {
    const variants = readCases('tests/eval/dev-discord.jsonl');
    const changed = variants.filter(
      (v) => firstQuote(engine.ask(v.question)) !== firstQuote(engine.ask(original.get(v.id.replace(/-d$/, ''))!)),
    );
    expect(variants.length - changed.length, changed.map((v) => v.question).join('\n')).toBeGreaterThanOrEqual(28);
  });

  it('letter case, a missing question mark and extra spaces never change the reply', () => {
    for (const q of original.values()) {
      const typed = `  ${q.toLowerCase().replace(/[?.!]+\s*$/, '')}   `;
      expect(firstQuote(engine.ask(typed)), typed).toBe(firstQuote(engine.ask(q)));
    }
  });

  it('greetings, thanks and requests for help are never quoted: they get a pointer to how to ask', () => {
    for (const c of readCases('tests/eval/chitchat.jsonl')) {
      const reply = engine.ask(c.question);
      expect(reply.answered, c.question).toBe(false);
    }
    expect(engine.ask('hi').reason).toBe('chat');
    expect(engine.ask('thanks!').message).toMatch(/Ask me something like/);
  });
});

describe('articles the engine was never tuned on (tests/fixtures/unseen, ingested by the CLI)', () => {
  let dir: string;
  let unseen: Engine;
  beforeAll(() => {
    dir = ingestUnseenCorpus(process.cwd());
    unseen = loadEngine(dir, { notice: () => {} });
  }, 60_000);
  afterAll(() => rmSync(dirname(dir), { recursive: true, force: true }));

  // The held-out half is reported, never tuned on (README); the level is the one reached.
  it.each([
    ['tune', 21],
    ['heldout', 21],
  ])('the %s half: at least %i questions right', (split, level) => {
    const cases = readCases('tests/eval/unseen.jsonl').filter((c) => c.split === split);
    const wrong = cases.filter((c) => !isRight(c, unseen.ask(c.question))).map((c) => `${c.id}: ${c.question}`);
    expect(cases.length - wrong.length, `wrong:\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(level);
  });
});

describe('quotes and the ask --json contract', () => {
  it('quotes only whole corpus sentences, word for word in the raw articles', () => {
    const raw = [
      '000_f1a92ceb1bce2ed1',
      '001_330a2b29eb4da9be',
      '002_a7fd775cb03b3b55',
      '003_cf1836ac7330e9a0',
      '004_f770c46476e3f5e4',
    ].map((f) => readFileSync(`corpus/raw/${f}.txt`, 'utf8').replace(/\s+/g, ' '));
    const sentences = new Set(engine.corpus.articles.flatMap((a) => a.sentences.map((s) => s.text)));
    for (const c of [...readCases('tests/eval/dev.jsonl'), ...readCases('tests/eval/heldout.jsonl')]) {
      for (const a of engine.ask(c.question).answers) {
        expect(sentences.has(a.quote)).toBe(true);
        expect(raw.some((r) => r.includes(a.quote.replace(/\s+/g, ' ')))).toBe(true);
      }
    }
  });

  it('scores the dev set through the real CLI as the tests above do', () => {
    const root = resolve('.');
    const out = execFileSync(
      'node',
      ['tests/eval/score.mjs', 'tests/eval/dev.jsonl', '--sources', 'corpus/raw', '--', 'node', 'bin/citebot.js', 'ask', '--json'],
      { cwd: root, encoding: 'utf8' },
    );
    const wrongIds = Object.keys(KNOWN_MISSES).filter((id) => id.startsWith('dev-')).length;
    expect(out).toMatch(new RegExp(`score [\\d.]+% \\(${30 - wrongIds}/30\\)`));
    expect(out).toMatch(/quotes word for word in the sources: (\d+)\/\1/);
  });

  it('says why it declined, as the README documents: a reason code, a message and the closest titles', () => {
    const asked = (question: string) =>
      JSON.parse(execFileSync('node', ['bin/citebot.js', 'ask', '--json', question], { cwd: resolve('.'), encoding: 'utf8' }));
    expect(asked('What is the population of Shanghai?')).toMatchObject({ answered: false, answers: [], reason: 'unknown-name' });
    expect(asked('thanks!')).toMatchObject({ answered: false, reason: 'chat' });
    const unsure = asked('how tall is the tv tower in wuxi');
    expect(unsure).toMatchObject({ answered: false, reason: 'low-confidence', message: "I couldn't find that in the sources." });
    expect(unsure.nearTitles.length).toBeGreaterThan(0);
  });
});
