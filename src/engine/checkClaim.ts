// Find source's verdict: what the sources say about a claim someone posted. The claim's figure
// (or, without one, its date) becomes the question it answers ("Wuxi is home to about 2,000 IoT
// companies" → "how many IoT companies Wuxi is home to"); the sentences the answer model finds
// for that question are read for the same kind of figure, and each is compared with the claim's
// (figures.ts, statedDates.ts). A claim with neither is supported only when a sentence says it
// all, in the same words or their stand-ins.
import { dateParts } from '../corpus/articleDate.js';
import type { Lexicon } from '../lexicon/wordnet.js';
import { tokenize } from '../text/tokenize.js';
import type { AnalyzedQuestion, Concept } from './analyzeQuestion.js';
import { nameSpans } from './answerSpans.js';
import { dateQuestion, figureQuestion, nameQuestion } from './claimQuestion.js';
import { factHistory } from './factHistory.js';
import { compareFigures, findFigures, type Figure, type FigureRelation } from './figures.js';
import { answerModel, answerProbability } from './model/answerModel.js';
import { rankSentences, type RankedSentence } from './rankSentences.js';
import type { SentenceIndex } from './sentenceIndex.js';
import { datesAgree, statedDates, type StatedDate } from './statedDates.js';
import type { TextSpan } from '../text/markSpans.js';
import type { Answer, AskResult, DeclineReason } from './types.js';

/** What the sources say about a claim. */
export type Verdict = 'supported' | 'newer-figure' | 'contradicted' | 'not-in-sources';

/**
 * How one sentence bears on the claim: it `states` it; it is `newer` and gives another value; it
 * `differs` (of the same time or newest, another value); it is `older` and gives another value
 * (history); it is `related` (on the subject, but states nothing to compare).
 */
export type Stance = 'states' | 'newer' | 'differs' | 'older' | 'related';

export interface Evidence extends Answer {
  stance: Stance;
}

export interface ClaimCheck {
  claim: string;
  verdict: Verdict;
  /** The sentences behind the verdict, in the order to show them (for a newer figure: newest first). */
  evidence: Evidence[];
  /** Why nothing bears on it, when the engine declined the claim as a question ("The sources never mention Shanghai."). */
  message?: string;
}

/** What checkClaim needs from the engine: its index and lexicon, and how it asks. */
export interface ClaimTools {
  index: SentenceIndex;
  lexicon: Lexicon;
  ask(question: string, limit: number): AskResult;
  analyze(question: string): AnalyzedQuestion;
  /** The sentences that bear on the claim, from ask's answers to it and a search. */
  findSupport(claim: string, limit: number, asked: Answer[]): Answer[];
  toAnswer(ranked: RankedSentence, confidence: number): Answer;
}

/** A sentence bears on the claim's question when the model gives it this much (half its answer threshold). */
const BEARS_ON_SHARE = 0.5;
/** Candidates read per question: ask's history comes from the same few. */
const CANDIDATES = 12;
/** Figures of a claim checked: a claim with more is a paragraph. */
const MAX_FIGURES = 3;
const CLAIM_AS_QUESTION = 'Is it true that ';
const NOTHING_TO_CHECK = new Set<DeclineReason>(['empty', 'no-words', 'chat']);

export function checkClaim(tools: ClaimTools, claim: string, limit: number): ClaimCheck {
  const asked = unknownOpeningName(tools, claim, limit) ?? tools.ask(claim, limit);
  // A name the sources never mention: say which. Nothing to look up, or only talk: nothing bears on it.
  if (asked.reason === 'unknown-name')
    return { claim, verdict: 'not-in-sources', evidence: [], ...(asked.message ? { message: asked.message } : {}) };
  if (asked.reason && NOTHING_TO_CHECK.has(asked.reason)) return { claim, verdict: 'not-in-sources', evidence: [] };
  // The claim's analysis (ask's, remembered) is the start of each question it answers.
  const analyzed = tools.analyze(claim);
  // A count that says nothing of what it counts cannot be compared with anything.
  const figures = findFigures(claim)
    .filter((f) => f.unit !== 'count' || f.noun)
    .slice(0, MAX_FIGURES);
  const date = statedDates(claim)[0];
  const judged = figures.length
    ? figures.map((f) =>
        judge(compared(tools, figureQuestion(analyzed, claim, f, tools.index), (text) => relationToFigure(tools.lexicon, f, text))),
      )
    : date
      ? [judge(compared(tools, dateQuestion(analyzed, claim, date, tools.index), (text, r) => relationToDate(date, text, r)))]
      : [judgeStatement(tools, claim, analyzed)];
  const result = combine(judged, limit);
  // Nothing to compare: the nearest sentences, for the reader to see what the sources do say.
  if (result.verdict === 'not-in-sources' && result.evidence.length === 0) {
    result.evidence = tools.findSupport(claim, limit, asked.answers).map((a) => ({ ...a, stance: 'related' }));
  }
  return { claim, ...result };
}

