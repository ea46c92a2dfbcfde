// The whole surface of `citebot serve`: POST /interactions and GET /healthz. Anything
// else is 404, a known path with the wrong method 405 with Allow. No framework: two
// routes do not need one, and every microsecond here is paid on every interaction.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { errorFields, type Logger } from '../../process/logger.js';
import { refuse, sendJson } from './errorResponses.js';
import type { InFlight } from '../inFlight.js';
import type { CorpusStatus } from '../../app/liveCorpus.js';

export type Health = 'loading' | 'ready' | 'stopping';

export interface RoutesOptions {
  interactions: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  health: () => Health;
  /** The corpus being served, once it is loaded: reported by /healthz. */
  corpus: () => CorpusStatus | undefined;
  inFlight: InFlight;
  log: Logger;
}

/** The state; when ready, with the corpus served (digest, counts, last reload). */
const healthBody = (status: Health, corpus: CorpusStatus | undefined) =>
  JSON.stringify(status === 'ready' && corpus ? { status, corpus } : { status });

export function createRoutes({ interactions, health, corpus, inFlight, log }: RoutesOptions): RequestListener {
  return (req, res) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    // While shutting down, every response closes its connection so keep-alive clients move on.
    if (health() === 'stopping') res.setHeader('connection', 'close');

    if (path === '/interactions') {
      if (req.method !== 'POST') return refuse(res, 405, { allow: 'POST' });
      const work = interactions(req, res).catch((error: unknown) => {
        log.error('interaction request failed', { error: errorFields(error) });
        refuse(res, 500); // no-op if the answer already went
      });
      return inFlight.track(work);
    }
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, { allow: 'GET, HEAD' });
      // 503 until the index is loaded and again while shutting down, so a load balancer
      // sends traffic only to instances that can answer it. A failed reload keeps it 200:
      // the previous index goes on answering (the body says what failed).
      const state = health();
      return sendJson(res, state === 'ready' ? 200 : 503, healthBody(state, corpus()), { 'cache-control': 'no-store' });
    }
    refuse(res, 404);
  };
}
