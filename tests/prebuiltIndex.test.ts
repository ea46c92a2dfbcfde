import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusError } from '../src/corpus/corpusError.js';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import { createEngine, defaultIndexFile, loadEngine } from '../src/engine/engine.js';
import { corpusDigest } from '../src/engine/persist/corpusDigest.js';
import { writeIndexFile } from '../src/engine/persist/indexFile.js';

const questions = readFileSync('tests/eval/dev.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { question: string }).question);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'citebot-index-'));
  for (const f of readdirSync('corpus')) if (f.endsWith('.md')) copyFileSync(join('corpus', f), join(dir, f));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function buildIndex(): void {
  const digest = corpusDigest(dir);
  writeIndexFile(defaultIndexFile(dir), createEngine(loadCorpus(dir)).index, digest);
}

describe('a prebuilt index', () => {
  it('gives the same articles and the same answers as indexing the corpus', () => {
    buildIndex();
    const notices: string[] = [];
    const fromFile = loadEngine(dir, { notice: (m) => notices.push(m) });
    const fresh = createEngine(loadCorpus(dir));
    expect(notices).toEqual([]);
    expect(fromFile.corpus.articles).toEqual(fresh.corpus.articles);
    expect(fromFile.index.sentenceCount).toBe(fresh.index.sentenceCount);
    for (let id = 0; id < fresh.index.sentenceCount; id++) expect(fromFile.index.sentence(id)).toEqual(fresh.index.sentence(id));
    expect([fromFile.index.entities, fromFile.index.topics]).toEqual([fresh.index.entities, fresh.index.topics]);
    expect(fresh.index.entities).toContain('Gao Yaguang');
    for (const q of questions) expect(fromFile.ask(q), q).toEqual(fresh.ask(q));
    expect(fromFile.search('IoT enterprises')).toEqual(fresh.search('IoT enterprises'));
  });

  it('is not used once the corpus changes: the engine says so and indexes the corpus', () => {
    buildIndex();
    const file = readdirSync(dir).find((f) => f.endsWith('.md'))!;
    appendFileSync(join(dir, file), '\nA sentence added after the index was built about quantum widgets.\n');
    const notices: string[] = [];
    const engine = loadEngine(dir, { notice: (m) => notices.push(m) });
    expect(notices.join('\n')).toMatch(/built from other corpus files.*build-index/);
    expect(engine.search('quantum widgets')[0]?.quote).toBe('A sentence added after the index was built about quantum widgets.');
  });

  it.each([
    ['garbage', () => writeFileSync(defaultIndexFile(dir), 'not an index at all')],
    [
      'a truncated file',
      () => {
        buildIndex();
        const bytes = readFileSync(defaultIndexFile(dir));
        writeFileSync(defaultIndexFile(dir), bytes.subarray(0, bytes.length - 500));
      },
    ],
  ])('that is damaged (%s) is set aside with a notice, and answers still come from the corpus', (_what, damage) => {
    damage();
    const notices: string[] = [];
    const engine = loadEngine(dir, { notice: (m) => notices.push(m) });
    expect(notices.join('\n')).toMatch(/cannot be used/);
    expect(engine.ask('how many IoT enterprises in Wuxi').answers[0]?.quote).toContain('3,657 IoT enterprises');
  });

  it('never stands in for a corpus file that no longer loads', () => {
    buildIndex();
    const file = readdirSync(dir).find((f) => f.endsWith('.md'))!;
    writeFileSync(join(dir, file), '---\nid: broken\n---\n');
    expect(() => loadEngine(dir, { notice: () => {} })).toThrow(CorpusError);
  });
});
