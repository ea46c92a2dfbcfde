import MiniSearch from 'minisearch';
import type { Corpus } from '../../src/corpus/schema.js';
import { createEngine } from '../../src/engine/engine.js';
import { loadLexicon } from '../../src/lexicon/wordnet.js';
import type { Hit } from './score.js';

export const SYSTEMS = ['citebot', 'minisearch'] as const;
export type SystemName = (typeof SYSTEMS)[number];

/** A built index: a question in, the top `limit` sentences out, best first. */
export type Searcher = (question: string, limit: number) => Hit[];

/** Builds a system's index over the corpus; everything done here counts as build time. */
export function buildSystem(name: SystemName, corpus: Corpus): Searcher {
  return name === 'citebot' ? buildCitebot(corpus) : buildMinisearch(corpus);
}

/** The real engine, lexicon load included (it is part of citebot's start-up). */
function buildCitebot(corpus: Corpus): Searcher {
  const engine = createEngine(corpus, loadLexicon());
  // rank(): the answer ranking with no confidence threshold, so every question gets its best guess.
  return (question, limit) => engine.rank(question, { limit });
}

/** The baseline the issue names: minisearch with its defaults, over the very same sentences. */
function buildMinisearch(corpus: Corpus): Searcher {
  const search = new MiniSearch<{ id: string; documentId: string; text: string }>({ fields: ['text'], storeFields: ['documentId', 'text'] });
  search.addAll(corpus.articles.flatMap((a) => a.sentences.map((s) => ({ id: s.id, documentId: s.documentId, text: s.text }))));
  return (question, limit) =>
    search
      .search(question)
      .slice(0, limit)
      .map((r) => ({ documentId: r['documentId'] as string, quote: r['text'] as string }));
}
