// A steady stream of signed interactions: `workers` clients, each sending its next request
// as soon as the last one is answered (or after `gapMs`), until stopped. Every request's
// outcome is kept — sent in full or not, status, Connection header, error — so the caller
// can prove that none went unanswered. Used by the drain test (keep-alive clients straight
// to serve) and the deploy check (HTTPS through nginx).
import { request as httpRequest, type Agent } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { signatureHeaders, type KeyPair } from './discordSigning.js';

export interface Outcome {
  worker: number;
  /** What was sent (before JSON). */
  payload: unknown;
  /** performance.now() when the request started and when it ended (answered or failed). */
  startedAt: number;
  endedAt: number;
  /** Every byte of the request was handed to the network (Node's 'finish'). */
  sent: boolean;
  /** Sent on a connection an earlier request had used (keep-alive). */
  reusedSocket: boolean;
  status?: number;
  connection?: string;
  body?: string;
  /** The error code (ECONNRESET, ECONNREFUSED…) when there was no response. */
  error?: string;
}

export interface StreamOptions {
  /** The full URL to POST to (…/interactions), http or https. */
  url: string;
  keys: KeyPair;
  workers: number;
  payload: (worker: number) => unknown;
  /** Each worker's agent (keep-alive or not, a CA for https). */
  agent: (worker: number) => Agent;
  gapMs?: number;
  timeoutMs?: number;
}

export interface SignedStream {
  outcomes: Outcome[];
  /** Lets every worker finish the request it is on, then resolves. */
  stop(): Promise<void>;
}

export function startSignedStream(options: StreamOptions): SignedStream {
  const outcomes: Outcome[] = [];
  let stopping = false;
  const worker = async (index: number) => {
    const agent = options.agent(index);
    while (!stopping) {
      outcomes.push(await send(options, index, agent));
      if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
    }
    agent.destroy();
  };
  const running = Promise.all(Array.from({ length: options.workers }, (_, i) => worker(i)));
  return {
    outcomes,
    async stop() {
      stopping = true;
      await running;
    },
  };
}

function send({ url, keys, payload, timeoutMs = 10_000 }: StreamOptions, worker: number, agent: Agent): Promise<Outcome> {
  const sentPayload = payload(worker);
  const body = JSON.stringify(sentPayload);
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  const startedAt = performance.now();
  return new Promise((resolve) => {
    let sent = false;
    const req = request(
      url,
      { method: 'POST', agent, timeout: timeoutMs, headers: { 'content-type': 'application/json', ...signatureHeaders(keys, body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          finish({ status: res.statusCode, connection: res.headers.connection, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.message }));
      },
    );
    const finish = (result: Partial<Outcome>) =>
      resolve({ worker, payload: sentPayload, startedAt, endedAt: performance.now(), sent, reusedSocket: req.reusedSocket, ...result });
    req.on('finish', () => (sent = true));
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.message }));
    req.end(body);
  });
}
