// Stopping without dropping a request. The caller has already turned /healthz to 503 and
// every response to `Connection: close`; from there:
//  1. keep listening and answering for `delayMs`, so a balancer that polls /healthz sees
//     the 503 and sends its traffic elsewhere, and keep-alive clients, told to close,
//     reconnect elsewhere instead of writing into a socket that is about to go;
//  2. stop listening, at a quiet turn of the event loop (see quietTurn). A balancer then
//     gets "connection refused", which it can safely retry elsewhere: nothing was sent;
//  3. after a short grace, close the connections that carry no request. Not at once:
//     a connection accepted a moment ago may hold a request Node has not read yet, and
//     Node's own server.close() would count it idle and reset it under the client;
//  4. wait for in-flight requests and the deferred replies still owed through the webhook
//     (up to `inFlightTimeoutMs`), then close what is left.
import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../process/logger.js';
import type { InFlight } from '../inFlight.js';

export interface DrainOptions {
  delayMs: number;
  inFlightTimeoutMs: number;
}

/** Long enough for the event loop to read what already arrived on every open connection. */
const UNREAD_GRACE_MS = 100;

export async function drainServer(
  server: Server,
  inFlight: InFlight,
  log: Logger,
  { delayMs, inFlightTimeoutMs }: DrainOptions,
): Promise<void> {
  if (delayMs > 0) await sleep(delayMs);
  await quietTurn(500);
  // net.Server's close: stop listening, and leave the open connections to steps 3 and 4.
  const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
  log.info('server closed to new connections', { inFlight: inFlight.size });
  await sleep(UNREAD_GRACE_MS);
  server.closeIdleConnections();
  const drained = await inFlight.drain(inFlightTimeoutMs);
  if (!drained) log.warn('stopped before every request was answered', { inFlight: inFlight.size });
  server.closeAllConnections();
  await closed;
}

/**
 * Resolves right after a turn of the event loop that had next to nothing to do (or after
 * `timeoutMs`). Closing the listening socket resets the connections the kernel has queued
 * but Node has not accepted yet, and a client may already have sent its request on one.
 * An idle event loop accepts each connection as it arrives, so right after a quiet turn
 * that queue is empty but for connections made in the last few microseconds.
 */
async function quietTurn(timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = performance.now();
  for (;;) {
    await nextTurn();
    const now = performance.now();
    if (now - last < 0.5 || now > deadline) return;
    last = now;
  }
}
