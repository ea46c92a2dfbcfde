// Every refusal the server makes: a status and a small constant JSON body. Nothing from
// the request, no error message, no stack trace ever reaches a reply; the log has the why.
import type { ServerResponse } from 'node:http';

export const REFUSALS = {
  400: 'malformed request',
  401: 'invalid request signature',
  404: 'not found',
  405: 'method not allowed',
  413: 'request body too large',
  500: 'internal error',
  503: 'not ready',
} as const;

export type RefusalStatus = keyof typeof REFUSALS;

// Serialised once: these go out on every bad request, including floods of them.
const BODIES = Object.fromEntries(
  Object.entries(REFUSALS).map(([status, error]) => [status, Buffer.from(JSON.stringify({ error }))]),
) as Record<`${RefusalStatus}`, Buffer>;

export function sendJson(res: ServerResponse, status: number, body: Buffer | string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

export function refuse(res: ServerResponse, status: RefusalStatus, headers: Record<string, string> = {}): void {
  sendJson(res, status, BODIES[`${status}`], headers);
}
