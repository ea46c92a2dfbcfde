/** Words that end in a full stop without ending the sentence (lowercase, without the stop). */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'mt', 'gov', 'sen', 'rep', 'gen', 'lt', 'col', 'capt', 'sgt',
  'rev', 'hon', 'pres', 'supt', 'messrs', 'fr', 'ft', 'adm', 'cmdr', 'maj', 'amb',
]);

/** Followed by a number ("No. 3", "Dec. 16", "p. 4"), these never end a sentence. */
export const BEFORE_NUMBERS = new Set([
  'no', 'nos', 'vol', 'p', 'pp', 'fig', 'art', 'sec', 'ch', 'para', 'approx', 'est', 'ca', 'tel', 'ext',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/**
 * Abbreviations that may also close a sentence ("... Co., Ltd. It is reported ...").
 * "St." is here, not among the titles: "St. Louis" is a saint, but "on Wall St. The index fell" ends a sentence.
 */
export const TRAILING = new Set([
  'st', 'co', 'ltd', 'inc', 'corp', 'plc', 'llc', 'bros', 'dept', 'univ', 'assn', 'ave', 'rd', 'blvd',
  'etc', 'vs', 'al', 'e.g', 'i.e', 'a.m', 'p.m', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
]);

/** After an abbreviation that may close a sentence, these words show that a new one began. */
export const SENTENCE_OPENERS = new Set([
  'a', 'an', 'the', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there',
  'in', 'on', 'at', 'as', 'by', 'for', 'from', 'with', 'after', 'before', 'during', 'since', 'but', 'and', 'or',
  'however', 'meanwhile', 'also', 'according', 'his', 'her', 'their', 'our', 'my', 'if', 'when', 'while',
  'what', 'who', 'which', 'where', 'why', 'how', 'some', 'many', 'most', 'all', 'both', 'each', 'one', 'two',
  'last', 'next', 'other', 'such', 'so', 'yet', 'still', 'then', 'today', 'now',
]);
