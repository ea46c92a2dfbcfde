import type { AnalyzedQuestion, Variant } from './analyzeQuestion.js';
import { row, sortedHas, sortedIndexOf } from './csr.js';
import { RANKING } from './rankingParameters.js';
import type { SentenceIndex } from './sentenceIndex.js';

/** Where a concept was found for a candidate sentence. */
export type MatchPlace = 'none' | 'sentence' | 'context' | 'neighbour';

/** How one question concept is expressed by (or around) one candidate sentence. */
export interface Match {
  /** 0..1: 1 for the word itself in the sentence, less for a stand-in or a place further away. */
  weight: number;
  /** Word position in the sentence's content terms, or -1 when not in the sentence. */
  position: number;
  place: MatchPlace;
  via: Variant['via'] | null;
  /** The word itself is in the article title or section heading (whether or not the sentence has it too). */
  inTitle: boolean;
}

/** A variant with its terms as term numbers (only variants whose every term the corpus has). */
interface IdVariant {
  ids: number[];
  weight: number;
  literal: boolean;
  via: Variant['via'];
}

/** Which concepts a one-word variant stands for, so a sentence is matched by walking its own terms. */
interface TermUse {
  concept: number;
  weight: number;
  literal: boolean;
  via: Variant['via'];
  /** A word the corpus also uses as a common word: inside a name it is another thing. */
  common: boolean;
}

const isLiteral = (v: Variant) => v.via === 'exact' || v.via === 'acronym';

/** What matching needs from a concept's variants, worked out once per (cached) variant list. */
interface PreparedVariants {
  usable: IdVariant[];
  strongest: IdVariant[];
  extras: IdVariant[];
}
const prepared = new WeakMap<Variant[], PreparedVariants>();

function prepare(variants: Variant[]): PreparedVariants {
  let p = prepared.get(variants);
  if (!p) {
    const usable = variants.filter((v) => v.ids).map((v) => ({ ids: v.ids!, weight: v.weight, literal: isLiteral(v), via: v.via }));
    // Retrieval needs only a concept's strongest forms; the rest can still match a candidate.
    const strongest = [...usable].sort((a, b) => b.weight - a.weight).slice(0, RANKING.retrievalVariants);
    // Variants matched other than term by term: phrases, and the word itself in the title or nearby.
    prepared.set(variants, (p = { usable, strongest, extras: usable.filter((v) => v.ids.length > 1 || v.literal) }));
  }
  return p;
}

/** A question prepared for matching many sentences: term weights for retrieval, term uses for matching. */
export interface MatchPlan {
  boosts: Map<number, number>;
  uses: Map<number, TermUse[]>;
  extras: IdVariant[][];
}

export function planMatching(question: AnalyzedQuestion, index: SentenceIndex): MatchPlan {
  const boosts = new Map<number, number>();
  const uses = new Map<number, TermUse[]>();
  const extras: IdVariant[][] = [];
  question.concepts.forEach((concept, c) => {
    const { usable, strongest, extras: own } = prepare(concept.variants);
    for (const v of strongest) for (const t of v.ids) boosts.set(t, Math.max(boosts.get(t) ?? 0, v.weight));
    for (const v of usable) {
      if (v.ids.length !== 1) continue;
      const term = v.ids[0]!;
      const use = {
        concept: c,
        weight: v.weight,
        literal: v.literal,
        via: v.via,
        common: concept.commonWord && index.commonVocabulary[term] === 1,
      };
      const list = uses.get(term);
      if (list) list.push(use);
      else uses.set(term, [use]);
    }
    extras.push(own);
  });
  return { boosts, uses, extras };
}

/**
 * The best way the sentence expresses each concept. A stand-in word must be used as a common word
 * ("people" is not in "People's Government") and in the sentence itself; the word itself may also
 * be found, for part of its weight, in the title or a neighbouring sentence the quote leans on.
 */
export function matchConcepts(index: SentenceIndex, id: number, plan: MatchPlan): Match[] {
  const { uses, extras } = plan;
  const options = RANKING.matching;
  const matches: Match[] = extras.map(() => ({ weight: 0, position: -1, place: 'none', via: null, inTitle: false }));
  const { start, data } = index.sentenceTerms;
  const sequence = row(index.sequence, id);
  const set = (m: Match, weight: number, position: number, place: MatchPlace, via: Variant['via']) =>
    Object.assign(m, { weight, position, place, via });
  for (let k = start[id]!; k < start[id + 1]!; k++) {
    const termUses = uses.get(data[k]!);
    if (!termUses) continue;
    const asCommonWord = index.commonFlags[k] === 1;
    for (const use of termUses) {
      const m = matches[use.concept]!;
      // Only the word itself may match inside a name, and at a discount if it is also a common word.
      const weight = asCommonWord ? use.weight : use.literal ? use.weight * (use.common ? options.namePartFactor : 1) : 0;
      if (weight > m.weight) set(m, weight, sequence.indexOf(data[k]!), 'sentence', use.via);
    }
  }
  const terms = row(index.sentenceTerms, id);
  const isCommon = (t: number) => {
    const k = sortedIndexOf(terms, t);
    return k >= 0 && index.commonFlags[start[id]! + k] === 1;
  };
  const context = row(index.contextTerms, index.sectionOf[id]!);
  const sameArticle = (other: number) => other >= 0 && other < index.sentenceCount && index.articleOf[other] === index.articleOf[id];
  const neighbours = [id - 1, id + 1].filter(sameArticle).map((n) => row(index.sentenceTerms, n));
  for (let c = 0; c < extras.length; c++) {
    const m = matches[c]!;
    m.inTitle = extras[c]!.some((v) => v.literal && v.ids.every((t) => sortedHas(context, t)));
    if (m.weight >= 1) continue;
    for (const v of extras[c]!) {
      if (v.weight <= m.weight) continue;
      const present = v.ids.length > 1 ? v.ids.filter((t) => (v.literal ? sortedHas(terms, t) : isCommon(t))).length : 0;
      if (present > 0 && present === v.ids.length) {
        set(m, v.weight, sequence.indexOf(v.ids[0]!), 'sentence', v.via);
      } else if (v.literal && v.ids.length >= 4 && present >= v.ids.length - 1 && v.weight * options.partialNameFactor > m.weight) {
        // A long name is often cut short ("China Electronics Technology Group" for "... Corporation").
        set(m, v.weight * options.partialNameFactor, sequence.indexOf(v.ids[0]!), 'sentence', v.via);
      } else if (
        v.literal &&
        m.place !== 'sentence' &&
        v.weight > m.weight &&
        v.ids.every((t) => sortedHas(terms, t) || sortedHas(context, t))
      ) {
        set(m, v.weight, -1, 'context', v.via);
      } else if (v.literal && m.place === 'none' && v.ids.every((t) => sortedHas(terms, t) || neighbours.some((n) => sortedHas(n, t)))) {
        set(m, v.weight, -1, 'neighbour', v.via);
      }
    }
  }
  return matches;
}
