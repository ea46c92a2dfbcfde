import type { Lexicon } from '../lexicon/wordnet.js';
import { tokenize } from '../text/tokenize.js';
import type { AnalyzedQuestion } from './analyzeQuestion.js';
import type { RankedSentence } from './rankSentences.js';
import { FEATURE_NAMES } from './features.js';
import { RANKING } from './rankingParameters.js';

const COUNTED_NUMBER = FEATURE_NAMES.indexOf('countedNumber');

const NUMBER_WORD = /^(one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|billions?)$/i;
/** Words between a number and what it counts that do not separate them ("2,000-plus", "some 300"). */
const NUMBER_MODIFIERS = new Set(['plus', 'odd', 'nearly', 'almost', 'around', 'roughly', 'approximately', 'least']);

/**
 * Other articles' answers to the same question: the history of the fact the best answer states,
 * newest first. A sentence belongs when it offers the asked type of answer and the model scores it
 * nearly as well as the best. For "how many" questions a count stated in other words by another
 * source ("3,657 IoT enterprises" in 2020, "the 2,000-plus IoT companies" in 2018) belongs too when
 * it counts the same kind of thing (the same modifiers, a noun of the same WordNet class) and
 * matches the rest of the question as well as the best answer does.
 */
export function factHistory(
  question: AnalyzedQuestion,
  ranked: RankedSentence[],
  best: RankedSentence,
  lexicon: Lexicon,
): RankedSentence[] {
  const { historyScoreGap } = RANKING.answering;
  const others = ranked.filter((r) => r !== best && r.offersAnswer && r.entry.article !== best.entry.article);
  let history = others.filter((r) => r.score >= best.score - historyScoreGap);
  if (question.counted.length > 0) {
    // A count answers "how many X" only when it counts X: "billion-yuan" does not count enterprises.
    const counted = new Set(question.counted);
    const rest = (r: RankedSentence) => r.conceptMatches.reduce((sum, m, c) => (counted.has(question.concepts[c]!) ? sum : sum + m), 0);
    const leads = countedPhrases(best.entry.sentence.text);
    const sameKind = (p: CountedPhrase) =>
      leads.some(
        (lead) => lead.modifiers === p.modifiers && lexicon.nounClasses(lead.noun).some((k) => lexicon.nounClasses(p.noun).includes(k)),
      );
    const counts = (r: RankedSentence) => r.features[COUNTED_NUMBER]! > 0;
    // Either way the sentence must state a count of that kind: "thousands of industries" states none.
    history = others.filter(
      (r) => countedPhrases(r.entry.sentence.text).some(sameKind) && ((history.includes(r) && counts(r)) || rest(r) >= rest(best) - 0.5),
    );
  }
  // One per article (its best sentence), newest first.
  const seen = new Set([best.entry.article]);
  return history
    .sort((a, b) => b.score - a.score)
    .filter((r) => !seen.has(r.entry.article) && seen.add(r.entry.article))
    .sort((a, b) => (b.entry.article.date ?? '').localeCompare(a.entry.article.date ?? ''));
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
    phrases.push({
      modifiers: after
        .slice(0, n)
        .map((m) => m.term)
        .join(' '),
      noun: after[n]!.lower,
    });
  });
  return phrases;
}
