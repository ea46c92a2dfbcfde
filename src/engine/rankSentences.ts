import type { Article, Sentence } from '../corpus/schema.js';
import type { AnalyzedQuestion } from './analyzeQuestion.js';
import { offersAnswer } from './answerType.js';
import { row } from './csr.js';
import { loadEmbeddings } from '../lexicon/embeddings.js';
import { candidateFeatures } from './features.js';
import { matchConcepts, planMatching } from './matchConcepts.js';
import { answerModel, rankScore, type AnswerModel } from './model/answerModel.js';
import { RANKING } from './rankingParameters.js';
import type { ResolvedDate } from './relativeDates/resolveRelativeDates.js';
import { idf, retrieveCandidates } from './retrieveCandidates.js';
import { SemanticMatcher } from './semanticMatch.js';
import type { SentenceIndex } from './sentenceIndex.js';

export interface RankedSentence {
  /** The sentence's id in the index, its text, its article and its relative dates resolved. */
  entry: { id: number; sentence: Sentence; article: Article; resolvedDates: ResolvedDate[] };
  /** The answer model's score (log-odds): candidates are ordered by it. */
  score: number;
  /** The named features the score was computed from (FEATURE_NAMES order). */
  features: Float64Array;
  /** The sentence holds an entity of the asked type that the question does not already state. */
  offersAnswer: boolean;
  /** How well each question concept is matched (0..1), in the question's order. */
  conceptMatches: number[];
}

export interface RankOptions {
  /** Rank as if this article (by number) were not in the corpus: how training makes questions the sources cannot answer. */
  withoutArticle?: number;
  /** Only these articles (per article number, 1 to keep): a filter on ask or search, applied in retrieval. */
  articles?: Uint8Array;
}

/**
 * The candidate sentences for a question, best first: BM25 retrieval over the index, then every
 * candidate described by the named features and scored by the trained answer model.
 */
export function rankSentences(
  question: AnalyzedQuestion,
  index: SentenceIndex,
  model: AnswerModel = answerModel(),
  options: RankOptions = {},
): RankedSentence[] {
  const plan = planMatching(question, index);
  const { withoutArticle, articles } = options;
  const candidates =
    withoutArticle === undefined
      ? retrieveCandidates(index, plan.boosts, RANKING.candidates, articles)
      : retrieveCandidates(index, plan.boosts, RANKING.candidates + index.articles[withoutArticle]!.sentences.length, articles)
          .filter((c) => index.articleOf[c.id] !== withoutArticle)
          .slice(0, RANKING.candidates);
  if (candidates.length === 0) return [];
  const top = candidates[0]!.score;
  const counted = question.counted.map((c) =>
    c.variants
      .filter((v) => v.weight >= COUNTED_MIN_WEIGHT)
      .map((v) => index.termIds.get(v.terms[0]!))
      .filter((id): id is number => id !== undefined),
  );
  const maxImportance = Math.sqrt(idf(index, 0));
  const semantic = new SemanticMatcher(question.concepts, index, loadEmbeddings());
  const byArticle = new Map<number, number>();
  const bySection = new Map<number, number>();
  let mass = 0;
  for (const { id, score } of candidates) {
    mass += score;
    byArticle.set(index.articleOf[id]!, (byArticle.get(index.articleOf[id]!) ?? 0) + score);
    bySection.set(index.sectionOf[id]!, (bySection.get(index.sectionOf[id]!) ?? 0) + score);
  }
  const ranked = candidates.map(({ id, score }) => {
    const matches = matchConcepts(index, id, plan);
    const offers = offersAnswer(question.answerType, index, id, question);
    const features = candidateFeatures(question, index, maxImportance, {
      id,
      matches,
      relativeBm25: score / top,
      articleSupport: byArticle.get(index.articleOf[id]!)! / mass,
      sectionSupport: bySection.get(index.sectionOf[id]!)! / mass,
      offersAnswer: offers,
      countedNumber: countPrecedesCounted(index, id, counted),
      // Its terms with the years its relative dates resolve to ("last year" in a 2023 article is 2022).
      semantic: semantic.similarities(row(index.sentenceTerms, id)),
    });
    return {
      entry: {
        id,
        sentence: index.sentence(id),
        article: index.articles[index.articleOf[id]!]!,
        resolvedDates: index.resolvedDates.get(id) ?? [],
      },
      score: rankScore(model, features),
      features,
      offersAnswer: offers,
      conceptMatches: matches.map((m) => (m.place === 'none' ? 0 : m.weight)),
    };
  });
  return ranked.sort((a, b) => b.score - a.score || a.entry.id - b.entry.id);
}

/** A number as an index term: digits, or a number word as Porter stems it ("hundred" → "hundr", "twenty" → "twenti"). */
const NUMBER =
  /^(\d|(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelv|twenti|thirti|forti|fifti|sixti|seventi|eighti|nineti)$|dozen|hundr|thousand|million|billion)/;
/** Words between a number and what it counts that do not separate them ("2,000-plus IoT companies"). */
const NUMBER_MODIFIERS = new Set(['plu', 'odd', 'nearli', 'almost', 'around', 'roughli', 'approxim', 'least', 'over', 'some']);

/** Stand-ins close enough to be the thing counted: "enterprises" for "firms", not "project" for "enterprises". */
const COUNTED_MIN_WEIGHT = 0.6;

/**
 * "How many IoT firms": the answer counts them, its number at most one word before the thing
 * counted or a close stand-in ("3,657 IoT enterprises"), not a distant relation ("$1.4 billion IoT project").
 */
function countPrecedesCounted(index: SentenceIndex, id: number, counted: number[][]): boolean {
  if (counted.length === 0) return false;
  const sequence = row(index.sequence, id);
  for (const variants of counted) {
    for (const term of variants) {
      const at = sequence.indexOf(term);
      for (let i = at - 1, words = 0; at > 0 && i >= 0 && words < 2; i--) {
        const word = index.terms[sequence[i]!]!;
        if (NUMBER.test(word)) return true;
        if (!NUMBER_MODIFIERS.has(word)) words++;
      }
    }
  }
  return false;
}
