import { DOMAIN } from './furniture.js';

/** The first web domain named in a line: "Updated: Dec 18, 2020 wuxinews.com.cn Print" -> "wuxinews.com.cn". */
export function domainIn(text: string): string | null {
  for (const word of text.split(/[\s|]+/)) {
    const m = DOMAIN.exec(word.replace(/[(),]/g, ''));
    if (m) return m[1]!.toLowerCase();
  }
  return null;
}

// News agencies whose name in a dateline's brackets says who published the story.
// A byline in the same place ("Reporter Sun Quan") names a person, not a publisher.
const WIRE_AGENCIES = [
  'Xinhua',
  'Reuters',
  'AP',
  'AFP',
  'Bloomberg',
  'Kyodo',
  'Yonhap',
  'TASS',
  'UPI',
  'dpa',
  'ANI',
  'PTI',
  'Bernama',
  'ANSA',
  'EFE',
  'CNS',
];

/** The agency a dateline credits ("BEIJING, Jan. 5 (Xinhua) --" -> "Xinhua"), or null. */
export function wireAgency(credit: string | null): string | null {
  if (!credit) return null;
  return WIRE_AGENCIES.find((agency) => agency.toLowerCase() === credit.trim().toLowerCase()) ?? null;
}
