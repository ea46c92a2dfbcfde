import type { Article, Sentence } from '../corpus/schema.js';
import { offersAnswer, type QuestionTerms } from './answerType.js';
import type { AnalyzedQuestion, Variant } from './analyzeQuestion.js';
import { row, sortedHas, sortedIndexOf } from './csr.js';
import { RANKING } from './rankingParameters.js';
import type { ResolvedDate } from './resolveRelativeDates.js';
import { retrieveCandidates } from './retrieveCandidates.js';
import type { SentenceIndex } from './sentenceIndex.js';

export interface RankedSentence {
  /** The sentence's id in the index, its text, its article and its relative dates resolved. */
  entry: { id: number; sentence: Sentence; article: Article; resolvedDates: ResolvedDate[] };
  /** Ordering score: coverage, retrieval score, proximity and answer type together. */
  rank: number;
  /** How much of the question the sentence (with its title) accounts for, 0..1: the confidence. */
  confidence: number;
  offersAnswer: boolean;
  /** How well each question concept is matched (0..1), in the question's order. */
  conceptMatches: number[];
}

/** A variant with its terms as term numbers (only variants whose every term the corpus has). */
interface IdVariant {
  ids: number[];
  weight: number;
  literal: boolean;
}

/** Which concepts a one-word variant stands for, so a sentence is matched by walking its own terms. */
interface TermUse {
  concept: number;
  weight: number;
  literal: boolean;
  /** A common word in the question that the corpus also uses as one: inside a name it is another thing. */
  common: boolean;
}

const NAME_PART_FACTOR = 0.5;
const PARTIAL_NAME_FACTOR = 0.8;
const isLiteral = (v: Variant) => v.via === 'exact' || v.via === 'acronym';

/** What ranking needs from a concept's variants, worked out once per (cached) variant list. */
interface PreparedVariants {
  usable: IdVariant[];
  strongest: IdVariant[];
  extras: IdVariant[];
}
const prepared = new WeakMap<Variant[], PreparedVariants>();

function prepare(variants: Variant[]): PreparedVariants {
  let p = prepared.get(variants);
  if (!p) {
    const usable = variants.filter((v) => v.ids).map((v) => ({ ids: v.ids!, weight: v.weight, literal: isLiteral(v) }));
    // Retrieval needs only a concept's strongest forms; the rest can still match a candidate.
    const strongest = [...usable].sort((a, b) => b.weight - a.weight).slice(0, RANKING.retrievalVariants);
    // Variants matched other than term by term: phrases, and the word itself in the title or nearby.
    prepared.set(variants, (p = { usable, strongest, extras: usable.filter((v) => v.ids.length > 1 || v.literal) }));
  }
  return p;
}

export function rankSentences(question: AnalyzedQuestion, index: SentenceIndex): RankedSentence[] {
  const boosts = new Map<number, number>();
  const uses = new Map<number, TermUse[]>();
  const extras: IdVariant[][] = [];
  question.concepts.forEach((concept, c) => {
    const { usable, strongest, extras: own } = prepare(concept.variants);
    for (const v of strongest) for (const t of v.ids) boosts.set(t, Math.max(boosts.get(t) ?? 0, v.weight));
    for (const v of usable) {
      if (v.ids.length !== 1) continue;
      const term = v.ids[0]!;
      const use = { concept: c, weight: v.weight, literal: v.literal, common: concept.lowercase && index.commonVocabulary[term] === 1 };
      const list = uses.get(term);
      if (list) list.push(use);
      else uses.set(term, [use]);
    }
    extras.push(own);
  });
  const candidates = retrieveCandidates(index, boosts, RANKING.candidates);
  if (candidates.length === 0) return [];
  const top = candidates[0]!.score;
  const known: QuestionTerms = {
    termIds: new Set([...question.questionTerms].map((t) => index.termIds.get(t)).filter((id): id is number => id !== undefined)),
    years: new Set([...question.questionTerms].filter((t) => /^\d{4}$/.test(t)).map(Number)),
  };
  const countedVariants = question.counted.map((c) => countedIds(question, question.concepts.indexOf(c), index));
  const ranked = candidates.map(({ id, score }) => {
    const matches = matchConcepts(index, id, uses, extras);
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
    const offers = offersAnswer(question.answerType, index, id, known);
    const typeFactor = !offers ? RANKING.wrongTypeFactor : countPrecedesCounted(index, id, countedVariants) ? 1 : RANKING.uncountedFactor;
    const rank =
      (RANKING.weights.coverage * coverage + RANKING.weights.retrieval * (score / top) + RANKING.weights.proximity * proximity(positions) + RANKING.weights.order * inOrder(positions)) *
      typeFactor;
    return {
      entry: { id, sentence: index.sentences[id]!, article: index.articles[index.articleOf[id]!]!, resolvedDates: index.resolvedDates.get(id) ?? [] },
      rank,
      confidence: supported * typeFactor,
      offersAnswer: offers,
      conceptMatches: matches.map((m) => m.weight),
    };
  });
  return ranked.sort((a, b) => b.rank - a.rank || b.confidence - a.confidence);
}

