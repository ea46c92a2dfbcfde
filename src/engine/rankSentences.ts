import { offersAnswer } from './answerType.js';
import type { AnalyzedQuestion, Variant } from './analyzeQuestion.js';
import { RANKING } from './rankingParameters.js';
import { retrieveCandidates } from './retrieveCandidates.js';
import type { IndexedSentence, SentenceIndex } from './sentenceIndex.js';

export interface RankedSentence {
  entry: IndexedSentence;
  /** Ordering score: coverage, retrieval score, proximity and answer type together. */
  rank: number;
  /** How much of the question the sentence (with its title) accounts for, 0..1: the confidence. */
  confidence: number;
  offersAnswer: boolean;
  /** How well each question concept is matched (0..1), in the question's order. */
  conceptMatches: number[];
}



/** Which concepts a one-word variant stands for, so a sentence is matched by walking its own terms. */
interface TermUse {
  concept: number;
  weight: number;
  literal: boolean;
  /** A common word in the question that the corpus also uses as one: inside a name it is another thing. */
  common: boolean;
}

export function rankSentences(question: AnalyzedQuestion, index: SentenceIndex): RankedSentence[] {
  const boosts = new Map<string, number>();
  const uses = new Map<string, TermUse[]>();
  question.concepts.forEach((concept, c) => {
    // Retrieval needs only a concept's strongest forms; the rest can still match a candidate.
    const strongest = [...concept.variants].sort((a, b) => b.weight - a.weight).slice(0, RANKING.retrievalVariants);
    for (const v of strongest) for (const t of v.terms) boosts.set(t, Math.max(boosts.get(t) ?? 0, v.weight));
    for (const v of concept.variants) {
      const term = v.terms[0]!;
      const common = concept.lowercase && index.commonVocabulary.has(term);
      if (v.terms.length === 1) uses.set(term, [...(uses.get(term) ?? []), { concept: c, weight: v.weight, literal: isLiteral(v), common }]);
    }
  });
  // Variants matched other than term by term: phrases, and the word itself in the title or nearby.
  const extras = question.concepts.map((concept) => concept.variants.filter((v) => v.terms.length > 1 || isLiteral(v)));
  const candidates = retrieveCandidates(index, boosts, RANKING.candidates);
  if (candidates.length === 0) return [];
  const top = candidates[0]!.score;
  const ranked = candidates.map(({ id, score }) => {
    const entry = index.sentences[id]!;
    const matches = matchConcepts(extras, uses, entry);
    const covered = (contextScale: number) => {
      let got = 0;
      let total = 0;
      matches.forEach((m, c) => {
        const concept = question.concepts[c]!;
        const importance = m.weight > 0 ? concept.importance : concept.missingImportance;
        got += importance * m.weight * (m.inContext ? contextScale : 1);
        total += importance;
      });
      return total > 0 ? got / total : 0;
    };
    const coverage = covered(1);
    const supported = covered(RANKING.confidenceContextFactor / RANKING.contextFactor);
    const positions = matches.map((m) => m.position);
    const offers = offersAnswer(question.answerType, entry.features, question.questionTerms);
    const typeFactor = !offers ? RANKING.wrongTypeFactor : countPrecedesCounted(question, entry) ? 1 : RANKING.uncountedFactor;
    const rank =
      (RANKING.weights.coverage * coverage + RANKING.weights.retrieval * (score / top) + RANKING.weights.proximity * proximity(positions) + RANKING.weights.order * inOrder(positions)) *
      typeFactor;
    return { entry, rank, confidence: supported * typeFactor, offersAnswer: offers, conceptMatches: matches.map((m) => m.weight) };
  });
  return ranked.sort((a, b) => b.rank - a.rank || b.confidence - a.confidence);
}

const NAME_PART_FACTOR = 0.5;
const isLiteral = (v: Variant) => v.via === 'exact' || v.via === 'acronym';

interface Match {
  weight: number;
  position: number;
  /** Found only in the article title or section heading. */
  inContext: boolean;
}

/**
 * The best way the sentence expresses each concept. A stand-in word must be used as a common word
 * ("people" is not in "People's Government") and in the sentence itself; the word itself may also
 * be found, for part of its weight, in the title or a neighbouring sentence the quote leans on.
 */
function matchConcepts(extras: Variant[][], uses: Map<string, TermUse[]>, entry: IndexedSentence): Match[] {
  const matches: Match[] = extras.map(() => ({ weight: 0, position: -1, inContext: false }));
  for (const term of entry.terms) {
    const termUses = uses.get(term);
    if (!termUses) continue;
    const asCommonWord = entry.commonTerms.has(term);
    for (const use of termUses) {
      const m = matches[use.concept]!;
      // "people" is not in "People's Government": only the word itself may match inside a name, at a discount.
      const weight = asCommonWord ? use.weight : use.literal ? use.weight * (use.common ? NAME_PART_FACTOR : 1) : 0;
      if (weight > m.weight) {
        m.weight = weight;
        m.position = entry.sequence.indexOf(term);
      }
    }
  }
  extras.forEach((variants, c) => {
    const m = matches[c]!;
    if (m.weight >= 1) return;
    for (const v of variants) {
      if (v.weight <= m.weight) continue;
      const literal = isLiteral(v);
      if (v.terms.length > 1 && v.terms.every((t) => (literal ? entry.terms : entry.commonTerms).has(t))) {
        m.weight = v.weight;
        m.position = entry.sequence.indexOf(v.terms[0]!);
        m.inContext = false;
      } else if (literal && v.weight * RANKING.contextFactor > m.weight && v.terms.every((t) => entry.terms.has(t) || entry.contextTerms.has(t))) {
        m.weight = v.weight * RANKING.contextFactor;
        m.position = -1;
        m.inContext = true;
      } else if (literal && v.weight * RANKING.neighbourFactor > m.weight && v.terms.every((t) => entry.terms.has(t) || entry.previous?.terms.has(t) || entry.next?.terms.has(t))) {
        m.weight = v.weight * RANKING.neighbourFactor;
        m.position = -1;
        m.inContext = false;
      }
    }
  });
  return matches;
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
