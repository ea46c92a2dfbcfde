import { splitSentences } from '../text/splitSentences.js';
import { datelineDate, findDateline, parseWrittenDate, yearForDateline } from './findDates.js';
import { DOMAIN, END_MARKER, isFooterStart, isProse, lineFurniture, type FurnitureKind } from './furniture.js';

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
  let dateNote: string | undefined;
  let source: string | null = null;
  let fallbackSource: string | null = null;
  let title: string | null = null;

  const lines = raw.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim());
  const footerAt = lines.findIndex(isFooterStart);
  const body = footerAt === -1 ? lines : lines.slice(0, footerAt);
  if (footerAt !== -1) for (const line of lines.slice(footerAt)) if (line) remove('footer', line);

  for (const line of body) {
    if (!line) continue;
    const kind = lineFurniture(line);
    if (kind === 'date line') {
      // "Updated: Dec 18, 2020 wuxinews.com.cn Print": the title is the line just above.
      date ??= parseWrittenDate(line);
      source ??= domainIn(line.replace(/^updated\s*:/i, ''));
      title ??= shortLines.at(-1)?.text ?? null;
      remove(kind, line);
    } else if (kind === 'site name') {
      const domain = line.replace(/[()]/g, '').trim();
      if (line.startsWith('(')) source ??= domain;
      else fallbackSource ??= domain;
      remove(kind, line);
    } else if (kind) {
      remove(kind, line);
    } else if (isProse(line) || (paragraphs.length > 0 && END_MARKER.test(line))) {
      let text = line;
      const end = END_MARKER.exec(text);
      if (end) {
        remove('end marker', end[0].trim());
        text = text.slice(0, end.index);
      }
      paragraphs.push(text);
    } else {
      shortLines.push({ text: line, beforeProse: paragraphs.length === 0 });
    }
  }

  // Without a date line, the title is the first short line above the prose.
  const beforeProse = shortLines.filter((l) => l.beforeProse);
  title ??= beforeProse.at(-1)?.text ?? null;
  for (const line of shortLines) {
    if (line.text === title) continue;
    remove(line.beforeProse ? 'section label' : 'teaser or menu item', line.text);
  }

  const first = paragraphs[0];
  const dateline = first ? findDateline(first) : null;
  if (dateline && first) {
    paragraphs[0] = first.slice(dateline.text.length).trim();
    remove('dateline', dateline.text);
    if (!date) {
      const year = yearForDateline(dateline, paragraphs.join(' '));
      const found = year ? datelineDate(dateline, year.year) : null;
      if (year && found) {
        date = found;
        dateNote = `The article prints no year: its dateline "${dateline.text}" gives the day, and ${year.evidence}.`;
      }
    }
  }

  const unknown: string[] = [];
  if (!title) unknown.push('title: the text prints none (give one with --title)');
  if (!date) unknown.push('date: no "Updated:" line or dateline with a year (give one with --date YYYY[-MM[-DD]], or --undated)');
  source ??= fallbackSource;
  if (!source) unknown.push('publisher: no site is named in the text (give one with --source)');
  if (paragraphs.length === 0) unknown.push('body: no paragraphs of prose were found');
  return { title, date, ...(dateNote ? { dateNote } : {}), source, paragraphs, removed, unknown };
}

function domainIn(text: string): string | null {
  for (const word of text.split(/\s+/)) {
    const m = DOMAIN.exec(word.replace(/[(),]/g, ''));
    if (m) return m[1]!.toLowerCase();
  }
  return null;
}

/** A short, stable, URL-safe id from a title: "wuxi-beijing-seek-cooperation-on-emerging". */
export function slugId(title: string, maxLength = 40): string {
  const words = title.toLowerCase().normalize('NFKD').replace(/['’]/g, '').replace(/[^\p{L}\p{N}\s-]/gu, ' ').split(/[\s-]+/).filter(Boolean);
  let id = '';
  for (const word of words) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > maxLength) break;
    id = next;
  }
  // A cut title should not end on a dangling "on" or "the".
  id = id.replace(/(-(a|an|the|of|on|in|to|for|and|with|at|by|from))+$/, '');
  return id.replace(/[^a-z0-9-]/g, '') || 'article';
}

/** Every sentence the ingested body will be split into, for reporting counts. */
export const ingestedSentences = (article: IngestedArticle) => article.paragraphs.flatMap((p) => splitSentences(p));
