// Discord's REST side misbehaving under the real bot: 429s with retry_after (per route and
// global) that must not duplicate a reply, and 500s that outlast discord.js's retries,
// after which the user must still hear something and the bot must keep answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatInputInteraction, messageContextMenuInteraction, type IncomingRequest } from '../fake-discord/index.js';
import { ASK_WUXI, callbacksFor, startBotOnFake, STEP_MS, webhookRequestsFor, WUXI_ANSWER, type BotOnFake } from '../support/discordBot.js';

let h: BotOnFake;

beforeAll(async () => {
  h = await startBotOnFake();
}, 15_000);

afterAll(async () => {
  await h?.stop();
});

/** discord.js makes a request once and retries a 5xx up to 3 more times. */
const ATTEMPTS_PER_REQUEST = 4;
const SOMETHING_WENT_WRONG = 'something went wrong on my side';

const callbackOf = (id: string) => (r: IncomingRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
const editOf = (token: string) => (r: IncomingRequest) => r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`);

async function answersNext(username: string) {
  const payload = chatInputInteraction(h.scope(username), ASK_WUXI);
  const reply = await h.send(payload);
  expect(reply.data.embeds?.[0]?.description).toContain(WUXI_ANSWER);
  expect(callbacksFor(h.fake, payload.id).map((r) => r.status)).toEqual([204]);
}

const findSource = (username: string) =>
  messageContextMenuInteraction(h.scope(username), { name: 'Find source', target: { content: 'Gao Yaguang is the mayor of Wuxi' } });

describe('429 Too Many Requests', () => {
  it('on the reply: waits retry_after, then the reply arrives exactly once', async () => {
    const payload = chatInputInteraction(h.scope('limited'), ASK_WUXI);
    const limit = h.fake.rateLimitNext(callbackOf(payload.id), { retryAfterMs: 300 });
    const reply = await h.send(payload);
    expect(limit.hits).toBe(1);
    expect(reply.data.embeds?.[0]?.description).toContain(WUXI_ANSWER);

    const [limited, accepted, ...more] = callbacksFor(h.fake, payload.id);
    expect(more).toEqual([]);
    expect(limited).toMatchObject({ status: 429, fault: true, response: { retry_after: 0.3 } });
    expect(accepted).toMatchObject({ status: 204, fault: false });
    expect(accepted!.body).toEqual(limited!.body); // the same reply, resent
    expect(accepted!.at - limited!.at).toBeGreaterThanOrEqual(250); // it did wait for retry_after
    // What the user sees: one answer, no follow-ups.
    const { original, followups } = h.fake.interactionMessages(payload.id);
    expect(original?.embeds?.[0]?.description).toContain(WUXI_ANSWER);
    expect(followups).toEqual([]);
  });

  it('a global 429: every route waits, the reply still arrives exactly once', async () => {
    const payload = chatInputInteraction(h.scope('globally-limited'), ASK_WUXI);
    const limit = h.fake.rateLimitNext(callbackOf(payload.id), { retryAfterMs: 200, global: true });
    await h.send(payload);
    expect(limit.hits).toBe(1);
    expect(callbacksFor(h.fake, payload.id).map((r) => [r.status, r.fault])).toEqual([
      [429, true],
      [204, false],
    ]);
    await answersNext('after-global-429');
  });

  it('on filling a deferred reply: the edit is retried, one answer shows, no duplicate follow-up', async () => {
    const payload = findSource('limited-edit');
    const limit = h.fake.rateLimitNext(editOf(payload.token), { retryAfterMs: 200 });
    const ack = await h.send(payload);
    expect(ack.type).toBe(5); // Find source defers first
    await h.fake.waitForRequest((r) => editOf(payload.token)(r) && r.status === 200, STEP_MS, { includePast: true });
    expect(limit.hits).toBe(1);
    expect(webhookRequestsFor(h.fake, payload.token).map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 429', 'PATCH 200']);
    const { original, followups } = h.fake.interactionMessages(payload.id);
    expect(JSON.stringify(original?.embeds)).toContain('Gao Yaguang, vice-mayor of Wuxi');
    expect(original?.flags).toBe(64); // private, and no longer "thinking…"
    expect(followups).toEqual([]);
    expect(callbacksFor(h.fake, payload.id)).toHaveLength(1);
  });
});

describe('500 Internal Server Error', () => {
  it('on every attempt of the reply: the user is told something went wrong, the error is logged, the bot answers the next', async () => {
    const scope = h.scope('unlucky');
    const payload = chatInputInteraction(scope, ASK_WUXI);
    const failure = h.fake.failNext(callbackOf(payload.id), 500, { times: ATTEMPTS_PER_REQUEST });
    const reply = await h.send(payload); // the first callback Discord accepted
    expect(failure.hits).toBe(ATTEMPTS_PER_REQUEST);
    expect(reply.type).toBe(4);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain(SOMETHING_WENT_WRONG);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    const statuses = callbacksFor(h.fake, payload.id).map((r) => r.status);
    expect(statuses).toEqual([...Array<number>(ATTEMPTS_PER_REQUEST).fill(500), 204]);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'error', msg: 'reply failed', interaction: payload.id }));
    await answersNext('after-500');
  });

  it('when Discord keeps failing: the bot tries once to apologise, logs both, and stays up', async () => {
    const payload = chatInputInteraction(h.scope('very-unlucky'), ASK_WUXI);
    const failure = h.fake.failNext(callbackOf(payload.id), 500, { times: Infinity });
    h.fake.sendInteraction(payload);
    await expect
      .poll(() => h.logs.some((l) => l.msg === 'could not tell the user' && l.interaction === payload.id), { timeout: STEP_MS })
      .toBe(true);
    failure.cancel();
    // The answer, then the apology, each with discord.js's own retries: bounded, no loop.
    const attempts = callbacksFor(h.fake, payload.id);
    expect(attempts).toHaveLength(2 * ATTEMPTS_PER_REQUEST);
    expect(JSON.stringify(attempts.at(-1)?.body)).toContain(SOMETHING_WENT_WRONG);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'error', msg: 'reply failed', interaction: payload.id }));
    expect(h.bot.client.isReady()).toBe(true);
    await answersNext('after-persistent-500');
  });

  it('on filling a deferred reply: the user gets a private "something went wrong" follow-up', async () => {
    const payload = findSource('unlucky-edit');
    const failure = h.fake.failNext(editOf(payload.token), 500, { times: ATTEMPTS_PER_REQUEST });
    const ack = await h.send(payload);
    expect(ack).toMatchObject({ type: 5, ephemeral: true });
    const followUp = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/webhooks/${h.fake.applicationId}/${payload.token}` && r.status === 200,
      STEP_MS,
      { includePast: true },
    );
    expect(failure.hits).toBe(ATTEMPTS_PER_REQUEST);
    expect(followUp.body).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect(JSON.stringify(followUp.body)).toContain(SOMETHING_WENT_WRONG);
    expect(h.fake.interactionMessages(payload.id).followups).toHaveLength(1);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'error', msg: 'reply failed', interaction: payload.id }));
    await answersNext('after-edit-500');
  });

  it("a 4xx that is not the bot's fault to retry (unknown interaction) is logged once, no apology is attempted", async () => {
    const payload = chatInputInteraction(h.scope('expired'), ASK_WUXI);
    h.fake.failNext(callbackOf(payload.id), 404, { body: { message: 'Unknown interaction', code: 10062 } });
    h.fake.sendInteraction(payload);
    await expect.poll(() => h.logs.some((l) => l.msg === 'reply failed' && l.interaction === payload.id), { timeout: STEP_MS }).toBe(true);
    await answersNext('after-expired'); // gives any (wrong) apology time to show up
    expect(callbacksFor(h.fake, payload.id)).toHaveLength(1);
  });
});

describe('afterwards', () => {
  it('no request went to a route the fake does not know', () => {
    expect(h.fake.unknownRequests).toEqual([]);
  });
});
