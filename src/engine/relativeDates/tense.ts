// Which way a date without a year points: news reports what happened, so the past unless the
// clause speaks of what is to come ("will open in March" is the next March, "opened in March"
// the last one).

const FUTURE =
  /\b(?:will|won't|shall|going to|may|might|(?:plans?|planned|planning|expects?|expected|aims?|aiming|intends?|intended|hopes?|set|scheduled|slated|due|poised|is|are|was|were) to (?!the\b|an?\b|its?\b|their\b|his\b|her\b)\w+|(?:expects?|expected|plans?|planned|aims?|intends?|intended|hopes?|wants?)\b[^,;]{0,60}?\bto (?!the\b|an?\b|\d)\w+|(?:scheduled|slated|set) for|upcoming|forthcoming|next)\b|'ll\b/gi;

// Finite past forms and perfect auxiliaries; "-ed" words before "to" are taken by FUTURE first.
const PAST = /\b(?:was|were|had|did|has|have|ago|last|earlier|previously|\w{3,}ed)\b/gi;

/** Where the clause boundaries are: a date's tense is read within its own clause. */
const CLAUSE_BREAK =
  /;|:|\s[-–—]\s|,\s*(?:but|while|whereas|and|although|though|after|before|when|since|as|which|who)\b|\bbut\b|\bwhile\b|\bwhereas\b/gi;

function matchesIn(pattern: RegExp, text: string): { start: number; end: number }[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}

function clauseAround(sentence: string, start: number, end: number): { start: number; end: number } {
  const breaks = matchesIn(CLAUSE_BREAK, sentence);
  return {
    start: Math.max(0, ...breaks.filter((b) => b.end <= start).map((b) => b.end)),
    end: Math.min(sentence.length, ...breaks.filter((b) => b.start >= end).map((b) => b.start)),
  };
}

/** Whether two phrases stand in the same clause, so that one may date the other. */
export function sameClause(sentence: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const clause = clauseAround(sentence, a.start, a.end);
  return b.start >= clause.start && b.end <= clause.end;
}

/**
 * True when the clause around text[start, end) speaks of the future: the tense marker nearest the
 * phrase within its clause decides, one before it winning a tie.
 */
export function pointsForward(sentence: string, start: number, end: number): boolean {
  const { start: clauseStart, end: clauseEnd } = clauseAround(sentence, start, end);
  const clause = sentence.slice(clauseStart, clauseEnd);
  const inside = (m: { start: number; end: number }) => {
    const s = m.start + clauseStart;
    const e = m.end + clauseStart;
    return e <= start || s >= end; // not a word of the phrase itself
  };
  const future = matchesIn(FUTURE, clause).filter(inside);
  const past = matchesIn(PAST, clause)
    .filter(inside)
    .filter((p) => !future.some((f) => p.start < f.end && p.end > f.start));
  // The verb that governs a time phrase usually comes before it ("will open in March"); a fronted
  // phrase ("In March, the plant will open") takes the first one after it.
  const before = (m: { end: number }) => m.end + clauseStart <= start;
  const distance = (m: { start: number; end: number }) => (before(m) ? start - (m.end + clauseStart) : 1e6 + m.start + clauseStart - end);
  const nearest = (list: { start: number; end: number }[]) => Math.min(Infinity, ...list.map(distance));
  return nearest(future) < nearest(past);
}
