// The words of a quote that answer the question, by the asked type: the count for "how many"
// ("3,657"), the amount for "how much", the date for "when", the name for "who" or "which
// company", the place for "where". Only words the question does not already say; nothing for a
// question of no particular type. The shells show them in bold, the quote otherwise unchanged.
import { stemWord, tokenize, type Token } from '../text/tokenize.js';
import type { TextSpan } from '../text/markSpans.js';
import type { AnalyzedQuestion } from './analyzeQuestion.js';
import { findFigures, type Figure } from './figures.js';
import type { ResolvedDate } from './relativeDates/resolveRelativeDates.js';
import type { SentenceIndex } from './sentenceIndex.js';
import { statedDates } from './statedDates.js';

/** "what share", "what percentage", "growth rate": a quantity asked as a percentage. */
const PERCENT_QUESTION = /\b(percent|percentage|share|proportion|rate|growth|grew|rose|increase|fell|drop)\b/i;
const MONTH = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)$/i;
const PLACE_PREPOSITION = /^(in|at|from|to|near|across|inside|outside)$/i;
/** Lower-case words a name of an organisation may hold ("Ministry of Industry and Information Technology"). */
const NAME_GLUE = new Set(['of', 'and', 'for', 'the']);
/** Stand-ins for the thing counted that are close enough to pick its count out ("enterprises" for "firms"). */
const COUNTED_MIN_WEIGHT = 0.6;

export function answerSpans(
  quote: string,
  question: AnalyzedQuestion,
  questionText: string,
  index: SentenceIndex,
  resolvedDates: readonly ResolvedDate[],
): TextSpan[] {
  const tokens = tokenize(quote);
  const asked = (t: Token) => {
    const id = index.termIds.get(t.term);
    return id !== undefined && question.termIds.has(id);
  };
  // A figure the question already states is not its answer.
  const figures = findFigures(quote).filter((f) => !tokens.some((t) => t.isNumber && t.start === f.start && asked(t)));
  switch (question.answerType) {
    case 'quantity':
      return quantitySpans(figures, question, questionText);
    case 'amount':
      return figures.filter((f) => f.unit === 'money').map(span);
    case 'date':
      return dateSpans(quote, question, resolvedDates);
    case 'person':
      return nameSpans(quote, tokens, asked, { people: true });
    case 'organization':
      return nameSpans(quote, tokens, asked, { people: false });
    case 'place':
      return nameSpans(quote, tokens, asked, { people: false }).filter((s) => {
        const before = tokens.filter((t) => t.start < s.start).at(-1);
        return before !== undefined && PLACE_PREPOSITION.test(before.lower);
      });
    case 'any':
      return [];
  }
}

const span = (f: Figure): TextSpan => ({ start: f.start, end: f.end });

/** "How many IoT firms": the count of the thing counted when the quote has one, else every count (or percentage, if that is asked). */
function quantitySpans(figures: Figure[], question: AnalyzedQuestion, questionText: string): TextSpan[] {
  const counted = new Set(
    question.counted.flatMap((c) => c.variants.filter((v) => v.weight >= COUNTED_MIN_WEIGHT).map((v) => v.terms.at(-1)!)),
  );
  const ofCounted = figures.filter((f) => f.noun && counted.has(stemWord(f.noun)));
  if (ofCounted.length) return ofCounted.map(span);
  const wanted: Figure['unit'] = PERCENT_QUESTION.test(questionText) ? 'percent' : 'count';
  const ofUnit = figures.filter((f) => f.unit === wanted);
  return (ofUnit.length ? ofUnit : figures.filter((f) => f.unit !== 'money')).map(span);
}

/** Written-out dates the question does not name, and relative ones ("last year") that the engine resolved. */
function dateSpans(quote: string, question: AnalyzedQuestion, resolvedDates: readonly ResolvedDate[]): TextSpan[] {
  const spans = statedDates(quote)
    .filter((d) => d.month !== undefined || d.year === undefined || !question.years.includes(d.year))
    .map(({ start, end }) => ({ start, end }));
  for (const r of resolvedDates) {
    const at = quote.indexOf(r.phrase);
    if (at >= 0 && !spans.some((s) => s.start < at + r.phrase.length && at < s.end)) spans.push({ start: at, end: at + r.phrase.length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * Runs of capitalised words the question does not say ("Gao Yaguang"), the first word of the
 * quote only when a name goes on after it; names of two words or more when the quote has such a
 * run. A person's name is never an acronym ("IoT").
 */
export function nameSpans(quote: string, tokens: Token[], asked: (t: Token) => boolean, { people }: { people: boolean }): TextSpan[] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    while (run.length && NAME_GLUE.has(run.at(-1)!.lower)) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  tokens.forEach((t, i) => {
    const name =
      t.capitalized &&
      !t.isStopWord &&
      !MONTH.test(t.lower) &&
      (i > 0 || tokens[1]?.capitalized === true) &&
      !(people && /\p{Lu}.*\p{Lu}/u.test(t.surface));
    const glue = run.length > 0 && !people && NAME_GLUE.has(t.lower) && tokens[i + 1]?.capitalized === true;
    // Only spaces or a hyphen between them: a comma or a bracket ends the name.
    const last = run.at(-1);
    const adjacent = !last || /^[\s-]*$/.test(quote.slice(last.start + last.surface.length, t.start));
    if ((name || glue) && adjacent) run.push(t);
    else {
      close();
      if (name) run.push(t);
    }
  });
  close();
  // A name the question already says is not the answer; one it says part of may be ("the Ministry of…" for "which ministry").
  const unasked = runs.filter((r) => r.some((t) => !asked(t) && !NAME_GLUE.has(t.lower)));
  const chosen = unasked.some((r) => r.length > 1) ? unasked.filter((r) => r.length > 1) : unasked;
  return chosen.map((r) => ({ start: r[0]!.start, end: r.at(-1)!.start + r.at(-1)!.surface.length }));
}
