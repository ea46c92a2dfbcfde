// POST /interactions: refuse everything that is not provably from Discord before doing
// any work for it, then hand the parsed interaction to the answerer. Order matters:
// cheap header checks, the size limit while reading, the signature over the raw bytes,
// and only then JSON, checked against the interaction schema (a wrong type is a 400).
// Nothing unverified is ever answered beyond a constant refusal.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIInteractionResponse } from 'discord.js';
import type { Logger } from '../../process/logger.js';
import type { InteractionAnswerer } from '../answerInteraction.js';
import { refuse, sendJson, type RefusalStatus } from './errorResponses.js';
import { isFreshTimestamp } from './freshness.js';
import { parseInteraction } from './interactionSchema.js';
import { readBody } from './readBody.js';
import type { SignatureVerifier } from './verifySignature.js';

export interface InteractionsEndpointOptions {
  verify: SignatureVerifier;
  maxBodyBytes: number;
  log: Logger;
  /** Undefined until the index is loaded. */
  answerer: () => InteractionAnswerer | undefined;
  /** Set while shutting down: responses then close their connection, so keep-alive clients move on. */
  draining: () => boolean;
  now?: () => number;
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? undefined : value);

export function createInteractionsEndpoint(options: InteractionsEndpointOptions) {
  const { verify, maxBodyBytes, log, answerer, draining, now = Date.now } = options;

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Decided when the response goes, not when the request came: shutdown may start in between.
    const closeIfDraining = () => {
      if (draining() && !res.headersSent) res.setHeader('connection', 'close');
    };
    const refused = (status: RefusalStatus, reason: string, headers: Record<string, string> = {}) => {
      log.info('request refused', { status, reason, path: '/interactions' });
      closeIfDraining();
      refuse(res, status, headers);
    };

    const signature = single(req.headers['x-signature-ed25519']);
    const timestamp = single(req.headers['x-signature-timestamp']);
    if (!signature || !timestamp) return refused(401, 'missing signature headers');
    // Checked before reading the body: a stale request is refused whoever signed it.
    if (!isFreshTimestamp(timestamp, now())) return refused(401, 'timestamp too far from now');

    const read = await readBody(req, maxBodyBytes);
    if (read.kind === 'aborted') return; // the client went away: nobody to answer
    // The rest of an oversized body is not worth reading: close the connection after this.
    if (read.kind === 'too-large') return refused(413, `body over ${maxBodyBytes} bytes`, { connection: 'close' });
    if (!verify(signature, timestamp, read.body)) return refused(401, 'bad signature');

    let payload: unknown;
    try {
      payload = JSON.parse(read.body.toString('utf8'));
    } catch {
      return refused(400, 'body is not JSON');
    }
    const parsed = parseInteraction(payload);
    if (!parsed.ok) return refused(400, parsed.reason);
    const interaction = parsed.interaction;

    const ready = answerer();
    if (!ready) return refused(503, 'index still loading');
    const respond = (response: APIInteractionResponse) => {
      closeIfDraining();
      sendJson(res, 200, JSON.stringify(response));
    };
    const outcome = await ready.answer(interaction, respond);
    if (outcome === 'unsupported') refused(400, `unsupported interaction type ${interaction.type}`);
  };
}
