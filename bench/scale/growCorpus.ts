import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJsonlLine } from '../selqa/buildCorpus.js';
import { loadSplit, normalizeSpace, type SelqaSection } from '../selqa/dataset.js';

/** Sections per JSONL file: a few MB each, so no single file or string gets huge. */
const SECTIONS_PER_FILE = 5_000;

export interface GrownCorpus {
  dir: string;
  /** Sections written (corpus articles), and how many times the SelQA pool was (partly) repeated. */
  articles: number;
  replicas: number;
  /** SelQA sentences written; citebot's splitter re-splits a few, so its count is slightly higher. */
  selqaSentences: number;
  files: number;
  bytes: number;
}

/** Every distinct SelQA section of both splits, test first (so a small corpus still holds the asked-about text). */
export function sectionPool(): SelqaSection[] {
  const seen = new Set<string>();
  const pool: SelqaSection[] = [];
  for (const split of ['test', 'dev'] as const) {
    for (const section of loadSplit(split).sections) {
      if (seen.has(section.id)) continue;
      seen.add(section.id);
      pool.push(section);
    }
  }
  return pool;
}

const sentenceCount = (section: SelqaSection) => section.candidates.filter((c) => normalizeSpace(c) !== '').length;

/**
 * The id of a section's r-th copy (r ≥ 1): its id with `-r<r>` appended, the readable part
 * shortened so the id stays within the corpus's 64 characters and keeps its hash (unique).
 */
export function replicaId(id: string, replica: number): string {
  if (replica === 0) return id;
  const suffix = `-r${replica}`;
  const cut = id.lastIndexOf('_');
  const head = cut > 0 ? id.slice(0, cut) : id;
  const tail = cut > 0 ? id.slice(cut) : '';
  return `${head.slice(0, Math.max(1, 64 - tail.length - suffix.length))}${tail}${suffix}`;
}

/**
 * Writes a corpus of about `target` sentences into `dir` (created) as JSONL files: the SelQA
 * sections in order, then again under new ids (`-r1`, `-r2`, ...), until the target is reached.
 */
export function growCorpus(dir: string, target: number, pool = sectionPool(), progress: (text: string) => void = () => {}): GrownCorpus {
  if (!pool.some((s) => sentenceCount(s) > 0)) throw new Error('the SelQA pool has no sentences');
  mkdirSync(dir, { recursive: true });
  const ids = new Set<string>();
  let lines: string[] = [];
  let files = 0;
  let bytes = 0;
  let articles = 0;
  let sentences = 0;
  let replicas = 0;
  const flush = () => {
    if (lines.length === 0) return;
    const text = lines.join('\n') + '\n';
    writeFileSync(join(dir, `scale-${String(files).padStart(4, '0')}.jsonl`), text);
    bytes += Buffer.byteLength(text);
    files++;
    lines = [];
  };
  outer: for (let replica = 0; ; replica++) {
    for (const section of pool) {
      if (sentences >= target) break outer;
      const n = sentenceCount(section);
      if (n === 0) continue;
      const id = replicaId(section.id, replica);
      if (ids.has(id)) throw new Error(`replica id collision: ${id}`);
      ids.add(id);
      lines.push(toJsonlLine({ ...section, id }));
      articles++;
      sentences += n;
      replicas = replica + 1;
      if (lines.length >= SECTIONS_PER_FILE) {
        flush();
        progress(`wrote ${files} files, ${sentences.toLocaleString('en')} sentences`);
      }
    }
  }
  flush();
  return { dir, articles, replicas, selqaSentences: sentences, files, bytes };
}
