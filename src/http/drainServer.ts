// Stopping without dropping a request. The caller has already turned /healthz to 503 and
// every response to `Connection: close`; from there:
//  1. keep listening and answering for `delayMs`, so a balancer that polls /healthz sees
//     the 503 and sends its traffic elsewhere, and keep-alive clients, told to close,
//     reconnect elsewhere instead of writing into a socket that is about to go;
//  2. stop listening (a balancer then gets "connection refused", which it can safely
//     retry on another replica because nothing was sent) and close the connections that
//     carry no request (Node's server.close() does, since v19); a connection in the
//     middle of a request is kept and closes after its response;
//  3. wait for in-flight requests and the deferred replies still owed through the webhook
//     (up to `inFlightTimeoutMs`), then close what is left.
import type { Server } from 'node:http';
import { setImmediate as afterPoll, setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../bot/logger.js';
import type { InFlight } from './inFlight.js';

export interface DrainOptions {
  delayMs: number;
  inFlightTimeoutMs: number;
}

export async function drainServer(server: Server, inFlight: InFlight, log: Logger, { delayMs, inFlightTimeoutMs }: DrainOptions): Promise<void> {
  if (delayMs > 0) await sleep(delayMs);
  // Right after the event loop's poll phase: connections the kernel has queued are accepted
  // there, so closing now leaves the fewest of them to be reset with the listening socket.
  await afterPoll();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  log.info('server closed to new connections', { inFlight: inFlight.size });
  const drained = await inFlight.drain(inFlightTimeoutMs);
  if (!drained) log.warn('stopped before every request was answered', { inFlight: inFlight.size });
  server.closeAllConnections();
  await closed;
}
