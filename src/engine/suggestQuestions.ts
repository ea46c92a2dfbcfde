// Questions the corpus can answer, for /ask autocomplete: made by rules from its sentences (a
// count with what it counts and a name, a person with a role, a thing with the date it was done,
// an amount someone will spend), then kept only when ask answers each with the very sentence it
// came from (or another source's sentence that made the same question). No generative model:
// every question is a template filled with the sentence's words.
import { row } from './csr.js';
import type { SentenceIndex } from './sentenceIndex.js';

/** Bounds that keep a 1M-sentence build reasonable: sentences read (spread evenly over the corpus), questions tried, questions kept. */
export const QUESTION_LIMITS = { sentencesRead: 50_000, tried: 600, kept: 300, perSentence: 2 };
/** Longer sentences are not read (characters). */
const MAX_SENTENCE_LENGTH = 1000;

export interface DraftQuestion {
  question: string;
  /** The sentences it was made from (ids in the index): the same question from two sources' versions of a fact. */
  sentences: number[];
}

/** Where ask's answer to a question comes from (undefined: declined). */
export type AnswerLocator = (question: string) => { documentId: string; sentenceIndex: number; score: number } | undefined;

/** A verb's base form ("handled" → "handle", "employs" → "employ"), or undefined when unknown: from the lexicon. */
export type BaseForm = (verb: string) => string | undefined;

const W = String.raw`[\p{L}\p{N}][\p{L}\p{N}'’-]*`;
const CAP = String.raw`\p{Lu}[\p{L}\p{N}'’-]*`;
/** A name of two or three capitalised words ("Gao Yaguang", "Zhang Wei"). */
const PERSON = String.raw`(${CAP}(?: ${CAP}){1,2})`;
/** A proper name, possibly with lower-case linkers ("Ministry of Industry and Information Technology"). */
const NAME = String.raw`(${CAP}(?: (?:of |and |the )*${CAP})*)`;
const FILLER =
  /^(?:The|A|An|In|On|At|By|As|From|Since|For|This|That|It|He|She|They|We|But|And|Also|Statistic|Statistics|According|Meanwhile|Today)$/;
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)`;

/** What a person's role ends in: "vice-mayor", "general manager", "Secretary", "highest official". */
const ROLE =
  /(?:mayor|governor|director|manager|secretary|chairman|chairwoman|chair|president|minister|official|head|chief|ceo|founder|spokesperson|spokesman|spokeswoman|leader|lead|executive|commissioner|deputy|dean|principal|premier|ambassador|general)$/i;
/** Words that end a noun phrase rather than belong to it. */
const NOT_IN_PHRASE = String.raw`(?!(?:since|it|its|which|that|who|when|while|because|and|as|of|in|to|with|from|for|by|said)\b)`;
const PHRASE_WORD = String.raw`${NOT_IN_PHRASE}${W}`;
const isName = (name: string) => !FILLER.test(name.split(' ')[0]!);

const RULES: { pattern: RegExp; make: (m: RegExpMatchArray, text: string) => string[] }[] = [
  {
    // "Gao Yaguang, vice-mayor of Wuxi" → "Who is the vice-mayor of Wuxi?"
    pattern: new RegExp(
      String.raw`${PERSON}, (?:the )?((?:${PHRASE_WORD} ){0,2}${PHRASE_WORD}) of ((?:the )?${W}(?: ${W})*?)(?=[,.;:]| said| who| which|$)`,
      'u',
    ),
    make: (m) => (isName(m[1]!) && ROLE.test(m[2]!) ? [`Who is the ${m[2]} of ${m[3]}?`] : []),
  },
  {
    // "Gao Yaguang, Wuxi's deputy mayor" → "Who is Wuxi's deputy mayor?"; "…, the combined authority's transport lead" likewise.
    pattern: new RegExp(String.raw`${PERSON}, ((?:the )?(?:${PHRASE_WORD} ){0,2}${W}['’]s(?: ${W}){1,3})(?=[,.;]|$)`, 'u'),
    make: (m) => (isName(m[1]!) && ROLE.test(m[2]!) ? [`Who is ${m[2]}?`] : []),
  },
  {
    // "China Electronics Technology Hik Group will invest a total of 10 billion yuan" → "How much will … invest?"
    pattern: new RegExp(
      String.raw`${NAME} will (\p{Ll}+) (?:a total of |more than |about |up to |some )?(?:[$¥€£]?\d[\d.,]*)(?: (?:million|billion|trillion))? ?(?:yuan|dollars|euros|pounds|\()`,
      'u',
    ),
    make: (m) => (isName(m[1]!) ? [`How much will ${m[1]} ${m[2]}?`] : []),
  },
  {
    // "In November 2009, the State Council … approved the Wuxi National … Park, which" → "When was the Wuxi National … Park approved?"
    pattern: new RegExp(
      String.raw`^(?:In|On) (?:${MONTH} (?:\d{1,2}, )?)?(?:\d{4}|${MONTH})(?: last year)?, [^.]*? (\p{Ll}+ed) ((?:the|an?) (?:${PHRASE_WORD} ){0,8}?${W})(?=,| which| that| to | in | on | at |\.)`,
      'u',
    ),
    make: (m) => [`When was ${m[2]} ${m[1]}?`],
  },
  {
    // "an IoT industry association was established in the city in July" → "When was an IoT industry association established?"
    pattern: new RegExp(
      String.raw`\b((?:[Aa]n?|[Tt]he) (?:${PHRASE_WORD} ){0,5}${PHRASE_WORD}) (was|were) (\p{Ll}{3,}(?:ed|en)|held|built|set up|founded)\b`,
      'u',
    ),
    make: (m, text) =>
      new RegExp(String.raw`\b(?:${MONTH}|\d{4}|last year|this year)\b`, 'u').test(text)
        ? [`When ${m[2]} ${m[1]!.replace(/^[AT]/, (c) => c.toLowerCase())} ${m[3]}?`]
        : [],
  },
];

