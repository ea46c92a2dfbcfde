import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';

export interface TinyArticle {
  id: string;
  title: string;
  date: string | null;
  text: string;
  source?: string | null;
}

/** An engine over a few articles written by the test, through the real corpus loader. */
export function tinyEngine(articles: TinyArticle[]): Engine {
  const dir = mkdtempSync(join(tmpdir(), 'citebot-tiny-'));
  try {
    writeFileSync(
      join(dir, 'articles.jsonl'),
      articles.map((a) => JSON.stringify({ source: 'example.com', url: null, ...a })).join('\n') + '\n',
    );
    return createEngine(loadCorpus(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
