/**
 * Everything tunable about retrieval, matching and answering, in one typed object with its
 * defaults (as minisearch keeps its options). How much each piece of evidence counts is not here:
 * that is the answer model's job (`model/answer-model.json`, from `npm run train`).
 */
export const RANKING = {
  /** Sentences retrieved by BM25 and described in full for the answer model. */
  candidates: 50,
  /** Forms of each question concept used for retrieval (all of them are used for matching). */
  retrievalVariants: 2,
  /** BM25 weight of a title or heading match relative to one in the sentence. */
  contextBoost: 0.35,
  bm25: { k1: 1.2, b: 0.75 },
  matching: {
    /** A common word of the question found only inside a name ("people" in "People's Government") counts this much. */
    namePartFactor: 0.5,
    /** A long name cut short by one word ("China Electronics Technology Group" for "... Corporation") counts this much. */
    partialNameFactor: 0.8,
  },
  answering: {
    /** Another source's answer is part of the fact's history when its score is at most this far (log-odds) below the best. */
    historyScoreGap: 1.5,
  },
};
