/** What a scraped line is, when it is not the article's own prose. */
export type FurnitureKind =
  | 'navigation'
  | 'site name'
  | 'date line'
  | 'byline'
  | 'share widget'
  | 'image file name'
  | 'photo caption'
  | 'advertisement'
  | 'view counter'
  | 'teaser or menu item'
  | 'section label'
  | 'footer'
  | 'dateline'
  | 'end marker';

export const DOMAIN = /^(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})\/?$/i;
// A footer opens with a copyright notice or a Chinese registration number. "Copyright" alone is
// not enough: an article may be about copyright ("... 36 software copyrights, and ...").
const FOOTER = /^(copyright\s*(©|\(c\)|\d{4})|©)|all rights reserved|ICP备|备案号|公网安备/i;
const NAVIGATION = /^home\s*(>|›|»|\/|\|)/i;
const SHARE = /^(share\b.*|print|e-?mail|tweet|wechat|weibo|facebook|twitter|linkedin|whatsapp|copy link)$/i;
const IMAGE_FILE = /\.(jpe?g|png|gif|webp|bmp|svg)$/i;
const VIEW_COUNTER = /^\d[\d.,]*\s*[kmw万]?$/i;
// "Updated: Dec 18, 2020 wuxinews.com.cn Print", or inside a byline: "By Zhang Min | chinadaily.com.cn | Updated: 2022-05-09 09:41".
const DATE_LABEL = /(^|[\s|])(updated|published|posted)\s*[:：]/i;
// Case-sensitive: with the i flag \p{Lu} would match any letter, and "By the end of ..." is prose.
const BYLINE = /^(By\s+\p{Lu}|BY\s|(?:[Ee]ditor|[Ss]ource|[Rr]eporter|[Ww]riter|[Aa]uthor|[Tt]ranslator)s?\s*[:：])/u;
// A credit closes a caption: "[Photo provided to China Daily]", "Photo by Sun Quan", "(Xinhua/Li Ming)".
const PHOTO_CREDIT =
  /(\[(photo|image|file photo)[^\]]*\]|\b(photo|photograph|image)s? (by|provided|courtesy|credit)\b[^.]*|\((photo|xinhua|ap|afp|reuters)[^)]*\))\s*$/i;

export const isFooterStart = (line: string) => FOOTER.test(line);

/** A line short enough to be a label, byline or headline rather than a paragraph. */
const isShort = (line: string) => line.split(/\s+/).length <= 25;

/** Furniture recognisable from one line alone; prose, titles and teasers need their neighbours. */
export function lineFurniture(line: string): FurnitureKind | null {
  if (NAVIGATION.test(line)) return 'navigation';
  if (IMAGE_FILE.test(line)) return 'image file name'; // before DOMAIN: "iiiot.jpeg" looks like a host name
  if (DOMAIN.test(line)) return 'site name';
  if (/^\(\s*(?:(?:[a-z0-9-]+\.)+[a-z]{2,})\s*\)$/i.test(line)) return 'site name';
  if (DATE_LABEL.test(line) && isShort(line) && !isProse(line)) return 'date line';
  if (BYLINE.test(line) && isShort(line) && !isProse(line)) return 'byline';
  if (SHARE.test(line)) return 'share widget';
  if (VIEW_COUNTER.test(line)) return 'view counter';
  if (PHOTO_CREDIT.test(line)) return 'photo caption';
  return null;
}

/** The article's own prose: a full sentence or more, ending as sentences end. */
export function isProse(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean).length;
  return words >= 6 && /[.!?…]["'”’)\]]*$/.test(line);
}

/** A wire-style end marker closing the last paragraph: "(End)", "(完)", Xinhua's "Enditem". */
export const END_MARKER = /\s*(?:\((?:end|完)\)|\bEnditem)\s*$/i;