/**
 * A question's first word is capitalised anyway, so ask does not take it for a name: a claim
 * opening with a word the corpus lacks ("Shanghai has…") is asked again after a few words, and
 * the decline, if it says the sources never mention it, is the answer.
 */
function unknownOpeningName(tools: ClaimTools, claim: string, limit: number): AskResult | undefined {
  const first = tokenize(claim)[0];
  if (!first?.capitalized || first.isStopWord || first.isNumber || tools.index.termIds.has(first.term)) return undefined;
  const asked = tools.ask(`${CLAIM_AS_QUESTION}${claim}`, limit);
  return asked.reason === 'unknown-name' ? asked : undefined;
}

interface Compared {
  answer: Answer;
  relation: FigureRelation;
}

/** How a sentence's figure or date relates to the claim's, and where it stands in the sentence (shown in bold). */
interface Reading {
  relation: FigureRelation;
  spans: TextSpan[];
}

/** The claim's question asked; each sentence that bears on it, with how its figure relates to the claim's (one per article, best first). */
function compared(
  tools: ClaimTools,
  analyzed: AnalyzedQuestion,
  relate: (text: string, ranked: RankedSentence) => Reading | null,
): Compared[] {
  const model = answerModel();
  const ranked = rankSentences(analyzed, tools.index, model);
  if (ranked.length === 0) return [];
  const probability = (r: RankedSentence, i: number) =>
    answerProbability(model, r.score, i === 0 ? r.score - (ranked[1]?.score ?? -Infinity) : 0, r.features);
  // The same fact as other sources dated it (ask's history) bears on it whatever its score.
  const history = new Set(factHistory(analyzed, ranked, ranked[0]!, tools.lexicon));
  const found: Compared[] = [];
  const articles = new Set<string>();
  ranked.forEach((r, i) => {
    const p = probability(r, i);
    const bears = i < CANDIDATES && r.offersAnswer && p >= model.threshold * BEARS_ON_SHARE;
    if (!bears && !history.has(r)) return;
    const reading = relate(r.entry.sentence.text, r);
    if (!reading || articles.has(r.entry.article.id)) return;
    articles.add(r.entry.article.id);
    found.push({ answer: { ...tools.toAnswer(r, p), answerSpans: reading.spans }, relation: reading.relation });
  });
  return found;
}

/** How the sentence's figures of the claim's kind relate to the claim's: null when it has none to compare. */
function relationToFigure(lexicon: Lexicon, claimed: Figure, text: string): Reading | null {
  const readings = findFigures(text)
    .filter((f) => sameKind(lexicon, claimed, f))
    .map((f) => ({ relation: compareFigures(claimed, f), spans: [{ start: f.start, end: f.end }] }));
  return strongest(readings);
}

/** The sentence states it if any of its figures does; else it is consistent if any is; else it differs. */
function strongest(readings: Reading[]): Reading | null {
  const relation = (['same', 'consistent', 'different'] as const).find((r) => readings.some((x) => x.relation === r));
  if (!relation) return null;
  const spans = readings.filter((x) => x.relation === relation).flatMap((x) => x.spans);
  // A date written out and the same words resolved as a relative date are one span.
  return { relation, spans: spans.filter((a, i) => spans.findIndex((b) => b.start === a.start && b.end === a.end) === i) };
}

/**
 * Counts count the same thing when the nouns are one lemma or near in the lexicon, or are of one
 * WordNet class with the same modifiers ("3,657 IoT enterprises", "2,000-plus IoT companies"),
 * as the engine's fact history decides; money in the same currency; percent with percent.
 */
