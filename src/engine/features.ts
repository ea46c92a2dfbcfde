import type { AnalyzedQuestion, Concept } from './analyzeQuestion.js';
import { row } from './csr.js';
import type { Match } from './matchConcepts.js';
import type { SentenceIndex } from './sentenceIndex.js';

/**
 * The evidence the answer model weighs, one number per feature for each (question, candidate
 * sentence) pair, each in 0..1. The names are the model file's column names: add a feature here
 * and retrain (`npm run train`); the weights come from training, never from hand edits.
 */
export const FEATURES = {
  /** Share of the question's importance (IDF-weighted concepts) the sentence itself expresses, by the quality of each match. */
  coverage: 'importance-weighted share of concepts matched in the sentence',
  /** The same, counting only the words themselves (no synonyms, relations or typos). */
  literalCoverage: 'importance-weighted share matched by the word itself in the sentence',
  /**
   * Share of the question the article title or section heading names: how much the article is
   * about the question. The same for every sentence under that title, so it never rewards a
   * sentence for leaving a word out.
   */
  titleCoverage: 'importance-weighted share of concepts named in the title or heading',
  /** Found only in the title or heading: what a sentence leans on without saying ("He was born…" under "Early life" of a biography). */
  contextCoverage: 'importance-weighted share found only in the title or heading',
  /** Found only in the sentence before or after ("It also leads…" after a sentence naming Wuxi). */
  neighbourCoverage: 'importance-weighted share found only in a neighbouring sentence',
  /** The worst-matched concept (sentence or title): a question whose main word is missing is not answered by a shared name. */
  weakestMatch: 'lowest match weight over the question concepts',
  /** How rare the rarest concept found nowhere is: missing "born" or "CEO" sinks a sentence. */
  missingRarest: 'importance of the rarest unmatched concept, relative to the rarest possible',
  /**
   * Share of the question's importance that the corpus has in no form at all ("cherry blossoms"
   * in a corpus about industry): the same for every candidate, it tells the calibration the
   * sources are not about the question.
   */
  absentFromCorpus: 'importance-weighted share of concepts the corpus never uses in any form',
  /** Importance-weighted closeness in meaning (word vectors) of the sentence's words to each concept. */
  semanticCoverage: 'importance-weighted best word-vector similarity per concept',
  /** The concept the sentence comes least close to in meaning. */
  semanticWeakest: 'lowest best word-vector similarity over the concepts',
  /** A number or year the question states that the sentence does not ("in 2021" against a sentence about 2022 and 2023). */
  missingNumber: 'a number or year of the question is nowhere in the sentence, its title or its resolved dates',
  /** Share of concepts matched through the lexicon (synonym, hypernym, derivation) rather than literally. */
  lexiconShare: 'share of matched concepts matched through WordNet relations',
  /** Share of concepts matched only as a corrected typo. */
  typoShare: 'share of matched concepts matched through a typo correction',
  /** BM25 (with title and heading boost) relative to the best candidate of the question. */
  bm25: 'BM25 score relative to the best retrieved candidate',
  /** How much of the retrieved evidence comes from the candidate's own article: the article that is about the question. */
  articleSupport: "share of the candidates' BM25 mass from the candidate's article",
  /** The same for its section (the run of sentences under one heading). */
  sectionSupport: "share of the candidates' BM25 mass from the candidate's section",
  /** 1 when the matched words sit together, towards 0 as they spread. */
  proximity: 'closeness of the matched words in the sentence',
  /** Share of the question's adjacent concept pairs found side by side, in order. */
  order: 'share of adjacent question concept pairs adjacent in the sentence',
  /** The question asks for a typed answer (how many, how much, when, who, where, which organisation). */
  typeAsked: 'the question asks for a number, amount, date, person, organisation or place',
  /** ...and the sentence holds no entity of that type beyond what the question states ("when" and no date). */
  typeMissing: 'the question asks for a typed answer and the sentence holds none',
  /** "How many X": the sentence's number stands right before X ("3,657 IoT enterprises"). */
  countedNumber: 'a number directly counts the thing asked about',
  /** The question names a year and the sentence (or a relative date in it, resolved) refers to it. */
  dateMatch: 'a year in the question is a year the sentence refers to',
  /** The question names a year and the sentence refers only to other years. */
  dateMismatch: 'the sentence refers only to years other than the question names',
  /** The sentence opens with a pronoun subject ("It", "They"): its subject is in the sentence before. */
  pronounSubject: 'the sentence begins with a pronoun',
  /** Share of the sentence's content words the question does not use: an answer adds something. */
  novelty: 'share of sentence content words not in the question',
  /** Sentence length in content words, up to 60. */
  length: 'sentence length (content words / 60, capped at 1)',
  /** How many concepts the question has, up to 8: long questions are harder to cover fully. */
  questionSize: 'number of question concepts / 8, capped at 1',
} as const;

export type FeatureName = keyof typeof FEATURES;
export const FEATURE_NAMES = Object.keys(FEATURES) as FeatureName[];
/** Each feature's position in a feature vector. */
const F = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, i])) as Record<FeatureName, number>;

/** What the features need about one candidate besides its matches. */
export interface CandidateEvidence {
  id: number;
  matches: Match[];
  /** BM25 over the best retrieved candidate's. */
  relativeBm25: number;
  /** Shares of all candidates' BM25 from its article and from its section. */
  articleSupport: number;
  sectionSupport: number;
  offersAnswer: boolean;
  countedNumber: boolean;
  /** Per concept, the best word-vector similarity of a sentence word (SemanticMatcher). */
  semantic: number[];
}

