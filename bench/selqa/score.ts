import { normalizeSpace, type PoolQuestion } from './pool.js';

/** What a system returned at one rank: enough to judge it. */
export interface Hit {
  documentId: string;
  quote: string;
  /** The system's own confidence or relevance, higher is better (for the risk–coverage curve). */
  score: number;
}

/**
 * Right when the quote comes from the question's own section and lies inside one of its gold
 * sentences: citebot may cut a sentence in two, and either half still quotes the answer.
 */
export function isCorrect(question: PoolQuestion, hit: Hit): boolean {
  if (hit.documentId !== question.sectionId) return false;
  const quote = normalizeSpace(hit.quote);
  return quote.length > 0 && question.gold.some((g) => g.includes(quote));
}

/** The 1-based rank of the first correct hit within the first `depth`, or 0 when none is. */
export function firstCorrectRank(question: PoolQuestion, hits: Hit[], depth = 10): number {
  const at = hits.slice(0, depth).findIndex((h) => isCorrect(question, h));
  return at + 1;
}

/** How one question went, through the ranking and through ask(). */
export interface Outcome {
  /** Whether any of its candidates answers it; if not, the right reply is a decline. */
  answerable: boolean;
  /** 1-based rank of the first right sentence in the top 10, 0 when none. */
  rank: number;
  /** The top-ranked sentence's score, null when the ranking was empty. */
  topScore: number | null;
  /** Whether ask() gave an answer (baselines always do when they find anything), and whether it was right. */
  answered: boolean;
  askRight: boolean;
  /** The answer is the text of a gold sentence, but its copy in another question's list (TrecQA's lists overlap): counted wrong. */
  askCopyElsewhere: boolean;
}

export interface Quality {
  /** Questions with an answer among their candidates: every figure below but noAnswer is over these. */
  questions: number;
  /** The ranking: right sentence first, reciprocal rank within 10. */
  p1: number;
  mrr10: number;
  /** Through ask(), as a user meets it: a decline is a miss. */
  askP1: number;
  /** Share of questions ask() answered, and the share right among those. */
  answered: number;
  precision: number;
  /** Questions none of whose candidates answers them (the right reply is a decline), and how many were declined. */
  noAnswer: { questions: number; declined: number };
  /** Answers counted wrong that quote a gold sentence's copy from another list. */
  askCopyElsewhere: number;
  /** Questions for which the ranking was empty. */
  empty: number;
}

export function quality(outcomes: Outcome[]): Quality {
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  const n = answerable.length;
  const share = (count: number, of: number) => (of ? count / of : 0);
  const answered = answerable.filter((o) => o.answered).length;
  const right = answerable.filter((o) => o.askRight).length;
  return {
    questions: n,
    p1: share(answerable.filter((o) => o.rank === 1).length, n),
    mrr10: share(
      answerable.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0),
      n,
    ),
    askP1: share(right, n),
    answered: share(answered, n),
    precision: share(right, answered),
    noAnswer: { questions: unanswerable.length, declined: unanswerable.filter((o) => !o.answered).length },
    askCopyElsewhere: answerable.filter((o) => o.askCopyElsewhere).length,
    empty: outcomes.filter((o) => o.topScore === null).length,
  };
}