function sameKind(lexicon: Lexicon, claimed: Figure, source: Figure): boolean {
  if (claimed.unit !== source.unit) return false;
  if (claimed.unit === 'money') return claimed.currency === source.currency;
  if (claimed.unit === 'percent') return true;
  if (!claimed.noun || !source.noun) return false;
  const terms = (modifiers: string) => new Set(tokenize(modifiers).map((t) => t.term));
  const [cm, sm] = [terms(claimed.modifiers), terms(source.modifiers)];
  // Every modifier of the claim's count in the source's, and no other ("IoT leading enterprises" are not "IoT companies").
  if (cm.size !== sm.size || [...cm].some((m) => !sm.has(m))) return false;
  const [c, s] = [lemma(lexicon, claimed.noun), lemma(lexicon, source.noun)];
  if (c === s) return true;
  const near = (a: string, b: string) => lexicon.related(a, { maxDistance: 2, maxSenses: 2 }).some((r) => r.lemma === b);
  if (near(c, s) || near(s, c)) return true;
  return cm.size > 0 && lexicon.nounClasses(c).some((k) => lexicon.nounClasses(s).includes(k));
}

const lemma = (lexicon: Lexicon, noun: string) => lexicon.lemmatize(noun)[0] ?? noun;

/** The sentence's dates (those it writes out, and its relative ones resolved) against the claim's. */
function relationToDate(claimed: StatedDate, text: string, ranked: RankedSentence): Reading | null {
  const articleDate = ranked.entry.article.date ? dateParts(ranked.entry.article.date) : undefined;
  const dates: StatedDate[] = [
    // "Feb 28" in a 2017 article is Feb 28, 2017.
    ...statedDates(text).map((d) => (d.year === undefined && articleDate ? { ...d, year: articleDate.year } : d)),
    ...ranked.entry.resolvedDates.flatMap((r) => {
      const start = text.indexOf(r.phrase);
      return r.years.map((year) => ({ year, start, end: start + r.phrase.length }));
    }),
  ];
  const comparable = dates.filter((d) => (['year', 'month', 'day'] as const).some((p) => claimed[p] !== undefined && d[p] !== undefined));
  return strongest(
    comparable.map((d) => ({
      relation: datesAgree(claimed, d) ? 'same' : 'different',
      spans: d.start >= 0 ? [{ start: d.start, end: d.end }] : [],
    })),
  );
}

interface Judged {
  verdict: Verdict;
  evidence: Evidence[];
}

/** Newer than: compared at the precision both dates have ("2018" is not newer or older than "2018-05-01"). */
function newer(a: Answer, b: Answer): boolean {
  if (!a.date || !b.date) return false;
  const n = Math.min(a.date.length, b.date.length);
  return a.date.slice(0, n) > b.date.slice(0, n);
}

const newestFirst = (list: Compared[]) => [...list].sort((a, b) => (b.answer.date ?? '').localeCompare(a.answer.date ?? ''));
const as =
  (stance: Stance) =>
  (c: Compared): Evidence => ({ ...c.answer, stance });

/**
 * A source states it: supported, unless a later source gives another value (a newer figure).
 * No source states it but one gives another value: contradicted. Otherwise not in the sources.
 */
export function judge(found: Compared[]): Judged {
  const states = newestFirst(found.filter((c) => c.relation === 'same'));
  const differs = newestFirst(found.filter((c) => c.relation === 'different'));
  const related = newestFirst(found.filter((c) => c.relation === 'consistent'));
  const latest = states[0];
  if (latest) {
    const later = differs.filter((d) => newer(d.answer, latest.answer));
    if (later.length) {
      return { verdict: 'newer-figure', evidence: [...later.map(as('newer')), ...states.map(as('states'))] };
    }
    return { verdict: 'supported', evidence: [...states.map(as('states')), ...differs.map(as('older')), ...related.map(as('related'))] };
  }
  if (differs.length) return { verdict: 'contradicted', evidence: [...differs.map(as('differs')), ...related.map(as('related'))] };
  return { verdict: 'not-in-sources', evidence: related.map(as('related')) };
}

/** How well the rest of a claim naming someone must be matched to be the same thing said of someone else: the word itself. */
const LITERAL_MATCH = 0.95;

/** Words that change what a title means: "vice-mayor" is not the mayor. */
const QUALIFIERS = /^(vice|deputy|former|ex|acting|assistant|honorary|non|co)$/i;

/**
 * A claim with no figure or date: supported when the best sentence is worth quoting and says
 * every word of the claim (itself or a stand-in), none of them under a qualifier the claim lacks.
 * Otherwise the nearest sentences are shown, as related: not in the sources.
 */