/** The first term number of every variant of a counted concept. */
function countedIds(question: AnalyzedQuestion, c: number, index: SentenceIndex): number[] {
  return question.concepts[c]!.variants.map((v) => index.termIds.get(v.terms[0]!)).filter((id): id is number => id !== undefined);
}

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
function matchConcepts(index: SentenceIndex, id: number, uses: Map<number, TermUse[]>, extras: IdVariant[][]): Match[] {
  const matches: Match[] = extras.map(() => ({ weight: 0, position: -1, inContext: false }));
  const { start, data } = index.sentenceTerms;
  const sequence = row(index.sequence, id);
  for (let k = start[id]!; k < start[id + 1]!; k++) {
    const termUses = uses.get(data[k]!);
    if (!termUses) continue;
    const asCommonWord = index.commonFlags[k] === 1;
    for (const use of termUses) {
      const m = matches[use.concept]!;
      // Only the word itself may match inside a name, and at a discount if it is a common word.
      const weight = asCommonWord ? use.weight : use.literal ? use.weight * (use.common ? NAME_PART_FACTOR : 1) : 0;
      if (weight > m.weight) {
        m.weight = weight;
        m.position = sequence.indexOf(data[k]!);
        m.inContext = false;
      }
    }
  }
  const terms = row(index.sentenceTerms, id);
  const isCommon = (t: number) => {
    const k = sortedIndexOf(terms, t);
    return k >= 0 && index.commonFlags[start[id]! + k] === 1;
  };
  const context = row(index.contextTerms, index.sectionOf[id]!);
  const sameArticle = (other: number) => other >= 0 && other < index.sentences.length && index.articleOf[other] === index.articleOf[id];
  const neighbours = [id - 1, id + 1].filter(sameArticle).map((n) => row(index.sentenceTerms, n));
  extras.forEach((variants, c) => {
    const m = matches[c]!;
    if (m.weight >= 1) return;
    for (const v of variants) {
      if (v.weight <= m.weight) continue;
      const present = v.ids.length > 1 ? v.ids.filter((t) => (v.literal ? sortedHas(terms, t) : isCommon(t))).length : 0;
      if (present > 0 && present === v.ids.length) {
        Object.assign(m, { weight: v.weight, position: sequence.indexOf(v.ids[0]!), inContext: false });
      } else if (v.literal && v.ids.length >= 4 && present >= v.ids.length - 1 && v.weight * PARTIAL_NAME_FACTOR > m.weight) {
        // A long name is often cut short ("China Electronics Technology Group" for "... Corporation").
        Object.assign(m, { weight: v.weight * PARTIAL_NAME_FACTOR, position: sequence.indexOf(v.ids[0]!), inContext: false });
      } else if (v.literal && v.weight * RANKING.contextFactor > m.weight && v.ids.every((t) => sortedHas(terms, t) || sortedHas(context, t))) {
        Object.assign(m, { weight: v.weight * RANKING.contextFactor, position: -1, inContext: true });
      } else if (v.literal && v.weight * RANKING.neighbourFactor > m.weight && v.ids.every((t) => sortedHas(terms, t) || neighbours.some((n) => sortedHas(n, t)))) {
        Object.assign(m, { weight: v.weight * RANKING.neighbourFactor, position: -1, inContext: false });
      }
    }
  });
  return matches;
}

const NUMBER = /^(\d|one$|two$|three$|four$|five$|six$|seven$|eight$|nine$|ten$|dozen|hundred|thousand|million|billion)/;
/** Words between a number and what it counts that do not separate them ("2,000-plus IoT companies"). */
const NUMBER_MODIFIERS = new Set(['plu', 'odd', 'nearli', 'almost', 'around', 'roughli', 'approxim', 'least']);

/** "How many IoT firms": the answer counts them, its number at most one word before ("3,657 IoT enterprises"). */
function countPrecedesCounted(index: SentenceIndex, id: number, counted: number[][]): boolean {
  if (counted.length === 0) return true;
  const sequence = row(index.sequence, id);
  for (const variants of counted) {
    for (const term of variants) {
      const at = sequence.indexOf(term);
      for (let i = at - 1, words = 0; i >= 0 && words < 2; i--) {
        const word = index.terms[sequence[i]!]!;
        if (NUMBER.test(word)) return true;
        if (!NUMBER_MODIFIERS.has(word)) words++;
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
