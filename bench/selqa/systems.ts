import sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import MiniSearch from 'minisearch';
import type { Corpus } from '../../src/corpus/schema.js';
import { createEngine } from '../../src/engine/engine.js';
import { loadLexicon } from '../../src/lexicon/wordnet.js';
import type { Hit } from './score.js';

export const SYSTEMS = ['citebot', 'fts5', 'minisearch'] as const;
export type SystemName = (typeof SYSTEMS)[number];

/** A built index. */
export interface System {
  /** The top `limit` sentences, best first, with no threshold. */
  rank(question: string, limit: number): Hit[];
  /** The answer a user gets, or null for a decline. Absent: the system never declines (its top hit). */
  ask?(question: string): Hit | null;
  close?(): void;
}

/** Builds a system's index over the corpus; everything done here counts as build time. */
export function buildSystem(name: SystemName, corpus: Corpus): Promise<System> {
  const build = { citebot: buildCitebot, fts5: buildFts5, minisearch: buildMinisearch }[name];
  return Promise.resolve(build(corpus));
}

const sentencesOf = (corpus: Corpus) => corpus.articles.flatMap((a) => a.sentences);

/** The real engine, lexicon load included (it is part of citebot's start-up). */
function buildCitebot(corpus: Corpus): System {
  const engine = createEngine(corpus, loadLexicon());
  return {
    // rank(): the answer ranking with no confidence threshold, so every question gets its best guess.
    rank: (question, limit) => engine.rank(question, { limit }),
    ask: (question) => {
      const result = engine.ask(question, { limit: 1 });
      return result.answered ? (result.answers[0] ?? null) : null;
    },
  };
}

/** A baseline the issue names: minisearch with its defaults, over the very same sentences. */
function buildMinisearch(corpus: Corpus): System {
  const search = new MiniSearch<{ id: string; documentId: string; text: string }>({
    fields: ['text'],
    storeFields: ['documentId', 'text'],
  });
  search.addAll(sentencesOf(corpus).map((s) => ({ id: s.id, documentId: s.documentId, text: s.text })));
  return {
    rank: (question, limit) =>
      search
        .search(question)
        .slice(0, limit)
        .map((r) => ({ documentId: r['documentId'] as string, quote: r['text'] as string, score: r.score })),
  };
}

/**
 * The other baseline the issue names: plain SQLite FTS5 (default unicode61 tokenizer, no stemming),
 * one row per sentence, the question's words OR-ed, ordered by FTS5's bm25(). SQLite's own WASM
 * build, in memory: Node 20 has no node:sqlite and sql.js is built without FTS5.
 */
async function buildFts5(corpus: Corpus): Promise<System> {
  const sqlite3 = await sqlite3InitModule();
  const db = new sqlite3.oo1.DB(':memory:');
  db.exec('CREATE VIRTUAL TABLE sentences USING fts5(text)');
  const sentences = sentencesOf(corpus);
  db.transaction(() => {
    const insert = db.prepare('INSERT INTO sentences(rowid, text) VALUES (?, ?)');
    sentences.forEach((s, i) => insert.bind([i, s.text]).stepReset());
    insert.finalize();
  });
  // rowid breaks bm25 ties, so the order is the same on every run.
  const query = db.prepare('SELECT rowid, bm25(sentences) FROM sentences WHERE sentences MATCH ? ORDER BY bm25(sentences), rowid LIMIT ?');
  return {
    rank: (question, limit) => {
      const match = fts5Query(question);
      if (!match) return [];
      const hits: Hit[] = [];
      query.bind([match, limit]);
      while (query.step()) {
        const s = sentences[query.getInt(0)!]!;
        // bm25() is lower for better matches; negated so that higher is better like the others.
        hits.push({ documentId: s.documentId, quote: s.text, score: -query.getFloat(1)! });
      }
      query.reset(true);
      return hits;
    },
    close: () => {
      query.finalize();
      db.close();
    },
  };
}

/** Each distinct word of the question as a quoted FTS5 string, OR-ed: no word can be read as syntax. */
export function fts5Query(question: string): string {
  const words = new Set(question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  return [...words].map((w) => `"${w}"`).join(' OR ');
}