/** What a concept's variants say, the same for every candidate: worked out once per (cached) variant list. */
interface ConceptFacts {
  /** No form of it is in the corpus. */
  absent: boolean;
  /** It is a number or a year. */
  number: boolean;
}
const conceptFacts = new WeakMap<Concept['variants'], ConceptFacts>();
function factsOf(concept: Concept): ConceptFacts {
  let facts = conceptFacts.get(concept.variants);
  if (!facts) {
    facts = { absent: !concept.variants.some((v) => v.ids), number: /^\d/.test(concept.variants[0]!.terms[0]!) };
    conceptFacts.set(concept.variants, facts);
  }
  return facts;
}

const PRONOUNS = new Set(['it', 'they', 'he', 'she', 'this', 'these', 'its', 'their', 'his', 'her']);

/** The feature vector of one candidate, in FEATURE_NAMES order. */
export function candidateFeatures(
  question: AnalyzedQuestion,
  index: SentenceIndex,
  maxImportance: number,
  c: CandidateEvidence,
): Float64Array {
  const { concepts } = question;
  let total = 0;
  let coverage = 0;
  let literal = 0;
  let title = 0;
  let context = 0;
  let neighbour = 0;
  let weakest = concepts.length ? 1 : 0;
  let missingRarest = 0;
  let matched = 0;
  let lexicon = 0;
  let typo = 0;
  let absent = 0;
  let semantic = 0;
  let semanticTotal = 0;
  let semanticWeakest = concepts.length ? 1 : 0;
  let missingNumber = 0;
  c.matches.forEach((m, i) => {
    const concept = concepts[i]!;
    const importance = m.weight > 0 ? concept.importance : concept.missingImportance;
    total += importance;
    if (m.place === 'sentence') {
      coverage += importance * m.weight;
      if (m.via === 'exact' || m.via === 'acronym') literal += importance * m.weight;
    } else if (m.place === 'context') context += importance * m.weight;
    else if (m.place === 'neighbour') neighbour += importance * m.weight;
    else if (m.place === 'none') missingRarest = Math.max(missingRarest, concept.missingImportance / maxImportance);
    if (m.inTitle) title += importance;
    semantic += concept.importance * c.semantic[i]!;
    semanticTotal += concept.importance;
    semanticWeakest = Math.min(semanticWeakest, c.semantic[i]!);
    const facts = factsOf(concept);
    if (facts.absent) absent += importance;
    if (m.place === 'none' && facts.number) missingNumber = 1;
    weakest = Math.min(weakest, m.place === 'neighbour' ? 0 : m.weight);
    if (m.place !== 'none') {
      matched++;
      if (m.via === 'synonym' || m.via === 'related') lexicon++;
      if (m.via === 'typo') typo++;
    }
  });
  const share = (x: number) => (total > 0 ? x / total : 0);
  const positions = c.matches.map((m) => m.position);
  const sequence = row(index.sequence, c.id);
  const years = row(index.years, c.id);
  const asksYear = question.years.length > 0;
  const refersTo = (y: number) => years.includes(y) || articleYear(index, c.id) === y;
  const first = index
    .sentence(c.id)
    .text.match(/^\W*(\p{L}+)/u)?.[1]
    ?.toLowerCase();
  let novel = 0;
  for (const t of sequence) if (!question.termIds.has(t)) novel++;
  const f = new Float64Array(FEATURE_NAMES.length);
  f[F.coverage] = share(coverage);
  f[F.literalCoverage] = share(literal);
  f[F.titleCoverage] = share(title);
  f[F.contextCoverage] = share(context);
  f[F.neighbourCoverage] = share(neighbour);
  f[F.weakestMatch] = weakest;
  f[F.missingRarest] = Math.min(1, missingRarest);
  f[F.absentFromCorpus] = share(absent);
  f[F.semanticCoverage] = semanticTotal > 0 ? semantic / semanticTotal : 0;
  f[F.semanticWeakest] = semanticWeakest;
  f[F.missingNumber] = missingNumber;
  f[F.lexiconShare] = matched ? lexicon / matched : 0;
  f[F.typoShare] = matched ? typo / matched : 0;
  f[F.bm25] = c.relativeBm25;
  f[F.articleSupport] = c.articleSupport;
  f[F.sectionSupport] = c.sectionSupport;
  f[F.proximity] = proximity(positions);
  f[F.order] = inOrder(positions);
  f[F.typeAsked] = question.answerType === 'any' ? 0 : 1;
  f[F.typeMissing] = question.answerType !== 'any' && !c.offersAnswer ? 1 : 0;
  f[F.countedNumber] = question.counted.length > 0 && c.countedNumber ? 1 : 0;
  f[F.dateMatch] = asksYear && question.years.some(refersTo) ? 1 : 0;
  f[F.dateMismatch] = asksYear && years.length > 0 && !question.years.some(refersTo) ? 1 : 0;
  f[F.pronounSubject] = first && PRONOUNS.has(first) ? 1 : 0;
  f[F.novelty] = sequence.length ? novel / sequence.length : 0;
  f[F.length] = Math.min(1, sequence.length / 60);
  f[F.questionSize] = Math.min(1, concepts.length / 8);
  return f;
}

function articleYear(index: SentenceIndex, id: number): number | undefined {
  const date = index.articles[index.articleOf[id]!]!.date;
  return date ? Number(date.slice(0, 4)) : undefined;
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
