import type { Token } from '../text/tokenize.js';
import { row, type Csr } from './csr.js';
import type { SentenceIndex } from './sentenceIndex.js';

/** What kind of thing the question wants back. */
export type AnswerType = 'quantity' | 'amount' | 'date' | 'person' | 'organization' | 'place' | 'any';

const RULES: [RegExp, AnswerType][] = [
  [/^(how much|what (is|was|are|were) the (total )?(value|cost|price|investment|income|revenue|output|amount of money))\b/, 'amount'],
  [
    /^(how (many|large|big|high|fast|long|old|far)|what (is|was|are|were) the (number|total|share|percentage|proportion|rate|size|scale|amount|population|growth)|what (share|percentage|proportion|portion|fraction)|what number)\b/,
    'quantity',
  ],
  [/^(when|what (year|date|month|day|time)|in what (year|month)|in which (year|month)|since when|which year)\b/, 'date'],
  [/^(who|whom|whose|which (person|official|leader|man|woman))\b/, 'person'],
  [
    /^(which|what) (ministry|company|companies|firm|firms|organi[sz]ation|agency|department|bureau|group|institution|university|enterprise|body|council)\b/,
    'organization',
  ],
  [
    /^(where|in (which|what) (city|country|place|province|town|region|location|district)|(which|what) (city|country|place|province|town|region|location|district))\b/,
    'place',
  ],
];

/** The expected answer type, from the question's opening words (after "and", "so", "tell me" and the like). */
export function detectAnswerType(question: string): AnswerType {
  const q = question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^((and|so|but|ok|okay|please|hey|tell me|do you know|can you tell me|i want to know|i wonder) )+/, '');
  for (const [pattern, type] of RULES) if (pattern.test(q)) return type === 'amount' && /^how much\b/.test(q) ? howMuch(q) : type;
  // "how much" in the middle ("and how much did they invest"), or a money word with "how much"
  if (/\bhow much\b/.test(q)) return howMuch(q);
  if (/\bhow many\b/.test(q)) return 'quantity';
  if (/\bwhen\b/.test(q)) return 'date';
  return 'any';
}

/** Words that make "how much" a question about money ("how much did it cost", "how much investment"). */
const MONEY_QUESTION =
  /\b(cost|costs|costing|price|prices|priced|invest|invested|investment|investments|spend|spent|spending|pay|paid|pays|fund|funds|funding|funded|worth|revenue|revenues|income|profit|profits|sales|budget|fare|fares|salary|salaries|wage|wages|money|earn|earned|earns|raise|raised|sell|sold|charge|charged|yuan|dollars?|euros?|pounds?|rmb|usd|fee|fees|subsidy|subsidies|loan|loans|debt|value|valued|tickets?)\b/;

/**
 * "How much" asks for money when the question is about money ("how much did the line cost"),
 * otherwise for a quantity ("how much cargo did the port handle", "how much did it grow").
 */
function howMuch(q: string): AnswerType {
  return MONEY_QUESTION.test(q) ? 'amount' : 'quantity';
}

const MONEY = /(yuan|dollars?|usd|rmb|euros?|pounds?|\$|¥|€|£)/i;
const MONTH = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)$/i;
const NUMBER_WORD =
  /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens|half|double|triple)$/i;
const PLACE_PREPOSITION = /^(in|at|from|to|near|across|inside|outside)$/i;

/** What a sentence could answer: precomputed once per sentence at index time. */
export interface SentenceFeatures {
  numbers: string[];
  money: boolean;
  years: number[];
  months: boolean;
  /** Lowercased capitalised words that are probably names (not just a capital at the sentence start). */
  names: string[];
  /** Lowercased capitalised words after "in", "at", "from"... */
  places: string[];
}

export function sentenceFeatures(text: string, tokens: Token[], resolvedYears: number[]): SentenceFeatures {
  const numbers: string[] = [];
  const years = [...resolvedYears];
  const names: string[] = [];
  const places: string[] = [];
  let months = false;
  tokens.forEach((t, i) => {
    if (t.isNumber) {
      numbers.push(t.lower);
      if (/^(1[89]|20|21)\d{2}$/.test(t.lower)) years.push(Number(t.lower));
    } else if (NUMBER_WORD.test(t.lower)) {
      numbers.push(t.lower);
    }
    if (MONTH.test(t.lower) && (t.capitalized || t.lower.length > 3)) months = true;
    const next = tokens[i + 1];
    const nameLike = t.capitalized && !t.isStopWord && !MONTH.test(t.lower) && (i > 0 || (next?.capitalized ?? false));
    if (nameLike) {
      names.push(t.term);
      if (i > 0 && PLACE_PREPOSITION.test(tokens[i - 1]!.lower)) places.push(t.term);
    }
  });
  return { numbers, money: MONEY.test(text), years, months, names, places };
}

/** Bits of a sentence's answer flags. */
export const MONEY_FLAG = 1;
export const MONTH_FLAG = 2;

/** What the question already says, as term numbers and years: an answer must add something. */
export interface QuestionTerms {
  termIds: Set<number>;
  years: readonly number[];
}

/**
 * Whether a sentence offers the kind of answer asked for, with something the question does not
 * already say: "how many" wants a number the question lacks, "who" a name it lacks.
 */
export function offersAnswer(type: AnswerType, index: SentenceIndex, id: number, question: QuestionTerms): boolean {
  const anyNew = (csr: Csr) => {
    for (const t of row(csr, id)) if (!question.termIds.has(t)) return true;
    return false;
  };
  switch (type) {
    case 'quantity':
      return anyNew(index.numbers);
    case 'amount':
      return (index.answerFlags[id]! & MONEY_FLAG) !== 0 && anyNew(index.numbers);
    case 'date':
      return (index.answerFlags[id]! & MONTH_FLAG) !== 0 || row(index.years, id).some((y) => !question.years.includes(y));
    case 'person':
    case 'organization':
      return anyNew(index.names);
    case 'place':
      return anyNew(index.places);
    case 'any':
      return true;
  }
}
