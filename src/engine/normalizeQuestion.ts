/**
 * Questions as people type them in a chat: shorthand and abbreviations written out in the words
 * news articles use, so the rest of the engine sees one spelling. Letter case is left alone here
 * (nothing downstream depends on it for meaning); only whole words are replaced.
 */
const SHORTHAND: Record<string, string> = {
  r: 'are',
  u: 'you',
  ur: 'your',
  ppl: 'people',
  ppls: 'people',
  govt: 'government',
  gov: 'government',
  gvt: 'government',
  yr: 'year',
  yrs: 'years',
  bn: 'billion',
  mn: 'million',
  mln: 'million',
  mil: 'million',
  tn: 'trillion',
  pct: 'percent',
  q1: 'first quarter',
  q2: 'second quarter',
  q3: 'third quarter',
  q4: 'fourth quarter',
  h1: 'first half',
  h2: 'second half',
  yoy: 'year on year',
  ytd: 'year to date',
  cos: 'companies',
  co: 'company',
  corp: 'corporation',
  dept: 'department',
  intl: 'international',
  natl: 'national',
  mgmt: 'management',
  approx: 'approximately',
  abt: 'about',
  thru: 'through',
  b4: 'before',
  n: 'and',
  num: 'number',
  nr: 'number',
  avg: 'average',
  pop: 'population',
  biz: 'business',
  wat: 'what',
  wut: 'what',
  wht: 'what',
  whats: 'what is',
  hw: 'how',
  wen: 'when',
  whn: 'when',
  wher: 'where',
  wer: 'where',
  hu: 'who',
  tix: 'tickets',
  gm: 'general manager',
  pls: 'please',
  plz: 'please',
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATION = /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;
const month = (abbreviation: string) => MONTHS.find((m) => m.startsWith(abbreviation.slice(0, 3)))!;
const MONTH_RANGE =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*[-–—/]\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/gi;
/** "3k", "12bn", "1.5m": a number with a magnitude suffix written onto it ("100 m" may be metres). */
const SUFFIXED_NUMBER = /\b(\d+(?:\.\d+)?)(k|bn|b|mn|mln|m)\b/gi;
const MAGNITUDE: Record<string, string> = { bn: 'billion', b: 'billion', mn: 'million', mln: 'million', m: 'million' };

const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export function normalizeQuestion(question: string): string {
  return (
    question
      // "Gov." as a title is a governor ("vice gov", "Gov. Wu"); elsewhere "gov" is the government.
      .replace(/\b(vice[- ])gov\b\.?/gi, '$1governor')
      .replace(/\bgov\.?(?= \p{Lu})/gu, 'Governor')
      .replace(/\b(\d{1,2})(st|nd|rd|th)\b/gi, (ordinal, n: string) => ORDINALS[Number(n)] ?? ordinal)
      .replace(MONTH_RANGE, (_, from: string, to: string) => `${month(from.toLowerCase())} to ${month(to.toLowerCase())}`)
      .replace(SUFFIXED_NUMBER, (_, n: string, suffix: string) => {
        const s = suffix.toLowerCase();
        // "180k" is how the corpus writes 180,000; "12bn" is "12 billion".
        return s === 'k' && !n.includes('.') ? Number(n + '000').toLocaleString('en-US') : `${n} ${MAGNITUDE[s] ?? 'thousand'}`;
      })
      // Whole words only: "co" in "co-operation" stays.
      .replace(/(?<![\p{L}\p{N}'’-])[\p{L}\p{N}]+(?![\p{L}\p{N}'’-])/gu, (word) => {
        const lower = word.toLowerCase();
        if (MONTH_ABBREVIATION.test(lower)) return month(lower);
        return SHORTHAND[lower] ?? word;
      })
  );
}

/**
 * Words of talk, not of a topic: greetings, thanks, acknowledgements, requests for help. A message
 * made only of these (and function words) is chat, answered with a pointer, never with a quote.
 */
export const CHAT_WORDS = new Set(
  `hi hello hey hiya heya yo sup howdy greetings thanks thank thx thnx ty tysm cheers help ok okay kk k lol lmao rofl haha hehe
clear bye goodbye cya gm gn morning evening night cool nice great awesome good bad bot sorry yes no yeah yep yup nope hmm hm
test testing ping welcome wow oh ah uh um please anyway use used work works ask question questions citebot command commands`
    .split(/\s+/)
    .filter(Boolean),
);
