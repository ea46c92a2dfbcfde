import { splitSentences } from '../text/splitSentences.js';
import { parseWrittenDate, takeDateline, type Dateline } from './findDates.js';
import { END_MARKER, isFooterStart, isProse, lineFurniture, type FurnitureKind } from './furniture.js';
import { domainIn, wireAgency } from './publisher.js';

export interface RemovedText {
  kind: FurnitureKind;
  text: string;
}

export interface IngestedArticle {
  title: string | null;
  date: string | null;
  dateNote?: string;
  source: string | null;
  paragraphs: string[];
  removed: RemovedText[];
  /** Plain-language list of what could not be determined from the text. */
  unknown: string[];
}

// Short lines of these kinds, two in a row after the prose, mean the article is over and the
// page has moved on to teasers and menus. Captions do not count: they sit between paragraphs.
const PAGE_FURNITURE: ReadonlySet<FurnitureKind | 'short line'> = new Set([
  'short line',
  'image file name',
  'view counter',
  'share widget',
  'navigation',
  'byline',
  'site name',
]);

/**
 * Separates a scraped news page into the article (title, date, publisher, paragraphs)
 * and the site furniture around it. Works line by line, as scrapes keep one block per line.
 */
export function ingestRawArticle(raw: string): IngestedArticle {
  const removed: RemovedText[] = [];
  const remove = (kind: FurnitureKind, text: string) => removed.push({ kind, text });
  const paragraphs: string[] = [];
  const shortLines: { text: string; beforeProse: boolean }[] = [];
  let date: string | null = null;
  let dateLine: string | null = null;
  let source: string | null = null;
  let fallbackSource: string | null = null;
  let title: string | null = null;
  let furnitureRun = 0;
  let articleEnded = false;

  const lines = raw
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim());
  const footerAt = lines.findIndex(isFooterStart);
  const body = footerAt === -1 ? lines : lines.slice(0, footerAt);
  if (footerAt !== -1) for (const line of lines.slice(footerAt)) if (line) remove('footer', line);

  for (const line of body) {
    if (!line) continue;
    const kind = lineFurniture(line);
    if (kind === 'date line') {
      // "Updated: Dec 18, 2020 wuxinews.com.cn Print": the title is the line just above.
      dateLine ??= line;
      date ??= parseWrittenDate(line);
      source ??= domainIn(line.replace(/\b(updated|published|posted)\s*[:：]/gi, ' '));
      if (paragraphs.length === 0) title ??= shortLines.at(-1)?.text ?? null;
      remove(kind, line);
    } else if (kind === 'site name') {
      const domain = line.replace(/[()]/g, '').trim();
      if (line.startsWith('(')) source ??= domain;
      else fallbackSource ??= domain;
      remove(kind, line);
    } else if (kind) {
      remove(kind, line);
    } else if (isProse(line) || (paragraphs.length > 0 && END_MARKER.test(line))) {
      // After the article has ended, a one-sentence "paragraph" is a teaser headline ("Why are ...?").
      if (articleEnded && splitSentences(line).length === 1) {
        remove('teaser or menu item', line);
        continue;
      }
      const end = END_MARKER.exec(line);
      if (end) remove('end marker', end[0].trim());
      const text = end ? line.slice(0, end.index).trim() : line;
      if (text) paragraphs.push(text);
      articleEnded = Boolean(end);
      furnitureRun = 0;
      continue;
    } else {
      shortLines.push({ text: line, beforeProse: paragraphs.length === 0 });
    }
    if (paragraphs.length > 0 && PAGE_FURNITURE.has(kind ?? 'short line')) {
      if (++furnitureRun >= 2) articleEnded = true;
    } else {
      furnitureRun = 0;
    }
  }

  // Without a date line, the title is the last short line above the prose.
  title ??= shortLines.filter((l) => l.beforeProse).at(-1)?.text ?? null;
  for (const line of shortLines) {
    if (line.text === title) continue;
    remove(line.beforeProse ? 'section label' : 'teaser or menu item', line.text);
  }

  const dated = paragraphs[0] ? takeDateline(paragraphs[0], paragraphs.join(' ')) : null;
  let dateNote: string | undefined;
  if (dated) {
    paragraphs[0] = dated.rest;
    remove('dateline', dated.dateline.text);
    if (!date && dated.date) {
      date = dated.date;
      dateNote = dated.note;
    }
  }
  // A site credited next to the date outranks a wire agency, which outranks a bare site header.
  source ??= wireAgency(dated?.dateline.credit ?? null) ?? fallbackSource;

  const unknown: string[] = [];
  if (!title) unknown.push('title: the text prints none (give one with --title)');
  if (!date) unknown.push(`date: ${whyNoDate(dateLine, dated?.dateline ?? null)} (give one with --date YYYY[-MM[-DD]], or --undated)`);
  if (!source) unknown.push('publisher: no site is named in the text (give one with --source)');
  if (paragraphs.length === 0) unknown.push('body: no paragraphs of prose were found');
  return { title, date, ...(dateNote ? { dateNote } : {}), source, paragraphs, removed, unknown };
}

function whyNoDate(dateLine: string | null, dateline: Dateline | null): string {
  if (dateLine) return `the line "${dateLine}" holds no date that can be read`;
  if (dateline) return `the dateline "${dateline.text}" gives the day but no year, and the text names no year with that month`;
  return 'no "Updated:" line, and no dateline with a year';
}

/** Every sentence the ingested body will be split into, for reporting counts. */
export const ingestedSentences = (article: IngestedArticle) => article.paragraphs.flatMap((p) => splitSentences(p));
