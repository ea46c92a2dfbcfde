// A small web server on 127.0.0.1 for the ingest tests: each path answers as the test says (a
// page, a feed, a redirect, an error, a wrong type, nothing at all), and every request is counted.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route =
  | { body: string | Buffer; type?: string; status?: number }
  | { redirect: string; status?: number }
  /** Sends the headers, then never finishes the body: for timeouts. */
  | { hang: true };

export interface PageServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  url(path: string): string;
  /** Adds or replaces what a path answers. */
  route(path: string, route: Route): void;
  /** How many requests each path got. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startPageServer(routes: Record<string, Route> = {}): Promise<PageServer> {
  const table = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = table.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    } else if ('redirect' in route) {
      res.writeHead(route.status ?? 302, { location: route.redirect }).end();
    } else if ('hang' in route) {
      hanging.add(res);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<!doctype html><html><head><title>slow');
    } else {
      res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8' }).end(route.body);
    }
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, route) => void table.set(path, route),
    hits,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A news page as sites write them: metadata in the head, the story among site furniture. */
export function newsPage(page: { title: string; paragraphs: string[]; date?: string; site?: string; canonical?: string }): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${page.title}${page.site ? ` | ${page.site}` : ''}</title>
${page.canonical ? `<link rel="canonical" href="${page.canonical}">` : ''}
${page.site ? `<meta property="og:site_name" content="${page.site}">` : ''}
<meta property="og:title" content="${page.title}">
${page.date ? `<meta property="article:published_time" content="${page.date}T09:00:00Z">` : ''}
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${page.title}</h1><p class="byline">By Staff Reporter</p>
${page.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<section class="related"><h2>More stories</h2><ul><li><a href="/a">Another headline here</a></li><li><a href="/b">And one more</a></li></ul></section></main>
<footer><p>© 2024 ${page.site ?? 'The site'}. All rights reserved.</p></footer>
</body></html>`;
}

/** A short dated story with its publisher and no canonical link: recorded at the URL it is fetched from. */
export const FERRY_PAGE = newsPage({
  title: 'Ferry fares rise by a tenth from April',
  date: '2024-02-20',
  site: 'Harbour Post',
  paragraphs: [
    'Ferry fares across the harbour will rise by ten percent from the first of April, the operator said on Tuesday.',
    'A single crossing will cost 3.30 euros, up from 3.00 euros, while monthly passes rise to 58 euros.',
  ],
});
