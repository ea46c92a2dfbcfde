import type { Lexicon } from '../lexicon/wordnet.js';
import { tokenize } from '../text/tokenize.js';
import type { AnalyzedQuestion } from './analyzeQuestion.js';
import type { RankedSentence } from './rankSentences.js';

/** Another source's sentence is part of the fact's history when it ranks this close to the best... */
const HISTORY_RATIO = 0.85;
/** ...and is nearly as well supported. */
const HISTORY_CONFIDENCE_GAP = 0.1;
const NUMBER_WORD = /^(one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|billions?)$/i;
/** Words between a number and what it counts that do not separate them ("2,000-plus", "some 300"). */
const NUMBER_MODIFIERS = new Set(['plus', 'odd', 'nearly', 'almost', 'around', 'roughly', 'approximately', 'least']);

/**
 * Other articles' answers to the same question, best first: the history of the fact the best
 * answer states. A count may be stated in other words by another source ("3,657 IoT
 * enterprises" in 2020, "the 2,000-plus IoT companies" earlier): for "how many" questions a
 * sentence counting the same kind of thing — the same modifiers, a noun of the same WordNet
 * class — and matching the rest of the question as well as the best answer belongs too.
 */
export function factHistory(question: AnalyzedQuestion, ranked: RankedSentence[], best: RankedSentence, threshold: number, lexicon: Lexicon): RankedSentence[] {
  const others = ranked.filter((r) => r !== best && r.offersAnswer && r.entry.article !== best.entry.article);
  const close = others.filter((r) => r.confidence >= Math.max(threshold, best.confidence - HISTORY_CONFIDENCE_GAP) && r.rank >= best.rank * HISTORY_RATIO);
  if (question.counted.length === 0) return close;

  const counted = new Set(question.counted);
  const rest = (r: RankedSentence) => r.conceptMatches.reduce((sum, m, c) => (counted.has(question.concepts[c]!) ? sum : sum + m), 0);
  const leads = countedPhrases(best.entry.sentence.text);
  const sameKind = (p: CountedPhrase) =>
    leads.some((lead) => lead.modifiers === p.modifiers && lexicon.nounClasses(lead.noun).some((k) => lexicon.nounClasses(p.noun).includes(k)));
  const sameCount = others.filter((r) => !close.includes(r) && rest(r) >= rest(best) - 0.5 && countedPhrases(r.entry.sentence.text).some(sameKind));
  return [...close, ...sameCount].sort((a, b) => b.rank - a.rank);
}

interface CountedPhrase {
  /** The words between the number and the noun, as index terms ("iot"). */
  modifiers: string;
  noun: string;
}

/** What numbers count in a sentence: a plural noun at most one word after the number ("3,657 IoT enterprises"). */
function countedPhrases(text: string): CountedPhrase[] {
  const tokens = tokenize(text).filter((t) => !NUMBER_MODIFIERS.has(t.lower));
  const phrases: CountedPhrase[] = [];
  tokens.forEach((t, i) => {
    if (!t.isNumber && !NUMBER_WORD.test(t.lower)) return;
    const after = tokens.slice(i + 1, i + 3);
    const n = after.findIndex((next) => /[^s]s$|^people$/.test(next.lower));
    if (n === -1 || after.slice(0, n + 1).some((next) => next.isNumber || next.isStopWord)) return;
    phrases.push({ modifiers: after.slice(0, n).map((m) => m.term).join(' '), noun: after[n]!.lower });
  });
  return phrases;
}