/** "3,657 IoT enterprises", "106 national technological innovation carriers": a number, at most three words, then what it counts. */
const COUNTED = String.raw`(?:more than |over |nearly |almost |about |some )?\d[\d,]*(?:\.\d+)?(?:-plus)? ((?:${PHRASE_WORD} ){0,3}(?!(?:years|months|weeks|days|hours|times|percent|points)\b)\p{Ll}+[^s\W]s)\b`;
const COUNT_RULES: { pattern: RegExp; make: (m: RegExpMatchArray) => string }[] = [
  // "Wuxi is now home to 3,657 IoT enterprises" → "How many IoT enterprises are in Wuxi?"
  { pattern: new RegExp(String.raw`${NAME} is (?:now )?home to ${COUNTED}`, 'u'), make: (m) => `How many ${m[2]} are in ${m[1]}?` },
  // "Wuxi has established 106 … carriers" → "How many … carriers has Wuxi established?"
  {
    pattern: new RegExp(String.raw`${NAME} (has|have) (\p{Ll}+ed) ${COUNTED}`, 'u'),
    make: (m) => `How many ${m[4]} ${m[2]} ${m[1]} ${m[3]}?`,
  },
  // "… 500 companies in Shenzhen" → "How many companies are in Shenzhen?"
  { pattern: new RegExp(String.raw`${COUNTED} in ${NAME}`, 'u'), make: (m) => `How many ${m[1]} are in ${m[2]}?` },
];

/**
 * "The Port of Kestrel Bay handled a record 41.2 million tonnes of cargo" → "How many tonnes of cargo did
 * the Port of Kestrel Bay handle?"; "The port authority employs 2,300 people" → "How many people does the
 * port authority employ?": a sentence that opens with what does the counting.
 */
