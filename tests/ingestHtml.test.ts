// HTML news pages, from a file and from a URL on 127.0.0.1: the article's own sentences only,
// with the metadata the page gives (and only that), the page kept in raw/ for provenance.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ingestPage } from '../src/ingest/ingestPage.js';
import { looksLikeHtml } from '../src/ingest/looksLikeHtml.js';
import { citebot, citebotAsync, CRASH, ROOT, tempFolders } from './support/cli.js';
import { FERRY_PAGE, startPageServer, type PageServer } from './support/pageServer.js';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'html', 'tram-line-opens.html');
const PAGE = readFileSync(FIXTURE, 'utf8');
const CANONICAL = 'https://www.northgatecourier.example/news/2024/03/05/harbourside-tram-line-opens';
const ID = 'harbourside-tram-line-opens-after-four';

/** The story's seven paragraphs, as the page prints them between its furniture. */
const STORY = [
  'The Harbourside tram line opened to passengers on Monday, four years after construction began and eight months later than planned.',
  'The 12-kilometre line links the ferry terminal with the university campus through 17 stops, and trams run every six minutes at peak hours.',
  "The project cost 412 million euros, of which the national government paid 160 million and the European Union 48 million, according to the city's transport authority.",
  'Deputy mayor Anna Okafor said the line would carry about 38,000 passengers a day in its first year. "It is the biggest change to how people move around this city since the bridge opened in 1969," she said.',
  'Delays were caused mainly by the discovery of a medieval harbour wall near Fish Market Square, which archaeologists spent five months excavating in 2022.',
  'Fares are the same as on city buses, and passengers can transfer between trams and buses within 90 minutes on a single ticket.',
  'A second line, to the airport, is due to open in 2027 if the city council approves its budget in June.',
];

const folders = tempFolders('citebot-ingest-html-');
let server: PageServer;
beforeAll(async () => {
  server = await startPageServer({
    '/news/tram': { body: PAGE },
    '/short/tram': { redirect: '/news/tram', status: 301 },
    '/no-canonical': {
      body: FERRY_PAGE,
    },
  });
});
afterAll(async () => {
  await server.close();
  folders.removeAll();
});

function article(dir: string, id: string) {
  const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)\n$/.exec(readFileSync(join(dir, `${id}.md`), 'utf8'))!;
  return { meta: parse(m[1]!) as Record<string, unknown>, paragraphs: m[2]!.split('\n\n') };
}

const mdFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.md'));

