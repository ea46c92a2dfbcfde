// `citebot serve` as a real process on 127.0.0.1, and a client that plays Discord: it
// signs each request with a key pair made for the run (the server gets the public half
// as DISCORD_PUBLIC_KEY), and can relay the server's answers into a FakeDiscord so
// deferred replies, which come back through Discord's REST, have somewhere to land.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIInteraction, APIInteractionResponse } from 'discord.js';
import type { FakeDiscord } from '../fake-discord/index.js';
import type { InteractionStore } from '../fake-discord/interactions.js';
import { BIN, cleanEnv, httpRequest, spawnServe, waitHealthy, type HttpResult, type ServeChild } from '../support/serveProcess.js';
export { BIN, cleanEnv, httpRequest, type HttpResult };

/** An empty folder to run in, so a developer's own .env cannot leak into these runs. */
export const CWD = mkdtempSync(join(tmpdir(), 'citebot-http-'));
export const REFUSED_401 = '{"error":"invalid request signature"}';

// ── Keys and signatures ─────────────────────────────────────────────────────

import { makeKeyPair, nowSeconds, signatureHeaders, type KeyPair } from '../support/discordSigning.js';
export { makeKeyPair, nowSeconds, signatureHeaders, type KeyPair };

// ── The server process ──────────────────────────────────────────────────────

/** Signs and POSTs an interaction (or any body) to /interactions, as Discord would. */
export type SignedPost = (payload: unknown, options?: { timestamp?: string; headers?: Record<string, string> }) => Promise<HttpResult>;

export function signedPost(url: string, keys: KeyPair): SignedPost {
  return (payload, { timestamp, headers = {} } = {}) => {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return httpRequest(`${url}/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signatureHeaders(keys, body, timestamp), ...headers },
      body,
    });
  };
}

/** Anything that answers signed interactions: the real process, or startServer in-process. */
export interface SignedEndpoint {
  url: string;
  keys: KeyPair;
  post: SignedPost;
}

export interface ServeProcess extends SignedEndpoint, ServeChild {
  logs(): { level: string; msg: string; [field: string]: unknown }[];
}

/** Started with the drain delay at 0 unless `env` sets one: most tests stop servers and should not wait. */
export async function startServe(options: { env?: Record<string, string>; keys?: KeyPair; waitReady?: boolean } = {}): Promise<ServeProcess> {
  const keys = options.keys ?? makeKeyPair();
  const child = await spawnServe({ cwd: CWD, env: { DISCORD_PUBLIC_KEY: keys.publicKeyHex, CITEBOT_HTTP_DRAIN_SECONDS: '0', ...options.env } });
  const server: ServeProcess = {
    ...child,
    keys,
    logs: () => child.stderr().trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: string; msg: string }),
    post: signedPost(child.url, keys),
  };
  if (options.waitReady ?? true) await waitHealthy(child.url, { child: child.child });
  return server;
}

// ── Playing Discord with a FakeDiscord behind ───────────────────────────────

export interface Delivered {
  http: HttpResult;
  /** The parsed HTTP response: what Discord would act on. */
  response: APIInteractionResponse & { data?: Record<string, unknown> };
  /** Status the FakeDiscord gave the relayed callback (its validation is Discord's). */
  relayStatus: number;
}

/**
 * What Discord does with an HTTP interaction, played against a FakeDiscord: the fake
 * learns of the interaction (as if it had been sent), the signed POST goes to the
 * server, and its HTTP response is handed to the fake as the interaction's callback,
 * which validates it as Discord would and makes the interaction's webhook usable.
 */
export async function deliver(server: SignedEndpoint, fake: FakeDiscord, payload: APIInteraction): Promise<Delivered> {
  // FakeDiscord only offers tracking through its gateway; HTTP mode has no gateway session.
  (fake as unknown as { interactions: InteractionStore }).interactions.track(payload);
  // Discord applies the HTTP response before the interaction's webhook can be used; here
  // the relay below does that, so a webhook call arriving before the relay is held back
  // (generously: a loaded CI machine can be slow to relay) and then answered for real.
  let relayed = false;
  fake.injectFault({ match: (r) => !relayed && r.path.startsWith(`/webhooks/${payload.application_id}/${payload.token}`), delayMs: 1_000, times: Infinity });
  const http = await server.post(payload);
  if (http.status !== 200) throw new Error(`server answered ${http.status}: ${http.body}`);
  const response = JSON.parse(http.body) as Delivered['response'];
  const relay = await fetch(`${fake.apiUrl}/v10/interactions/${payload.id}/${payload.token}/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: http.body,
  });
  await relay.arrayBuffer();
  relayed = true;
  return { http, response, relayStatus: relay.status };
}

/** The webhook edit that fills a deferred reply, once it has been answered. */
export function awaitOriginalEdit(fake: FakeDiscord, payload: APIInteraction, timeoutMs = 5_000) {
  return fake.waitForRequest(
    (r) => r.method === 'PATCH' && r.path === `/webhooks/${payload.application_id}/${payload.token}/messages/@original`,
    timeoutMs,
    { includePast: true },
  );
}

/** Every visible text of a message payload in one string: content, embed titles, descriptions, fields, footers. */
export function allText(data: { content?: unknown; embeds?: unknown } | undefined): string {
  const embeds = (data?.embeds ?? []) as { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[];
  return [
    typeof data?.content === 'string' ? data.content : '',
    ...embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '']),
  ].join('\n');
}

export function customIds(data: { components?: unknown } | undefined): string[] {
  const rows = (data?.components ?? []) as { components: { custom_id?: string }[] }[];
  return rows.flatMap((r) => r.components.map((c) => c.custom_id)).filter((id): id is string => id !== undefined);
}
