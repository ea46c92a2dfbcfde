// RSS 2.0, RSS 1.0 (RDF) and Atom feeds read with fast-xml-parser: what ingest needs of each item,
// its page's address and, when it gives one, its publication day.
import { XMLParser } from 'fast-xml-parser';
import { httpUrl, isoDay } from './pageMetadata.js';

export interface FeedItem {
  /** The item's page (absolute http(s)), or null when the item gives none. */
  link: string | null;
  title: string | null;
  /** YYYY-MM-DD from pubDate / published / updated / dc:date, as the feed prints it. */
  date: string | null;
}

export interface Feed {
  format: 'RSS' | 'Atom';
  title: string | null;
  items: FeedItem[];
}

export class FeedError extends Error {
  override name = 'FeedError';
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // No entity beyond XML's own: a feed cannot expand into something else.
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Xml = Record<string, unknown>;
const isObject = (v: unknown): v is Xml => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An element's text: a plain value, or `#text` beside attributes. */
function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  if (isObject(value)) return text(value['#text']);
  if (typeof value === 'string' || typeof value === 'number') return String(value).replace(/\s+/g, ' ').trim() || null;
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RSS's RFC 822 date ("Tue, 05 Mar 2024 07:45:00 +0100") or an ISO one, as the day it names. */
export function feedDay(value: string | null): string | null {
  if (!value) return null;
  const iso = isoDay(value);
  if (iso) return iso;
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})\b/.exec(value);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  if (!m || month < 0) return null;
  const year = m[3]!.length === 2 ? Number(m[3]) + (Number(m[3]) < 50 ? 2000 : 1900) : Number(m[3]);
  return isoDay(`${year}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`);
}

/** Atom's <link rel="alternate" href>: the entry's page (a link without rel is alternate). */
function atomLink(links: unknown): string | null {
  const all = (Array.isArray(links) ? links : [links]).filter(isObject);
  const page = all.find((l) => (l['@rel'] ?? 'alternate') === 'alternate') ?? all[0];
  return page && typeof page['@href'] === 'string' ? page['@href'] : null;
}

/** The feed's items in the order it lists them; FeedError when the text is not an RSS or Atom feed. */
export function parseFeed(xml: string, feedUrl?: string): Feed {
  let doc: Xml;
  try {
    doc = parser.parse(xml, true) as Xml;
  } catch (error) {
    throw new FeedError(`it is not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
  if (isObject(doc.feed)) {
    const feed = doc.feed;
    const entries = (feed.entry as unknown[] | undefined) ?? [];
    return {
      format: 'Atom',
      title: text(feed.title),
      items: entries.filter(isObject).map((e) => ({
        link: httpUrl(atomLink(e.link), feedUrl),
        title: text(e.title),
        date: feedDay(text(e.published) ?? text(e.updated)),
      })),
    };
  }
  const channel = isObject(doc.rss) ? doc.rss.channel : isObject(doc.RDF) ? doc.RDF.channel : undefined;
  const itemsAt = isObject(doc.rss) ? (isObject(channel) ? channel.item : undefined) : isObject(doc.RDF) ? doc.RDF.item : undefined;
  if (!isObject(channel) && itemsAt === undefined)
    throw new FeedError('it is XML, but neither an RSS (<rss>, <rdf:RDF>) nor an Atom (<feed>) feed');
  const items = ((itemsAt as unknown[] | undefined) ?? []).filter(isObject);
  return {
    format: 'RSS',
    title: isObject(channel) ? text(channel.title) : null,
    items: items.map((item) => {
      const guid = item.guid;
      const permalink = isObject(guid) && guid['@isPermaLink'] === 'false' ? null : text(guid);
      return {
        link: httpUrl(text(item.link), feedUrl) ?? httpUrl(permalink, feedUrl),
        title: text(item.title),
        date: feedDay(text(item.pubDate) ?? text(item.date) ?? text(item.published)),
      };
    }),
  };
}
