/** What a scraped line is, when it is not the article's own prose. */
export type FurnitureKind =
  | 'navigation'
  | 'site name'
  | 'date line'
  | 'share widget'
  | 'image file name'
  | 'photo caption'
  | 'view counter'
  | 'teaser or menu item'
  | 'section label'
  | 'footer'
  | 'dateline'
  | 'end marker';

export const DOMAIN = /^(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})\/?$/i;
const FOOTER = /copyright|©|all rights reserved|ICP备|备案号|公网安备/i;
const NAVIGATION = /^home\s*(>|›|»|\/)/i;
const SHARE = /^(share\b.*|print|e-?mail|tweet|wechat|weibo|facebook|twitter|linkedin|whatsapp|copy link)$/i;
const IMAGE_FILE = /\.(jpe?g|png|gif|webp|bmp|svg)$/i;
const VIEW_COUNTER = /^\d[\d.,]*\s*[kmw万]?$/i;
// A credit closes a caption: "[Photo provided to China Daily]", "Photo by Sun Quan", "(Xinhua/Li Ming)".
const PHOTO_CREDIT = /(\[(photo|image|file photo)[^\]]*\]|\b(photo|photograph|image)s? (by|provided|courtesy|credit)\b[^.]*|\((photo|xinhua|ap|afp|reuters)[^)]*\))\s*$/i;

export const isFooterStart = (line: string) => FOOTER.test(line);

/** Furniture recognisable from one line alone; prose, titles and teasers need their neighbours. */
export function lineFurniture(line: string): FurnitureKind | null {
  if (NAVIGATION.test(line)) return 'navigation';
  if (IMAGE_FILE.test(line)) return 'image file name'; // before DOMAIN: "iiiot.jpeg" looks like a host name
  if (DOMAIN.test(line)) return 'site name';
  if (/^\(\s*(?:(?:[a-z0-9-]+\.)+[a-z]{2,})\s*\)$/i.test(line)) return 'site name';
  if (/^updated\s*:/i.test(line)) return 'date line';
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

/** A wire-style end marker such as "(End)" closing the last paragraph. */
export const END_MARKER = /\s*\((?:end|完)\)\s*$/i;