describe('an HTML news page', () => {
  it('from a file: only the story, with its title, date, publisher and canonical URL; the page kept in raw/', () => {
    const dir = folders.make();
    const run = citebot(['ingest', '--corpus', dir, FIXTURE]);
    expect(run.status, run.stderr).toBe(0);
    expect(mdFiles(dir)).toEqual([`${ID}.md`]);
    const { meta, paragraphs } = article(dir, ID);
    expect(meta).toEqual({
      id: ID,
      title: 'Harbourside tram line opens after four years of works',
      date: '2024-03-05',
      source: 'The Northgate Courier',
      url: CANONICAL,
    });
    expect(paragraphs).toEqual(STORY);
    expect(readFileSync(join(dir, 'raw', `${ID}.html`), 'utf8')).toBe(PAGE);
    expect(run.stdout).toMatch(/removed 3 advertisement lines/);
    expect(run.stdout).toMatch(/A running bot, serve or console picks it up within a few seconds; otherwise restart it\./);
  });

  it('from a URL on 127.0.0.1, through a redirect: the same article, recorded at the URL the page names as canonical', async () => {
    const dir = folders.make();
    const run = await citebotAsync(['ingest', '--corpus', dir, server.url('/short/tram')]);
    expect(run.status, run.stderr).toBe(0);
    const { meta, paragraphs } = article(dir, ID);
    expect(meta.url).toBe(CANONICAL);
    expect([meta.title, meta.date, meta.source]).toEqual([
      'Harbourside tram line opens after four years of works',
      '2024-03-05',
      'The Northgate Courier',
    ]);
    expect(paragraphs).toEqual(STORY);
    expect(readFileSync(join(dir, 'raw', `${ID}.html`), 'utf8')).toBe(PAGE);
  });

  it('from a URL, a page naming no canonical URL is recorded at the address it was fetched from', async () => {
    const dir = folders.make();
    const run = await citebotAsync(['ingest', '--corpus', dir, server.url('/no-canonical')]);
    expect(run.status, run.stderr).toBe(0);
    const { meta, paragraphs } = article(dir, 'ferry-fares-rise-by-a-tenth-from-april');
    expect(meta).toMatchObject({ url: server.url('/no-canonical'), date: '2024-02-20', source: 'Harbour Post' });
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs.join(' ')).not.toMatch(/More stories|Another headline|All rights reserved|Staff Reporter/);
  });

  it('from a file that names no canonical URL: url stays null and the report says so', () => {
    const dir = folders.make();
    const file = join(dir, 'saved.html');
    writeFileSync(file, PAGE.replace(/<link rel="canonical"[^>]*>/, '').replace(/<meta property="og:url"[^>]*>/, ''));
    const run = citebot(['ingest', '--corpus', join(dir), file]);
    expect(run.status, run.stderr).toBe(0);
    expect(article(dir, ID).meta.url).toBeNull();
    expect(run.stdout).toMatch(/could not determine url: the page names no canonical URL/);
  });

  it('then ask --json answers from it, with the URL', async () => {
    const dir = folders.make();
    expect((await citebotAsync(['ingest', '--corpus', dir, server.url('/news/tram')])).status).toBe(0);
    const asked = citebot(['ask', '--corpus', dir, '--json', 'how much did the Harbourside tram line cost?']);
    expect(asked.status, asked.stderr).toBe(0);
    const reply = JSON.parse(asked.stdout) as { answered: boolean; answers: { quote: string; url: string | null; date: string }[] };
    expect(reply.answered).toBe(true);
    expect(reply.answers[0]).toMatchObject({ quote: STORY[2], url: CANONICAL, date: '2024-03-05' });
  });

  it('flags still win over what the page says', () => {
    const dir = folders.make();
    const run = citebot([
      'ingest',
      '--corpus',
      dir,
      '--title',
      'Tram opens',
      '--date',
      '2024-03-04',
      '--source',
      'Courier',
      '--id',
      'tram',
      FIXTURE,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(article(dir, 'tram').meta).toMatchObject({ title: 'Tram opens', date: '2024-03-04', source: 'Courier', url: CANONICAL });
  });

  it('the same page again is no change; an edited headline under the same URL is not a second article', () => {
    const dir = folders.make();
    expect(citebot(['ingest', '--corpus', dir, FIXTURE]).status).toBe(0);
    const again = citebot(['ingest', '--corpus', dir, FIXTURE]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/already in the corpus, unchanged/);
    const edited = join(dir, 'edited.html');
    writeFileSync(edited, PAGE.replaceAll('Harbourside tram line opens after four years of works', 'Harbourside trams finally running'));
    const run = citebot(['ingest', '--corpus', dir, edited]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`-> ${ID} .*already in the corpus with this URL, nothing written`));
    expect(mdFiles(dir)).toEqual([`${ID}.md`]);
    expect(run.stdout).not.toMatch(/picks it up/);
  });
});

