// A claim's figure or date turned into the question it answers, from the claim's own analysis
// (no second reading of its words): "Wuxi is home to about 2,000 IoT companies" asks "how many
// IoT companies is Wuxi home to", so its concepts less the figure, the things counted the IoT
// companies, and a number it does not state as the answer sought.
import { tokenize } from '../text/tokenize.js';
import type { AnalyzedQuestion } from './analyzeQuestion.js';
import type { Figure } from './figures.js';
import type { SentenceIndex } from './sentenceIndex.js';
import type { StatedDate } from './statedDates.js';
import type { TextSpan } from '../text/markSpans.js';

/** The question a figure of the claim answers: how many of what it counts, how much money, what percentage. */
export function figureQuestion(claim: AnalyzedQuestion, text: string, figure: Figure, index: SentenceIndex): AnalyzedQuestion {
  // What the figure is of stays in the question ("IoT companies", "yuan", "percent"); its number and approximation go.
  const kept = new Set([...figure.modifiers.split(' '), figure.noun ?? '']);
  for (const t of tokenize(text.slice(figure.start, figure.end))) if (!t.isNumber && !SCALE.test(t.lower)) kept.add(t.lower);
  const removed = tokenize(text.slice(figure.phrase.start, figure.phrase.end)).filter((t) => !kept.has(t.lower));
  const question = without(claim, removed, index);
  const counted =
    figure.unit === 'count' && figure.noun ? question.concepts.filter((c) => c.surface.split(' ').includes(figure.noun!)) : [];
  return { ...question, answerType: figure.unit === 'money' ? 'amount' : 'quantity', counted };
}

/** The question a date of the claim answers: when. */
export function dateQuestion(claim: AnalyzedQuestion, text: string, date: StatedDate, index: SentenceIndex): AnalyzedQuestion {
  const question = without(claim, tokenize(text.slice(date.start, date.end)), index);
  return { ...question, answerType: 'date', counted: [], years: claim.years.filter((y) => y !== date.year) };
}

/** The question a person's name in the claim answers: who. */
export function nameQuestion(claim: AnalyzedQuestion, text: string, name: TextSpan, index: SentenceIndex): AnalyzedQuestion {
  return { ...without(claim, tokenize(text.slice(name.start, name.end)), index), answerType: 'person', counted: [] };
}

const SCALE = /^(thousand|million|mn|billion|bn|trillion)$/;

/** The claim's analysis without the concepts and terms of some of its words. */
function without(claim: AnalyzedQuestion, removed: ReturnType<typeof tokenize>, index: SentenceIndex): AnalyzedQuestion {
  const words = new Set(removed.map((t) => t.lower));
  const termIds = new Set(claim.termIds);
  for (const t of removed) {
    const id = index.termIds.get(t.term);
    if (id !== undefined) termIds.delete(id);
  }
  return {
    ...claim,
    concepts: claim.concepts.filter((c) => !c.surface.split(' ').every((w) => words.has(w))),
    termIds,
    isChat: false,
  };
}
