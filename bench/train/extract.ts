import { analyzeQuestion } from '../../src/engine/analyzeQuestion.js';
import { FEATURE_NAMES } from '../../src/engine/features.js';
import { CALIBRATION_INPUTS, type AnswerModel } from '../../src/engine/model/answerModel.js';
import { rankSentences } from '../../src/engine/rankSentences.js';
import { buildSentenceIndex } from '../../src/engine/sentenceIndex.js';
import { loadLexicon } from '../../src/lexicon/wordnet.js';
import { isCorrect } from '../selqa/score.js';
import type { TrainingSet } from './datasets.js';

/** One question's candidates as ask sees them: features and whether each is a right answer. */
export interface QuestionRows {
  set: string;
  question: number;
  labels: number[];
  features: number[][];
}

/** Features are stored rounded, and the model is fitted on what is stored: training reproduces exactly. */
export const roundFeature = (x: number) => Math.round(x * 1e6) / 1e6;

/** Scores nothing: extraction only needs the features, which do not depend on the weights. */
const FEATURES_ONLY: AnswerModel = {
  features: FEATURE_NAMES,
  ranker: { weights: FEATURE_NAMES.map(() => 0), bias: 0 },
  calibration: { inputs: [...CALIBRATION_INPUTS], weights: CALIBRATION_INPUTS.map(() => 0), bias: 0 },
  threshold: 0.5,
  training: {},
};

/** Every UNANSWERABLE_EVERY-th question is also asked without its own source: the sources then cannot answer it. */
export const UNANSWERABLE_EVERY = 6;
export const WITHOUT_SOURCE = '/without-source';

/**
 * Every question of a set asked over its pooled corpus (the candidates ask would choose from),
 * and some asked again with their own article left out: questions the sources do not answer,
 * whose best candidates are the near misses a model must learn to decline.
 */
export function extractRows(set: TrainingSet): QuestionRows[] {
  const lexicon = loadLexicon();
  return set.pools.flatMap((pool) => {
    const index = buildSentenceIndex(pool.corpus);
    const articleNumber = new Map(index.articles.map((a, i) => [a.id, i]));
    return pool.questions.flatMap(({ number, question: q }) => {
      const analyzed = analyzeQuestion(q.question, index, lexicon);
      const rows = (name: string, withoutArticle?: number): QuestionRows => {
        const ranked = rankSentences(analyzed, index, FEATURES_ONLY, { withoutArticle });
        return {
          set: name,
          question: number,
          labels: ranked.map((r) => (isCorrect(q, { documentId: r.entry.article.id, quote: r.entry.sentence.text, score: 0 }) ? 1 : 0)),
          features: ranked.map((r) => Array.from(r.features, roundFeature)),
        };
      };
      const own = articleNumber.get(q.sectionId);
      // Without its source a question needs other articles to be asked over.
      const unanswerable = number % UNANSWERABLE_EVERY === 0 && own !== undefined && index.articles.length > 1;
      return unanswerable ? [rows(set.name), rows(set.name + WITHOUT_SOURCE, own)] : [rows(set.name)];
    });
  });
}

/** The table as text: one candidate a line, `set question label feature…`, tab-separated. */
export function tableText(questions: QuestionRows[]): string {
  const header = ['set', 'question', 'label', ...FEATURE_NAMES].join('\t');
  const lines = questions.flatMap((q) => q.features.map((f, i) => [q.set, q.question, q.labels[i], ...f].join('\t')));
  return [header, ...lines].join('\n') + '\n';
}

export function parseTable(text: string): QuestionRows[] {
  const [header, ...lines] = text.trimEnd().split('\n');
  const names = header!.split('\t').slice(3);
  if (names.join() !== FEATURE_NAMES.join()) throw new Error('the training table has other features than the code: run `npm run train`');
  const byQuestion = new Map<string, QuestionRows>();
  for (const line of lines) {
    const [set, question, label, ...values] = line.split('\t');
    const key = `${set}\t${question}`;
    let q = byQuestion.get(key);
    if (!q) byQuestion.set(key, (q = { set: set!, question: Number(question), labels: [], features: [] }));
    q.labels.push(Number(label));
    q.features.push(values.map(Number));
  }
  return [...byQuestion.values()];
}
