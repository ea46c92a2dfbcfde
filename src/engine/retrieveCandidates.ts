import { RANKING } from './rankingParameters.js';
import type { SentenceIndex } from './sentenceIndex.js';

export interface Candidate {
  id: number;
  /** BM25 over the sentence text, plus the boosted BM25 of its section's title and heading. */
  score: number;
}

export function idf(index: SentenceIndex, df: number): number {
  const n = index.sentenceCount;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Per index, reused question after question (one at a time): nothing allocated in proportion to the matches. */
interface Scratch {
  scores: Float64Array;
  touched: Uint32Array;
  heap: Uint32Array;
}
const scratch = new WeakMap<SentenceIndex, Scratch>();

function scratchOf(index: SentenceIndex): Scratch {
  let s = scratch.get(index);
  if (!s) {
    const n = index.sentenceCount;
    scratch.set(index, (s = { scores: new Float64Array(n), touched: new Uint32Array(n), heap: new Uint32Array(0) }));
  }
  return s;
}

/**
 * The `limit` sentences with the best BM25 score for weighted query terms (by term number), by
 * accumulating over postings. Sentences are short, so a term counts once per sentence. With
 * `allowed` (per article, 1 to keep: a filter on ask or search), other articles' sentences are never scored.
 */
export function retrieveCandidates(index: SentenceIndex, weights: Map<number, number>, limit: number, allowed?: Uint8Array): Candidate[] {
  const s = scratchOf(index);
  const { scores, touched } = s;
  const { postings, contextPostings, sectionStart, lengthNorm, articleOf } = index;
  const ps = postings.start;
  const pd = postings.data;
  // Heaviest (rarest) terms first: the best sentences are touched first, so the heap below fills
  // with strong scores early and turns away the long tail of weak matches cheaply.
  const terms: { from: number; to: number; w: number }[] = [];
  for (const [term, weight] of weights) {
    const from = ps[term]!;
    const to = ps[term + 1]!;
    if (from !== to) terms.push({ from, to, w: weight * idf(index, to - from) });
  }
  terms.sort((a, b) => b.w - a.w);
  let count = 0;
  for (const { from, to, w } of terms) {
    for (let k = from; k < to; k++) {
      const id = pd[k]!;
      if (allowed !== undefined && allowed[articleOf[id]!] === 0) continue;
      if (scores[id] === 0) touched[count++] = id;
      scores[id]! += w * lengthNorm[id]!;
    }
  }
  // Title and heading matches lift the sentences that already match something in their text.
  for (const [term, weight] of weights) {
    const from = contextPostings.start[term]!;
    const to = contextPostings.start[term + 1]!;
    if (from === to) continue;
    const w = RANKING.contextBoost * weight * idf(index, Math.max(1, ps[term + 1]! - ps[term]!));
    for (let k = from; k < to; k++) {
      const section = contextPostings.data[k]!;
      const end = sectionStart[section + 1]!;
      for (let id = sectionStart[section]!; id < end; id++) if (scores[id] !== 0) scores[id]! += w;
    }
  }
  const n = fillHeap(touched, count, scores, limit, s);
  const less = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const best = Array.from(s.heap.subarray(0, n))
    .sort((a, b) => (less(a, b) ? 1 : -1))
    .map((id) => ({ id, score: scores[id]! }));
  for (let i = 0; i < count; i++) scores[touched[i]!] = 0;
  return best;
}

/** The k best ids in a min-heap (lower score first; on equal scores the higher id first), comparisons inlined. */
function fillHeap(ids: Uint32Array, count: number, scores: Float64Array, k: number, s: Scratch): number {
  if (s.heap.length < k) s.heap = new Uint32Array(k);
  const heap = s.heap;
  let n = 0;
  for (let j = 0; j < count; j++) {
    const id = ids[j]!;
    const sc = scores[id]!;
    if (n < k) {
      let i = n++;
      heap[i] = id;
      while (i > 0) {
        const p = (i - 1) >> 1;
        const hp = heap[p]!;
        const sp = scores[hp]!;
        if (!(sc < sp || (sc === sp && id > hp))) break;
        heap[i] = hp;
        heap[p] = id;
        i = p;
      }
    } else {
      const h0 = heap[0]!;
      const s0 = scores[h0]!;
      if (!(s0 < sc || (s0 === sc && h0 > id))) continue;
      heap[0] = id;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        let mid = id;
        let ms = sc;
        if (l < n) {
          const a = heap[l]!;
          const as = scores[a]!;
          if (as < ms || (as === ms && a > mid)) {
            m = l;
            mid = a;
            ms = as;
          }
        }
        if (r < n) {
          const a = heap[r]!;
          const as = scores[a]!;
          if (as < ms || (as === ms && a > mid)) {
            m = r;
            mid = a;
            ms = as;
          }
        }
        if (m === i) break;
        heap[i] = mid;
        heap[m] = id;
        i = m;
      }
    }
  }
  return n;
}
