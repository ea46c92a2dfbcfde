// Shapes the fake records; plain data so tests can `toMatchObject` them.

export interface RecordedFile {
  /** Multipart field, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  size: number;
  data: Buffer;
}

/** What arrived, as fault predicates see it (before any answer exists). */
export interface IncomingRequest {
  method: string;
  /** Path after the `/api/v10` prefix, percent-decoded: `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** Request target exactly as sent, including prefix and query. */
  url: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body; for multipart uploads the parsed `payload_json` field. */
  body: unknown;
  files: RecordedFile[];
}

export interface RecordedRequest extends IncomingRequest {
  /** 1-based arrival order. */
  seq: number;
  at: number;
  /** Route template that handled it, e.g. `POST /interactions/:id/:token/callback`; null = unknown route. */
  route: string | null;
  status: number;
  response: unknown;
  /** True when an injected fault produced the answer. */
  fault: boolean;
}

export type RequestPredicate = (request: IncomingRequest) => boolean;

/** What a route handler answers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function errorReply(status: number, code: number, message: string): Reply {
  return { status, body: { message, code } };
}
