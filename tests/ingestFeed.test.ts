// `citebot ingest --feed`: RSS and Atom from a server on 127.0.0.1 (or a file), each item's page
// ingested, idempotent by URL, bounded per run, and a report of what was added, skipped and unread.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../src/ingest/parseFeed.js';
import { citebotAsync, CRASH, ROOT, tempFolders } from './support/cli.js';
import { FERRY_PAGE, newsPage, startPageServer, type PageServer } from './support/pageServer.js';

const TRAM = readFileSync(join(ROOT, 'tests', 'fixtures', 'html', 'tram-line-opens.html'), 'utf8');
const TRAM_URL = 'https://www.northgatecourier.example/news/2024/03/05/harbourside-tram-line-opens';

const PAGES = {
  '/news/ferry': FERRY_PAGE,
  // No date in the page: the feed's pubDate dates it.
  '/news/market': newsPage({
    title: 'Fish market to stay open on Sundays',
    site: 'Harbour Post',
    paragraphs: [
      'The covered fish market will stay open on Sundays throughout the summer, its traders association decided on Monday.',
      'About forty stalls are expected to open from eight in the morning until two in the afternoon.',
    ],
  }),
};

const rssItem = (link: string, title: string, pubDate?: string) =>
  `<item><title>${title}</title><link>${link}</link>${pubDate ? `<pubDate>${pubDate}</pubDate>` : ''}<guid isPermaLink="false">${title}</guid></item>`;

