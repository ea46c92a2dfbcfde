import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { Corpus } from '../../src/corpus/schema.js';
import { normalizeSpace, type PoolSection } from './pool.js';

/**
 * One corpus article per section: its title, its `## heading` if any and each candidate sentence
 * as its own paragraph, so citebot's splitter starts from the data set's segmentation. Empty
 * candidates (SelQA has a few) would only be dropped by the loader.
 */
export function toJsonlLine(section: PoolSection): string {
  const sentences = section.candidates.map(normalizeSpace).filter(Boolean);
  const heading = section.heading === null ? [] : [`## ${normalizeSpace(section.heading)}`];
  const text = [...heading, ...sentences].join('\n\n');
  return JSON.stringify({ id: section.id, title: section.title, date: null, source: section.source, url: null, text });
}

/**
 * Goes through the real corpus format and loader: a JSONL file in a temporary folder. A section
 * with no sentence (a TrecQA question with no candidates) has no article: the loader refuses empty text.
 */
export function buildCorpus(sections: PoolSection[]): Corpus {
  const dir = mkdtempSync(join(tmpdir(), 'citebot-pool-'));
  try {
    const lines = sections.filter((s) => s.candidates.some((c) => normalizeSpace(c) !== '')).map(toJsonlLine);
    writeFileSync(join(dir, 'pool.jsonl'), lines.join('\n') + '\n');
    return loadCorpus(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SplitterStats {
  candidates: number;
  corpusSentences: number;
  /** Candidate sentences citebot's splitter cut into two or more. */
  resplit: number;
  /** Corpus sentences not found inside any candidate of their section (should be none). */
  foreign: number;
  examples: { candidate: string; citebot: string[] }[];
}

/** How citebot's segmentation differs from the data set's: each paragraph is one candidate sentence. */
export function splitterStats(sections: PoolSection[], corpus: Corpus, maxExamples = 3): SplitterStats {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const stats: SplitterStats = { candidates: 0, corpusSentences: 0, resplit: 0, foreign: 0, examples: [] };
  for (const article of corpus.articles) {
    const candidates = byId.get(article.id)!.candidates.map(normalizeSpace).filter(Boolean);
    stats.candidates += candidates.length;
    stats.corpusSentences += article.sentences.length;
    const pieces = new Map<number, string[]>();
    for (const s of article.sentences) pieces.set(s.paragraph, [...(pieces.get(s.paragraph) ?? []), s.text]);
    pieces.forEach((texts, paragraph) => {
      if (texts.length < 2) return;
      stats.resplit++;
      if (stats.examples.length < maxExamples) stats.examples.push({ candidate: candidates[paragraph] ?? '', citebot: texts });
    });
    stats.foreign += article.sentences.filter((s) => !candidates.some((c) => c.includes(normalizeSpace(s.text)))).length;
  }
  return stats;
}