function judgeStatement(tools: ClaimTools, claim: string, analyzed: AnalyzedQuestion): Judged {
  const model = answerModel();
  const ranked = rankSentences({ ...analyzed, answerType: 'any' }, tools.index, model);
  const top = ranked[0];
  if (top) {
    const p = answerProbability(model, top.score, top.score - (ranked[1]?.score ?? -Infinity), top.features);
    // A statement says something about something: one word matched is not a claim stated.
    const saysAll = top.conceptMatches.length >= 2 && top.conceptMatches.every((m) => m >= 0.75);
    if (p >= model.threshold && saysAll && !qualifiedDifferently(claim, top.entry.sentence.text)) {
      return { verdict: 'supported', evidence: [{ ...tools.toAnswer(top, p), stance: 'states' }] };
    }
  }
  return judgeName(tools, claim, analyzed);
}

/**
 * A claim that names someone ("Li Qiang is the vice-mayor of Wuxi") is contradicted when a
 * sentence says all the rest of it, in the same words or stand-ins and qualifiers, of someone
 * else ("Gao Yaguang, vice-mayor of Wuxi"). A sentence that names the claim's person too is left
 * to the statement check: it may say something else of them.
 */
function judgeName(tools: ClaimTools, claim: string, analyzed: AnalyzedQuestion): Judged {
  const tokens = tokenize(claim);
  const [name] = nameSpans(claim, tokens, () => false, { people: true }).filter((s) => /\s/.test(claim.slice(s.start, s.end)));
  if (!name) return { verdict: 'not-in-sources', evidence: [] };
  const named = new Set(tokenize(claim.slice(name.start, name.end)).map((t) => t.lower));
  const rest = `${claim.slice(0, name.start)}${claim.slice(name.end)}`;
  const question = nameQuestion(analyzed, claim, name, tools.index);
  const found = compared(tools, question, (text) => {
    const sentence = tokenize(text);
    if (sentence.some((t) => named.has(t.lower))) return null;
    // The rest of the claim in the sentence itself, in its own words (or acronyms), not stand-ins
    // or a neighbour's words: "the Wuxi government" is not its mayor.
    const terms = new Set(sentence.map((t) => t.term));
    const literal = (c: Concept) => c.variants.some((v) => v.weight >= LITERAL_MATCH && v.terms.every((t) => terms.has(t)));
    if (!question.concepts.every(literal) || qualifiedDifferently(rest, text)) return null;
    const claimWords = new Set(tokens.map((t) => t.lower));
    // The other person's name nearest the claim's words ("Du Xiaogang, Secretary of…"): two words or more, not words of the claim ("Vice Governor").
    const said = sentence
      .filter((t) => question.concepts.some((c) => c.variants.some((v) => v.terms.includes(t.term))))
      .map((t) => t.start);
    const distance = (s: TextSpan) => Math.min(...said.map((at) => Math.abs(at - s.start)));
    const [other] = nameSpans(text, sentence, () => false, { people: true })
      .filter((s) => /\s/.test(text.slice(s.start, s.end)) && !tokenize(text.slice(s.start, s.end)).every((t) => claimWords.has(t.lower)))
      .sort((a, b) => distance(a) - distance(b));
    return other ? { relation: 'different', spans: [other] } : null;
  });
  return judge(found);
}

/** Whether a word of the claim appears in the sentence only under a qualifier the claim does not give it. */
function qualifiedDifferently(claim: string, sentence: string): boolean {
  const claimTokens = tokenize(claim);
  const sentenceTokens = tokenize(sentence);
  return claimTokens.some((c, i) => {
    if (c.isStopWord || c.isNumber) return false;
    const uses = sentenceTokens.map((s, j) => ({ s, j })).filter(({ s }) => s.term === c.term);
    const claimQualifier = claimTokens[i - 1]?.lower;
    return (
      uses.length > 0 &&
      uses.every(({ j }) => {
        const q = sentenceTokens[j - 1]?.lower;
        return q !== undefined && QUALIFIERS.test(q) && q !== claimQualifier;
      })
    );
  });
}

const SEVERITY: Verdict[] = ['contradicted', 'newer-figure', 'not-in-sources', 'supported'];

/** Several figures: the worst verdict among them (one wrong figure makes the claim wrong), the evidence of all, each sentence once. */
function combine(judged: Judged[], limit: number): Judged {
  const verdict = SEVERITY.find((v) => judged.some((j) => j.verdict === v))!;
  const ordered = [...judged.filter((j) => j.verdict === verdict), ...judged.filter((j) => j.verdict !== verdict)];
  const evidence: Evidence[] = [];
  for (const e of ordered.flatMap((j) => j.evidence)) {
    if (!evidence.some((f) => f.documentId === e.documentId && f.sentenceIndex === e.sentenceIndex)) evidence.push(e);
  }
  return { verdict, evidence: evidence.slice(0, Math.max(limit, 1)) };
}
