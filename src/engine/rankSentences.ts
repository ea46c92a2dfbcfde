import { offersAnswer } from './answerType.js';
import type { AnalyzedQuestion, Concept } from './analyzeQuestion.js';
import type { IndexedSentence, SentenceIndex } from './sentenceIndex.js';

export interface RankedSentence {
  entry: IndexedSentence;
  /** Ordering score: coverage, retrieval score, proximity and answer type together. */
  rank: number;
  /** How much of the question the sentence (with its title) accounts for, 0..1: the confidence. */
  confidence: number;
  offersAnswer: boolean;
}

/** A match in the title or section counts, but less than one in the sentence itself. */
const CONTEXT_FACTOR = 0.6;
/** So does a match in the sentence before or after, which the quote may refer back to. */
const NEIGHBOUR_FACTOR = 0.5;
/** A sentence without the kind of answer asked for ("how many" and no number) is kept, but far behind. */
const WRONG_TYPE_FACTOR = 0.55;
/** A count whose number does not sit before the thing counted may still answer, in other words. */
const UNCOUNTED_FACTOR = 0.85;
const CANDIDATES = 60;

export function rankSentences(question: AnalyzedQuestion, index: SentenceIndex, options: { requireType?: boolean } = {}): RankedSentence[] {
  const boosts = new Map<string, number>();
  for (const concept of question.concepts) {
    for (const v of concept.variants) for (const t of v.terms) boosts.set(t, Math.max(boosts.get(t) ?? 0, v.weight));
  }
  if (boosts.size === 0) return [];
  const hits = index.search.search([...boosts.keys()].join(' '), {
    combineWith: 'OR',
    boost: { text: 1, context: 0.35 },
    boostTerm: (term) => boosts.get(term) ?? 1,
  });
  if (hits.length === 0) return [];
  const top = hits[0]!.score;
  const totalImportance = question.concepts.reduce((sum, c) => sum + c.importance, 0);
  const ranked: RankedSentence[] = [];
  for (const hit of hits.slice(0, CANDIDATES)) {
    const entry = index.sentences[hit.id as number]!;
    let covered = 0;
    const positions: number[] = [];
    for (const concept of question.concepts) {
      const match = conceptMatch(concept, entry);
      covered += concept.importance * match.weight;
      positions.push(match.position);
    }
    const coverage = totalImportance > 0 ? covered / totalImportance : 0;
    const offers = offersAnswer(question.answerType, entry.features, question.questionTerms);
    const typeFactor = !offers ? WRONG_TYPE_FACTOR : countPrecedesCounted(question, entry) ? 1 : UNCOUNTED_FACTOR;
    const rank = (0.55 * coverage + 0.3 * (hit.score / top) + 0.1 * proximity(positions) + 0.05 * inOrder(positions)) * typeFactor;
    ranked.push({ entry, rank, confidence: coverage * typeFactor, offersAnswer: offers });
  }
  const kept = options.requireType ? ranked.filter((r) => r.offersAnswer) : ranked;
  return kept.sort((a, b) => b.rank - a.rank || b.confidence - a.confidence);
}

const NUMBER = /^(\d|one$|two$|three$|four$|five$|six$|seven$|eight$|nine$|ten$|dozen|hundred|thousand|million|billion)/;

/** Words between a number and what it counts that do not separate them ("2,000-plus IoT companies"). */
const NUMBER_MODIFIERS = new Set(['plu', 'odd', 'nearli', 'almost', 'around', 'roughli', 'approxim', 'least']);

/** "How many IoT firms": the answer counts them, its number at most one word before ("3,657 IoT enterprises"). */
function countPrecedesCounted(question: AnalyzedQuestion, entry: IndexedSentence): boolean {
  if (question.counted.length === 0) return true;
  for (const concept of question.counted) {
    for (const v of concept.variants) {
      const at = entry.sequence.indexOf(v.terms[0]!);
      for (let i = at - 1, words = 0; i >= 0 && words < 2; i--) {
        const term = entry.sequence[i]!;
        if (NUMBER.test(term)) return true;
        if (!NUMBER_MODIFIERS.has(term)) words++;
      }
    }
  }
  return false;
}

/** The best way the sentence expresses a concept, and where (for proximity). */
function conceptMatch(concept: Concept, entry: IndexedSentence): { weight: number; position: number } {
  let best = { weight: 0, position: -1 };
  for (const v of concept.variants) {
    if (v.weight <= best.weight) continue;
    // A stand-in word must be used as a common word ("people" is not in "People's Government"),
    // and in the sentence itself: a stand-in found only nearby is too weak a link.
    const literal = v.via === 'exact' || v.via === 'acronym';
    if (v.terms.every((t) => (literal ? entry.terms : entry.commonTerms).has(t))) {
      best = { weight: v.weight, position: entry.sequence.indexOf(v.terms[0]!) };
    } else if (!literal) {
      continue;
    } else if (v.weight * CONTEXT_FACTOR > best.weight && v.terms.every((t) => entry.terms.has(t) || entry.contextTerms.has(t))) {
      best = { weight: v.weight * CONTEXT_FACTOR, position: -1 };
    } else if (v.weight * NEIGHBOUR_FACTOR > best.weight && v.terms.every((t) => entry.terms.has(t) || entry.previous?.terms.has(t) || entry.next?.terms.has(t))) {
      best = { weight: v.weight * NEIGHBOUR_FACTOR, position: -1 };
    }
  }
  return best;
}

/** The share of the question's adjacent concept pairs that the sentence has side by side, in order ("IoT enterprises"). */
function inOrder(positions: number[]): number {
  let pairs = 0;
  let adjacent = 0;
  for (let i = 1; i < positions.length; i++) {
    pairs++;
    if (positions[i - 1]! >= 0 && positions[i]! === positions[i - 1]! + 1) adjacent++;
  }
  return pairs ? adjacent / pairs : 0;
}

/** 1 when the matched words sit together, towards 0 as they spread through the sentence. */
function proximity(positions: number[]): number {
  const found = positions.filter((p) => p >= 0).sort((a, b) => a - b);
  if (found.length < 2) return found.length === 1 ? 0.5 : 0;
  const span = found.at(-1)! - found[0]! + 1;
  return (found.length - 1) / (span - 1 || 1);
}
