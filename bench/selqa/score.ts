import { normalizeSpace, type SelqaQuestion } from './dataset.js';

/** What a system returned at one rank: enough to judge it. */
export interface Hit {
  documentId: string;
  quote: string;
}

/**
 * Right when the quote comes from the question's own section and lies inside one of its gold
 * sentences: citebot may cut a SelQA sentence in two, and either half still quotes the answer.
 */
export function isCorrect(question: SelqaQuestion, hit: Hit): boolean {
  if (hit.documentId !== question.sectionId) return false;
  const quote = normalizeSpace(hit.quote);
  return quote.length > 0 && question.gold.some((g) => g.includes(quote));
}

/** The 1-based rank of the first correct hit within the first `depth`, or 0 when none is. */
export function firstCorrectRank(question: SelqaQuestion, hits: Hit[], depth = 10): number {
  const at = hits.slice(0, depth).findIndex((h) => isCorrect(question, h));
  return at + 1;
}

export interface Quality {
  questions: number;
  p1: number;
  mrr10: number;
  /** Questions for which the system returned nothing at all. */
  empty: number;
}

export function quality(ranks: number[], empty: number): Quality {
  const n = ranks.length;
  return {
    questions: n,
    p1: n ? ranks.filter((r) => r === 1).length / n : 0,
    mrr10: n ? ranks.reduce((sum, r) => sum + (r ? 1 / r : 0), 0) / n : 0,
    empty,
  };
}
