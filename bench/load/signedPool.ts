/**
 * What Discord sends to an interactions endpoint, made and signed here: a key pair for the run
 * (the server gets the public half as DISCORD_PUBLIC_KEY), a guild `/ask` chat-input interaction
 * of Discord's real shape and size, and a pool of such requests signed ahead of time.
 *
 * Signing comes from tests/support/discordSigning.ts, shared with the HTTP tests.
 */
import { randomBytes } from 'node:crypto';

import { makeKeyPair, nowSeconds, signatureHeaders, type KeyPair } from '../../tests/support/discordSigning.js';
export { makeKeyPair, nowSeconds, signatureHeaders, type KeyPair };

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;
/** A real-looking snowflake (its timestamp is now). */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | increment).toString();
}

const ALL_PERMISSIONS = ((1n << 53n) - 1n).toString();

export interface Scope {
  applicationId: string;
  guildId: string;
  channelId: string;
  commandId: string;
}

export function makeScope(): Scope {
  return { applicationId: snowflake(), guildId: snowflake(), channelId: snowflake(), commandId: snowflake() };
}

/** A guild `/ask question:<q>` interaction, as Discord POSTs it (about 1.5 KB). */
export function askInteraction(scope: Scope, userId: string, question: string): Record<string, unknown> {
  const user = { id: userId, username: `user${userId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null };
  return {
    id: snowflake(),
    application_id: scope.applicationId,
    type: 2,
    token: randomBytes(48).toString('base64url'),
    version: 1,
    app_permissions: ALL_PERMISSIONS,
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
    channel_id: scope.channelId,
    guild_id: scope.guildId,
    guild: { id: scope.guildId, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel: {
      id: scope.channelId,
      type: 0,
      guild_id: scope.guildId,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      parent_id: null,
    },
    member: {
      user,
      roles: [],
      permissions: ALL_PERMISSIONS,
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      premium_since: null,
      nick: null,
      avatar: null,
    },
    context: 0,
    authorizing_integration_owners: { '0': scope.guildId },
    data: { id: scope.commandId, name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }], guild_id: scope.guildId },
  };
}

/** One request ready to send: its body and headers (signature included), and which question it asks. */
export interface SignedRequest {
  question: number;
  body: Buffer;
  headers: Record<string, string>;
}

export interface SignedPool {
  requests: SignedRequest[];
  /** When the oldest signature in the pool was made (ms since epoch). */
  signedAt: number;
  /** Re-signs every request with the current time (same bodies); returns how long it took (ms). */
  refresh(): number;
}

/**
 * `size` signed requests: questions in turn, each from its own user (so the per-user rate limit,
 * left at its default, never sees one user more often than once per pass over the pool), signed
 * with the current timestamp. The server rejects timestamps over 5 minutes off: refresh() well
 * inside that for long runs.
 */
export function signedPool(keys: KeyPair, scope: Scope, questions: readonly string[], size: number): SignedPool {
  const bodies: { question: number; body: Buffer }[] = [];
  for (let i = 0; i < size; i++) {
    const question = i % questions.length;
    bodies.push({ question, body: Buffer.from(JSON.stringify(askInteraction(scope, snowflake(), questions[question]!))) });
  }
  const pool: SignedPool = {
    requests: [],
    signedAt: 0,
    refresh() {
      const started = performance.now();
      const timestamp = nowSeconds();
      pool.requests = bodies.map(({ question, body }) => ({
        question,
        body,
        // autocannon adds Content-Length itself.
        headers: { 'content-type': 'application/json', ...signatureHeaders(keys, body, timestamp) },
      }));
      pool.signedAt = Number(timestamp) * 1000;
      return performance.now() - started;
    },
  };
  pool.refresh();
  return pool;
}
