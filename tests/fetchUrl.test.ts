// Fetching a page for ingest is bounded, and each way it can fail is one sentence: tested against
// a real server on 127.0.0.1 (and, for DNS, Node's own error shape: no lookup leaves the machine).
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFailure, fetchUrl, FetchError, HTML_PAGE, FEED } from '../src/ingest/fetchUrl.js';
import { citebotAsync, CRASH, tempFolders } from './support/cli.js';
import { startPageServer, type PageServer } from './support/pageServer.js';

const LIMITS = { timeoutMs: 5_000, maxBytes: 64 * 1024, maxRedirects: 3 };
const PAGE = '<!doctype html><html><body><p>Hello.</p></body></html>';

let server: PageServer;
let closedPort: number;
const folders = tempFolders('citebot-fetch-');
beforeAll(async () => {
  server = await startPageServer({
    '/page': { body: PAGE },
    '/latin1': { body: Buffer.from('<!doctype html><p>Caf\xe9 cr\xe8me.</p>', 'latin1'), type: 'text/html; charset=iso-8859-1' },
    '/hop1': { redirect: '/hop2' },
    '/hop2': { redirect: '/page' },
    '/loop': { redirect: '/loop' },
    '/to-ftp': { redirect: 'ftp://example.com/file' },
    '/big': { body: `<!doctype html><p>${'x'.repeat(100 * 1024)}</p>` },
    '/pdf': { body: '%PDF-1.7', type: 'application/pdf' },
    '/untyped': { body: PAGE, type: '' },
    '/error': { body: 'oops', status: 500 },
    '/slow': { hang: true },
    '/feed': { body: '<rss version="2.0"><channel></channel></rss>', type: 'application/rss+xml' },
  });
  // A port nobody listens on: taken, then given back.
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(async () => {
  await server.close();
  folders.removeAll();
});

const failure = (path: string, limits = LIMITS, wanted = HTML_PAGE) =>
  fetchUrl(server.url(path), wanted, limits).then(
    () => {
      throw new Error('expected a FetchError');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(FetchError);
      return (error as Error).message;
    },
  );

describe('fetching a page', () => {
  it('follows redirects up to the limit and reports where the page came from', async () => {
    const fetched = await fetchUrl(server.url('/hop1'), HTML_PAGE, LIMITS);
    expect(fetched).toMatchObject({ url: server.url('/page'), text: PAGE });
  });

  it('reads the character set the server declares', async () => {
    expect((await fetchUrl(server.url('/latin1'), HTML_PAGE, LIMITS)).text).toContain('Café crème.');
  });

  it('takes a feed only where a feed is wanted', async () => {
    expect((await fetchUrl(server.url('/feed'), FEED, LIMITS)).text).toContain('<rss');
    expect(await failure('/feed')).toBe('it is "application/rss+xml", not an HTML page (text/html)');
  });

  it.each([
    ['/loop', 'more than 3 redirects (the last to /loop): give the final address instead'],
    ['/to-ftp', 'it redirects to ftp://example.com/file, which is not an http(s) address'],
    ['/big', 'it is larger than the 64 KB allowed (CITEBOT_FETCH_MAX_KB)'],
    ['/pdf', 'it is "application/pdf", not an HTML page (text/html)'],
    ['/untyped', 'it is of no stated type, not an HTML page (text/html)'],
    ['/error', 'the server answered HTTP 500 Internal Server Error'],
    ['/missing', 'the server answered HTTP 404 Not Found'],
  ])('%s: %s', async (path, message) => {
    expect(await failure(path)).toBe(message);
  });

  it('gives up on a server that never finishes, after the timeout', async () => {
    expect(await failure('/slow', { ...LIMITS, timeoutMs: 1_000 })).toBe('no complete answer within 1 s (CITEBOT_FETCH_TIMEOUT_SECONDS)');
  });

  it('says a refused connection is refused', async () => {
    await expect(fetchUrl(`http://127.0.0.1:${closedPort}/page`, HTML_PAGE, LIMITS)).rejects.toThrow(
      `the connection to 127.0.0.1:${closedPort} was refused (is the address right and the server up?)`,
    );
  });

  it('names a host name DNS does not know', () => {
    const error = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }),
    });
    expect(fetchFailure(error, new URL('https://no-such-site.example/a'), LIMITS).message).toBe(
      'the host name "no-such-site.example" could not be found (DNS): check the address',
    );
  });

  it('refuses what is not an http(s) URL', async () => {
    await expect(fetchUrl('file:///etc/passwd', HTML_PAGE, LIMITS)).rejects.toThrow('not an http:// or https:// URL');
  });
});

describe('citebot ingest URL', () => {
  it('prints each failure as one sentence naming the URL, writes nothing, and reads its limits from the settings', async () => {
    const dir = folders.make();
    const run = await citebotAsync(
      ['ingest', '--corpus', dir, server.url('/big'), server.url('/pdf'), `http://127.0.0.1:${closedPort}/x`],
      {
        env: { CITEBOT_FETCH_MAX_KB: '16' },
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${server.url('/big')}: it is larger than the 16 KB allowed (CITEBOT_FETCH_MAX_KB): nothing was written`);
    expect(run.stderr).toContain(`${server.url('/pdf')}: it is "application/pdf", not an HTML page (text/html): nothing was written`);
    expect(run.stderr).toMatch(/was refused \(is the address right and the server up\?\): nothing was written/);
    expect(run.stderr).toMatch(/3 of 3 page\(s\) not ingested/);
    expect(run.stderr).not.toMatch(CRASH);
  });

  it('refuses a malformed fetch setting with the variable named', async () => {
    const run = await citebotAsync(['ingest', '--corpus', folders.make(), server.url('/page')], {
      env: { CITEBOT_FETCH_TIMEOUT_SECONDS: 'soon' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/CITEBOT_FETCH_TIMEOUT_SECONDS must be a whole number/);
  });
});