let server: PageServer;
const folders = tempFolders('citebot-feed-');
beforeAll(async () => {
  server = await startPageServer({
    '/news/tram': { body: TRAM },
    ...Object.fromEntries(Object.entries(PAGES).map(([path, body]) => [path, { body }])),
  });
  const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour news</title><link>${server.origin}/</link>
${rssItem(server.url('/news/tram'), 'Harbourside tram line opens', 'Tue, 05 Mar 2024 06:45:00 GMT')}
${rssItem('/news/ferry', 'Ferry fares rise', 'Tue, 20 Feb 2024 08:00:00 +0000')}
${rssItem(server.url('/news/market'), 'Fish market to stay open on Sundays', 'Mon, 12 Feb 2024 17:30:00 +0100')}
${rssItem(server.url('/news/gone'), 'A story since removed', 'Sun, 11 Feb 2024 10:00:00 +0000')}
</channel></rss>`;
  server.route('/feed.rss', { body: rss, type: 'application/rss+xml; charset=utf-8' });
  server.route('/broken.rss', {
    body: `<rss version="2.0"><channel><title>Gone</title>${rssItem(server.url('/gone/1'), 'One')}${rssItem(server.url('/gone/2'), 'Two')}</channel></rss>`,
    type: 'application/rss+xml',
  });
  server.route('/atom.xml', {
    type: 'application/atom+xml',
    body: `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Post</title>
<entry><title>Ferry fares rise</title><link rel="alternate" type="text/html" href="${server.url('/news/ferry')}"/><link rel="enclosure" href="${server.url('/img.jpg')}"/><id>tag:harbour,2024:1</id><published>2024-02-20T08:00:00Z</published><updated>2024-02-21T08:00:00Z</updated></entry>
<entry><title>Fish market</title><link href="${server.url('/news/market')}"/><id>tag:harbour,2024:2</id><updated>2024-02-12T17:30:00+01:00</updated></entry>
</feed>`,
  });
});
afterAll(async () => {
  await server.close();
  folders.removeAll();
});

const ingestFeed = (dir: string, feed: string, ...flags: string[]) => citebotAsync(['ingest', '--corpus', dir, '--feed', feed, ...flags]);
const articles = (dir: string) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort();

describe('citebot ingest --feed', () => {
  it('RSS: adds each readable item, dates a page without a date by its pubDate, reports what it could not read', async () => {
    const dir = folders.make();
    const run = await ingestFeed(dir, server.url('/feed.rss'));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('feed: Harbour news (RSS, 4 items)');
    expect(run.stdout).toContain(
      `added ${server.url('/news/tram')} -> harbourside-tram-line-opens-after-four (2024-03-05: Harbourside tram line opens after four years of works)`,
    );
    expect(run.stdout).toContain(`added ${server.url('/news/ferry')} -> ferry-fares-rise-by-a-tenth-from-april`);
    expect(run.stdout).toContain(`added ${server.url('/news/market')} -> fish-market-to-stay-open-on-sundays (2024-02-12:`);
    expect(run.stdout).toContain(`could not read ${server.url('/news/gone')}: the server answered HTTP 404 Not Found: nothing was written`);
    expect(run.stdout).toContain(`feed ${server.url('/feed.rss')}: 3 added, 0 skipped (already in the corpus), 1 could not be read`);
    expect(run.stdout).toContain('A running bot, serve or console picks it up within a few seconds; otherwise restart it.');
    expect(articles(dir)).toEqual([
      'ferry-fares-rise-by-a-tenth-from-april.md',
      'fish-market-to-stay-open-on-sundays.md',
      'harbourside-tram-line-opens-after-four.md',
    ]);
    const market = readFileSync(join(dir, 'fish-market-to-stay-open-on-sundays.md'), 'utf8');
    expect(market).toContain('date: 2024-02-12');
    expect(market).toContain('dateNote: "The page prints no date: this is the publication date the feed Harbour news gives for it."');
    expect(readFileSync(join(dir, 'harbourside-tram-line-opens-after-four.md'), 'utf8')).toContain(`url: ${TRAM_URL}`);
    expect(readdirSync(join(dir, 'raw')).sort()).toEqual(articles(dir).map((n) => n.replace(/\.md$/, '.html')));
  });

  it('run again: adds nothing, skips what it has by URL without fetching it again', async () => {
    const dir = folders.make();
    expect((await ingestFeed(dir, server.url('/feed.rss'))).status).toBe(0);
    const fetchedBefore = server.hits.get('/news/ferry');
    const again = await ingestFeed(dir, server.url('/feed.rss'));
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`skipped ${server.url('/news/ferry')}: already in the corpus as ferry-fares-rise-by-a-tenth-from-april`);
    expect(again.stdout).toContain('0 added, 3 skipped (already in the corpus), 1 could not be read');
    expect(again.stdout).not.toMatch(/picks it up/);
    expect(server.hits.get('/news/ferry')).toBe(fetchedBefore);
    expect(articles(dir)).toHaveLength(3);
  });

  it('Atom, from a file: the alternate link of each entry; an item already ingested from a page is skipped', async () => {
    const dir = folders.make();
    expect((await citebotAsync(['ingest', '--corpus', dir, server.url('/news/ferry')])).status).toBe(0);
    const file = join(dir, 'feed.atom');
    writeFileSync(file, await (await fetch(server.url('/atom.xml'))).text());
    const run = await ingestFeed(dir, file);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('feed: Harbour Post (Atom, 2 items)');
    expect(run.stdout).toContain('1 added, 1 skipped (already in the corpus), 0 could not be read');
    expect(readFileSync(join(dir, 'fish-market-to-stay-open-on-sundays.md'), 'utf8')).toContain('date: 2024-02-12');
  });

  it('--max-items bounds the pages fetched in a run; the next run goes on where it stopped', async () => {
    const dir = folders.make();
    const first = await ingestFeed(dir, server.url('/feed.rss'), '--max-items', '2');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(
      '2 added, 0 skipped (already in the corpus), 0 could not be read; 2 more new items left for the next run (--max-items 2)',
    );
    const second = await ingestFeed(dir, server.url('/feed.rss'), '--max-items', '2');
    expect(second.stdout).toContain('1 added, 2 skipped (already in the corpus), 1 could not be read');
    expect(articles(dir)).toHaveLength(3);
  });

  it('fails only when it could read nothing at all', async () => {
    const dir = folders.make();
    const run = await ingestFeed(dir, server.url('/broken.rss'));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('0 added, 0 skipped (already in the corpus), 2 could not be read');
    expect(run.stderr).toContain("none of the feed's 2 item(s) could be read");
    expect(run.stderr).not.toMatch(CRASH);
  });

  it('a feed that is not a feed, or cannot be fetched, is one sentence and nothing written', async () => {
    const dir = folders.make();
    const page = await ingestFeed(dir, server.url('/news/tram'));
    expect(page.status).toBe(1);
    expect(page.stderr).toMatch(/it is "text\/html", not an RSS or Atom feed .*: nothing was written/);
    const notXml = join(dir, 'notes.xml');
    writeFileSync(notXml, '<notes><note>hello</note></notes>');
    const other = await ingestFeed(dir, notXml);
    expect(other.status).toBe(1);
    expect(other.stderr).toContain('it is XML, but neither an RSS (<rss>, <rdf:RDF>) nor an Atom (<feed>) feed: nothing was written');
    expect(articles(dir)).toEqual([]);
  });

  it('refuses flags that name one article', async () => {
    const run = await ingestFeed(folders.make(), server.url('/feed.rss'), '--title', 'x');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--id, --title and --date name one article/);
  });
});

describe('parseFeed', () => {
  it('reads RSS 1.0 (RDF) items and dc:date', () => {
    const feed = parseFeed(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Old</title></channel><item><title>A</title><link>https://example.org/a</link><dc:date>2020-05-01T10:00:00Z</dc:date></item></rdf:RDF>`,
    );
    expect(feed).toEqual({ format: 'RSS', title: 'Old', items: [{ link: 'https://example.org/a', title: 'A', date: '2020-05-01' }] });
  });

  it('refuses text that is not XML', () => {
    expect(() => parseFeed('<rss><channel>')).toThrow(/not well-formed XML/);
  });
});
