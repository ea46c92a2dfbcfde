// Playing Discord for `serve` (the process, or startServer in-process) with a FakeDiscord
// behind it: the signed POST goes to the server, and its HTTP response is handed to the fake
// as the interaction's callback, which validates it as Discord would and makes the
// interaction's webhook usable, so deferred replies have somewhere to land.
import type { APIInteraction, APIInteractionResponse } from 'discord.js';
import type { FakeDiscord } from '../fake-discord/index.js';
import type { InteractionStore } from '../fake-discord/interactions.js';
import type { HttpResult, SignedEndpoint } from './serveProcess.js';

export interface Delivered {
  http: HttpResult;
  /** The parsed HTTP response: what Discord would act on. */
  response: APIInteractionResponse & { data?: Record<string, unknown> };
  /** Status the FakeDiscord gave the relayed callback (its validation is Discord's). */
  relayStatus: number;
}

/** One interaction, as Discord would deliver it over HTTP and act on the answer. */
export async function deliver(server: SignedEndpoint, fake: FakeDiscord, payload: APIInteraction): Promise<Delivered> {
  // FakeDiscord only offers tracking through its gateway; HTTP mode has no gateway session.
  (fake as unknown as { interactions: InteractionStore }).interactions.track(payload);
  // Discord applies the HTTP response before the interaction's webhook can be used; here
  // the relay below does that, so a webhook call arriving before the relay is held back
  // (generously: a loaded CI machine can be slow to relay) and then answered for real.
  let relayed = false;
  fake.injectFault({
    match: (r) => !relayed && r.path.startsWith(`/webhooks/${payload.application_id}/${payload.token}`),
    delayMs: 1_000,
    times: Infinity,
  });
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
    {
      includePast: true,
    },
  );
}
