import { RANKING } from './rankingParameters.js';
import type { SentenceIndex } from './sentenceIndex.js';


export interface Candidate {
  id: number;
  /** BM25 over the sentence text, plus the boosted BM25 of its section's title and heading. */
  score: number;
}

export function idf(index: SentenceIndex, df: number): number {
  const n = index.sentences.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

// Reused between calls (one question at a time): no allocation proportional to the corpus per question.
const scratch = new WeakMap<SentenceIndex, Float64Array>();

/**
 * The `limit` sentences with the best BM25 score for weighted query terms (by term number), by
 * accumulating over postings. Sentences are short, so a term counts once per sentence.
 */
export function retrieveCandidates(index: SentenceIndex, weights: Map<number, number>, limit: number): Candidate[] {
  let scores = scratch.get(index);
  if (!scores) scratch.set(index, (scores = new Float64Array(index.sentences.length)));
  const touched: number[] = [];
  const { postings, contextPostings, sectionStart, lengthNorm } = index;
  for (const [term, weight] of weights) {
    const from = postings.start[term]!;
    const to = postings.start[term + 1]!;
    if (from === to) continue;
    const w = weight * idf(index, to - from);
    for (let k = from; k < to; k++) {
      const id = postings.data[k]!;
      if (scores[id] === 0) touched.push(id);
      scores[id]! += w * lengthNorm[id]!;
    }
  }
  // Title and heading matches lift the sentences that already match something in their text.
  for (const [term, weight] of weights) {
    const from = contextPostings.start[term]!;
    const to = contextPostings.start[term + 1]!;
    if (from === to) continue;
    const w = RANKING.contextBoost * weight * idf(index, Math.max(1, postings.start[term + 1]! - postings.start[term]!));
    for (let k = from; k < to; k++) {
      const section = contextPostings.data[k]!;
      for (let id = sectionStart[section]!; id < sectionStart[section + 1]!; id++) if (scores[id] !== 0) scores[id]! += w;
    }
  }
  const best = topK(touched, scores, limit);
  for (const id of touched) scores[id] = 0;
  return best;
}

/** The k highest-scoring ids, best first, with a small binary min-heap. */
function topK(ids: number[], scores: Float64Array, k: number): Candidate[] {
  const heap: number[] = [];
  const less = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  for (const id of ids) {
    if (heap.length < k) {
      heap.push(id);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!less(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (less(heap[0]!, id)) {
      heap[0] = id;
      for (let i = 0; ; ) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
  }
  return heap.sort((a, b) => (less(a, b) ? 1 : -1)).map((id) => ({ id, score: scores[id]! }));
}
