// What a web page says about itself, read from its markup: never guessed from the text.

/** The parts of the DOM read here (linkedom's document, or a browser's). */
export interface PageDocument {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}
export interface PageElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

export interface PageMetadata {
  title: string | null;
  /** YYYY-MM-DD as the publisher printed it (their own time zone, not converted). */
  date: string | null;
  /** Which markup gave the date, for the report. */
  dateFrom: string | null;
  source: string | null;
  /** Absolute http(s) URL the page names as its own (canonical, else og:url). */
  url: string | null;
}

const clean = (text: string | null | undefined) => {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t || null;
};

const meta = (doc: PageDocument, ...keys: string[]) => {
  for (const key of keys) {
    const found = clean(doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content'));
    if (found) return found;
  }
  return null;
};

/** An ISO date or date-time ("2024-03-05T23:30:00-05:00") as the day it names, or null. */
export function isoDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** An absolute http(s) URL, resolved against the page's own address when relative; null otherwise. */
export function httpUrl(value: string | null | undefined, base?: string): string | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const ARTICLE_TYPES = /^(?:\w+)?(?:Article|BlogPosting|Report)$/; // NewsArticle, ReportageNewsArticle, BlogPosting, Article…

/** The page's JSON-LD article objects, including those inside an @graph; blocks that do not parse are ignored. */
function jsonLdArticles(doc: PageDocument): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    const types = ([] as unknown[]).concat(node['@type'] ?? []);
    if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) found.push(node);
    if (node['@graph']) visit(node['@graph']);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken block says nothing; the other metadata still counts.
    }
  }
  return found;
}

const nameOf = (value: unknown): string | null => {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return nameOf(value[0]);
  return isObject(value) ? clean(typeof value.name === 'string' ? value.name : null) : null;
};

/**
 * Title (og:title, else the first <h1>, else <title>), date (article:published_time, else JSON-LD
 * datePublished), publisher (og:site_name, else JSON-LD publisher.name) and canonical URL
 * (<link rel="canonical">, else og:url), each null when the page does not give it.
 */
export function pageMetadata(doc: PageDocument, pageUrl?: string): PageMetadata {
  const articles = jsonLdArticles(doc);
  const source = meta(doc, 'og:site_name') ?? articles.map((a) => nameOf(a.publisher)).find(Boolean) ?? null;
  let title = meta(doc, 'og:title') ?? clean(doc.querySelector('h1')?.textContent);
  if (!title) {
    title = clean(doc.querySelector('title')?.textContent);
    // "Headline | Site": the site's name is not part of the headline.
    if (title && source) title = title.replace(new RegExp(`\\s+[|·–—-]\\s+${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i'), '');
  }
  const metaDate = isoDay(meta(doc, 'article:published_time'));
  const ldDate = articles.map((a) => isoDay(a.datePublished)).find(Boolean) ?? null;
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  return {
    title,
    date: metaDate ?? ldDate,
    dateFrom: metaDate ? 'article:published_time' : ldDate ? 'JSON-LD datePublished' : null,
    source,
    url: httpUrl(canonical, pageUrl) ?? httpUrl(meta(doc, 'og:url'), pageUrl),
  };
}
