// Retrieval's hot path (reused scratch arrays, an inlined heap) must give exactly what scoring
// every sentence gives — the same ids, in the same order, with the same scores — for real
// questions and random term weights, on a corpus whose articles repeat (many equal scores, as in
// the 1M-sentence benchmark corpus). A guard for any faster retrieval to come.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import type { Corpus } from '../src/corpus/schema.js';
import { analyzeQuestion } from '../src/engine/analyzeQuestion.js';
import { planMatching } from '../src/engine/matchConcepts.js';
import { RANKING } from '../src/engine/rankingParameters.js';
import { idf, retrieveCandidates } from '../src/engine/retrieveCandidates.js';
import { buildSentenceIndex, type SentenceIndex } from '../src/engine/sentenceIndex.js';
import { loadLexicon } from '../src/lexicon/wordnet.js';

const REPLICAS = 30;
const base = loadCorpus('corpus');
const corpus: Corpus = {
  dir: base.dir,
  articles: Array.from({ length: REPLICAS }, (_, r) => base.articles.map((a) => ({ ...a, id: `${a.id}-r${r}` }))).flat(),
};
const index = buildSentenceIndex(corpus);
const questions = ['dev.jsonl', 'heldout.jsonl', 'unseen.jsonl'].flatMap((f) =>
  readFileSync(`tests/eval/${f}`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { question: string }).question),
);

/** Every sentence scored, terms added in the same order, title boosts after; the best `limit` by score, then id. */
function exhaustive(index: SentenceIndex, weights: Map<number, number>, limit: number) {
  const scores = new Float64Array(index.sentenceCount);
  const ps = index.postings.start;
  const terms = [...weights]
    .filter(([term]) => ps[term + 1]! > ps[term]!)
    .map(([term, weight]) => ({ term, w: weight * idf(index, ps[term + 1]! - ps[term]!) }))
    .sort((a, b) => b.w - a.w);
  for (const { term, w } of terms) {
    for (let k = ps[term]!; k < ps[term + 1]!; k++) {
      const id = index.postings.data[k]!;
      scores[id]! += w * index.lengthNorm[id]!;
    }
  }
  for (const [term, weight] of weights) {
    const w = RANKING.contextBoost * weight * idf(index, Math.max(1, ps[term + 1]! - ps[term]!));
    for (let k = index.contextPostings.start[term]!; k < index.contextPostings.start[term + 1]!; k++) {
      const section = index.contextPostings.data[k]!;
      for (let id = index.sectionStart[section]!; id < index.sectionStart[section + 1]!; id++) if (scores[id] !== 0) scores[id]! += w;
    }
  }
  const ids = [...scores.keys()].filter((id) => scores[id]! > 0);
  return ids
    .sort((a, b) => scores[b]! - scores[a]! || a - b)
    .slice(0, limit)
    .map((id) => ({ id, score: scores[id]! }));
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('retrieval', () => {
  it('returns exactly the exhaustive best candidates for the evaluation questions', () => {
    const lexicon = loadLexicon();
    for (const question of questions) {
      const { boosts } = planMatching(analyzeQuestion(question, index, lexicon), index);
      for (const limit of [5, RANKING.candidates, 300])
        expect(retrieveCandidates(index, boosts, limit), `${question} (${limit})`).toEqual(exhaustive(index, boosts, limit));
    }
  });

  it('and for random term weights, common and rare terms mixed', () => {
    const next = random(11);
    for (let run = 0; run < 300; run++) {
      const weights = new Map<number, number>();
      const size = 1 + Math.floor(next() * 12);
      while (weights.size < size) weights.set(Math.floor(next() * index.terms.length), 0.05 + next() * 2);
      const limit = 1 + Math.floor(next() * 80);
      expect(retrieveCandidates(index, weights, limit), `run ${run}`).toEqual(exhaustive(index, weights, limit));
    }
  });
});