const COUNTING_VERB = new RegExp(
  String.raw`^((?:The |the )?${CAP}(?: (?:of |and |the )*${CAP})*|(?:The) (?:${PHRASE_WORD} ){0,3}${W}) (?:also |now )?(?!(?:has|was|is|does|says|said)\b)(\p{Ll}{3,}(?:ed|s)) (?:a record |a total of |more than |about |almost |nearly |some |around )?\d[\d,]*(?:\.\d+)?(?: million| billion)? ((?:${PHRASE_WORD} ){0,2}(?!(?:years|months|weeks|days|hours|times|percent)\b)\p{Ll}+[^s\W]s(?: of \p{Ll}+)?|people)\b`,
  'u',
);

function countQuestions(text: string, baseForm?: BaseForm): string[] {
  const out = COUNT_RULES.flatMap(({ pattern, make }) => {
    const m = pattern.exec(text);
    const name = m?.slice(1).find((g) => g !== undefined && /^\p{Lu}/u.test(g));
    return m && name && isName(name) ? [make(m)] : [];
  });
  const m = baseForm && COUNTING_VERB.exec(text);
  const base = m && baseForm(m[2]!);
  if (m && base && !/^(?:It|He|She|They|We|This|That)$/.test(m[1]!)) {
    const subject = m[1]!.replace(/^The /, 'the ');
    out.push(`How many ${m[3]} ${m[2]!.endsWith('ed') ? 'did' : 'does'} ${subject} ${base}?`);
  }
  return out;
}

/** Drafts from the sentences that offer a number or a name, read evenly spread over the corpus, at most `tried`. */
export function draftQuestions(index: SentenceIndex, limits = QUESTION_LIMITS, baseForm?: BaseForm): DraftQuestion[] {
  const drafts: DraftQuestion[] = [];
  const seen = new Map<string, DraftQuestion>();
  const step = Math.max(1, Math.ceil(index.sentenceCount / limits.sentencesRead));
  for (let id = 0; id < index.sentenceCount && drafts.length < limits.tried; id += step) {
    if (row(index.numbers, id).length === 0 && row(index.names, id).length === 0) continue;
    const text = index.sentence(id).text;
    // A question from a sentence this long would hardly be a good suggestion, and the patterns' cost grows with length.
    if (text.length > MAX_SENTENCE_LENGTH) continue;
    const made = [
      ...countQuestions(text, baseForm),
      ...RULES.flatMap(({ pattern, make }) => {
        const m = pattern.exec(text);
        return m ? make(m, text) : [];
      }),
    ];
    for (const question of made) {
      const tidy = question.replace(/\s+/g, ' ').replace(/^(\p{Ll})/u, (c) => c.toUpperCase());
      const key = tidy.toLowerCase();
      const again = seen.get(key);
      if (again) again.sentences.push(id);
      else if (tidy.length <= 100) {
        const draft = { question: tidy, sentences: [id] };
        seen.set(key, draft);
        drafts.push(draft);
      }
    }
  }
  return drafts.slice(0, limits.tried);
}

/**
 * The drafts that ask answers with a sentence each was made from, best answered first, at most
 * `perSentence` per sentence and `kept` in all: what autocomplete may offer as answerable.
 */
export function verifiedQuestions(index: SentenceIndex, answerOf: AnswerLocator, limits = QUESTION_LIMITS, baseForm?: BaseForm): string[] {
  const kept: { question: string; score: number; sentence: number }[] = [];
  for (const draft of draftQuestions(index, limits, baseForm)) {
    const answer = answerOf(draft.question);
    const source =
      answer &&
      draft.sentences.find(
        (id) =>
          index.articles[index.articleOf[id]!]!.id === answer.documentId &&
          id - index.articleStart[index.articleOf[id]!]! === answer.sentenceIndex,
      );
    if (answer && source !== undefined) kept.push({ question: draft.question, score: answer.score, sentence: source });
  }
  const perSentence = new Map<number, number>();
  return kept
    .sort((a, b) => b.score - a.score)
    .filter((k) => {
      const n = perSentence.get(k.sentence) ?? 0;
      perSentence.set(k.sentence, n + 1);
      return n < limits.perSentence;
    })
    .slice(0, limits.kept)
    .map((k) => k.question);
}
