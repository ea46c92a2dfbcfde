/**
 * The numbers ranking weighs its evidence with, in one place. Chosen on the SelQA dev split
 * and the project's dev questions (see bench/selqa), never on the test split. Mutable only so
 * that benchmarks can explore them; the engine never changes them.
 */
export const RANKING = {
  /** How the final rank mixes question coverage, BM25, proximity and word order. */
  weights: { coverage: 0.7, retrieval: 0.2, proximity: 0.05, order: 0.05 },
  /** A question word found only in the article title or section heading counts this much for ordering... */
  contextFactor: 1,
  /** ...and this much for confidence: a sentence must say enough itself to be quoted as the answer. */
  confidenceContextFactor: 0.6,
  /** A question word found only in the sentence before or after counts this much. */
  neighbourFactor: 0.5,
  /** A sentence without the kind of answer asked for ("how many" and no number) is kept, but far behind. */
  wrongTypeFactor: 0.7,
  /** A count whose number does not sit before the thing counted may still answer, in other words. */
  uncountedFactor: 0.85,
  /** Sentences scored in full after BM25 retrieval. */
  candidates: 50,
  /** Forms of each question concept used for retrieval (all of them are used for matching). */
  retrievalVariants: 2,
  /** BM25 weight of a title or heading match relative to one in the sentence. */
  contextBoost: 0.35,
  bm25: { k1: 1.2, b: 0.75 },
};