describe('metadata is taken from the page, never invented', () => {
  const ingestPage = (html: string, ...flags: string[]) => {
    const dir = folders.make();
    const file = join(dir, 'page.html');
    writeFileSync(file, html);
    return { dir, run: citebot(['ingest', '--corpus', dir, ...flags, file]) };
  };
  const paragraphs = [
    'The harbour authority said on Friday that container traffic grew by 4.2 percent last year to a record 1.9 million boxes.',
    'Most of the growth came from a new weekly service to Rotterdam that started in May, the authority added in its annual report.',
  ];
  const body = `<article><h1>Container traffic reaches a record</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>`;

  it('a date and publisher from JSON-LD inside @graph; the title from <h1>', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage' },
        { '@type': 'NewsArticle', datePublished: '2023-11-17T23:30:00-05:00', publisher: { '@type': 'Organization', name: 'Port Daily' } },
      ],
    };
    const { dir, run } = ingestPage(
      `<!doctype html><html><head><script type="application/ld+json">${JSON.stringify(graph)}</script></head><body>${body}</body></html>`,
    );
    expect(run.status, run.stderr).toBe(0);
    // The day the publisher printed, in its own time zone: not moved to 18 November by UTC.
    expect(article(dir, 'container-traffic-reaches-a-record').meta).toMatchObject({
      title: 'Container traffic reaches a record',
      date: '2023-11-17',
      source: 'Port Daily',
      url: null,
    });
  });

  it('a page that gives no date is refused without --date or --undated, and nothing is written', () => {
    const { dir, run } = ingestPage(
      `<!doctype html><html><head><title>Container traffic reaches a record</title></head><body>${body}</body></html>`,
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no publication date found .*: nothing was written; give --date YYYY\[-MM\[-DD\]\], or --undated/);
    expect(run.stderr).not.toMatch(CRASH);
    expect(readdirSync(dir)).toEqual(['page.html']);
    expect(existsSync(join(dir, 'raw'))).toBe(false);
  });

  it('without og:title or <h1>, the title is <title> without the site name after it', () => {
    const html = `<!doctype html><html><head><title>Container traffic reaches a record | Port Daily</title><meta property="og:site_name" content="Port Daily"></head><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const { dir, run } = ingestPage(html, '--undated');
    expect(run.status, run.stderr).toBe(0);
    expect(article(dir, 'container-traffic-reaches-a-record').meta).toMatchObject({
      title: 'Container traffic reaches a record',
      source: 'Port Daily',
      date: null,
    });
  });
});

describe('an HTML file is never read as a text scrape', () => {
  it('tells HTML from text by what the file holds', () => {
    expect(looksLikeHtml(PAGE)).toBe(true);
    expect(looksLikeHtml('<p>\nOne paragraph.\n</p>\n<p>\nAnother.\n</p>')).toBe(true);
    for (const name of readdirSync(join(ROOT, 'corpus', 'raw')))
      expect(looksLikeHtml(readFileSync(join(ROOT, 'corpus', 'raw', name), 'utf8')), name).toBe(false);
    expect(looksLikeHtml('Prices rose 3% as 2 < 3 and 5 > 4 in the index.')).toBe(false);
  });

  it('<p> on lines of their own, in a .txt file: every paragraph kept, no markup written', () => {
    const dir = folders.make();
    const file = join(dir, 'scrape.txt');
    const story = [
      'The city library will open on Sundays from next month, the council said on Wednesday.',
      'Opening hours on Sundays will be from noon to five in the afternoon at the central branch.',
      'The change costs about 120,000 euros a year and is paid for by a private foundation.',
      'Two branch libraries in the suburbs will follow in the autumn if visitor numbers are high enough.',
    ];
    writeFileSync(file, story.map((p) => `<p>\n${p}\n</p>`).join('\n'));
    const run = citebot(['ingest', '--corpus', dir, '--date', '2024-01-10', file]);
    expect(run.status, run.stderr).toBe(0);
    const [md] = mdFiles(dir);
    expect(md).toMatch(/^the-city-library-will-open-on-sundays/);
    const { meta, paragraphs } = article(dir, md!.replace(/\.md$/, ''));
    expect(paragraphs).toEqual(story);
    expect(String(meta.title)).not.toMatch(/[<>]/);
  });
});

describe('bad markup never stops ingest', () => {
  it.each([
    ['unclosed tags', '<p>The council approved the budget on Monday after a debate of six hours. <b>It passed <i>by one vote.'],
    [
      'broken JSON-LD and a javascript: canonical link',
      '<html><head><script type="application/ld+json">{"@type": "NewsArticle",</script><link rel="canonical" href="javascript:alert(1)"></head><body><p>The council approved the budget on Monday after a debate of six hours.</p></body></html>',
    ],
    [
      'thousands of nested elements',
      `<html><body>${'<div>'.repeat(3000)}<p>The council approved the budget on Monday after a debate of six hours.</p>${'</div>'.repeat(3000)}</body></html>`,
    ],
  ])('%s: the prose is still found, and nothing is made up', (_what, html) => {
    const page = ingestPage(html);
    expect(page.format).toBe('html');
    expect(page.paragraphs[0]).toMatch(/^The council approved the budget on Monday after a debate of six hours\./);
    expect([page.url, page.date, page.source]).toEqual([null, null, null]);
  });
});
