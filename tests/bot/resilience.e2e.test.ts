// What keeps the bot trustworthy under stress: the per-user rate limit, a handler that
// throws, work that outlasts Discord's 3 seconds, Discord failing a request, shutdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autocompleteInteraction, buttonInteraction, chatInputInteraction, userPayload } from '../fake-discord/index.js';
import { startBotOnFake, STEP_MS, type BotOnFake } from '../support/discordBot.js';
import { slowPage, SLOW_AND_FAILING } from '../support/testCommands.js';

let h: BotOnFake;

beforeAll(async () => {
  h = await startBotOnFake({
    env: { CITEBOT_RATE_LIMIT: '3', CITEBOT_RATE_WINDOW_SECONDS: '60' },
    extraCommands: SLOW_AND_FAILING,
    extraButtons: [{ source: 'test:slow-page', module: slowPage }],
    deferAfterMs: 100,
  });
}, 20_000);

afterAll(async () => {
  await h?.stop();
});

/** Each test gets its own user so the rate limit of one does not spill into another. */
const scopeFor = (username: string) => h.fake.guildScope({ user: userPayload({ username }) });

describe('rate limit', () => {
  it('answers the 4th request in the window privately and kindly, and still answers other users', async () => {
    const scope = scopeFor('eager');
    const ask = () => h.send(chatInputInteraction(scope, { name: 'ask', options: { question: 'how many IoT enterprises in Wuxi' } }));
    for (let i = 0; i < 3; i++) expect((await ask()).data.embeds?.[0]?.description).toContain('3,657');
    const limited = await ask();
    expect(limited.ephemeral).toBe(true);
    expect(limited.data.allowed_mentions).toEqual({ parse: [] });
    expect(limited.data.embeds ?? []).toEqual([]);
    expect(limited.data.content).toMatch(
      /^You're asking faster than I can keep up: I answer up to 3 requests every 60 seconds per person\. Give me \d+ seconds? and try again\.$/,
    );
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'interaction answered', outcome: 'rate-limited', user: scope.user.id }));

    const other = await h.send(
      chatInputInteraction(scopeFor('patient'), { name: 'ask', options: { question: 'how many IoT enterprises in Wuxi' } }),
    );
    expect(other.data.embeds?.[0]?.description).toContain('3,657');
  });

  it('never limits autocomplete (it fires on every keystroke)', async () => {
    const scope = scopeFor('typist');
    for (let i = 0; i < 6; i++) {
      const reply = await h.send(autocompleteInteraction(scope, { name: 'ask', focused: 'question', value: 'wuxi'.slice(0, 1 + (i % 4)) }));
      expect(reply.data.choices?.length).toBeGreaterThan(0);
    }
  });
});

describe('a handler that throws', () => {
  it('gets the user a private "something went wrong", a structured log line, and the bot keeps answering', async () => {
    const scope = scopeFor('unlucky');
    const payload = chatInputInteraction(scope, { name: 'boom' });
    const reply = await h.send(payload);
    expect(reply.type).toBe(4);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    expect(reply.data.content).toContain('something went wrong on my side');
    expect(reply.data.content).not.toContain('kaboom'); // internals stay in the log
    const line = h.logs.find((l) => l.msg === 'handler failed' && l.interaction === payload.id);
    expect(line).toMatchObject({
      level: 'error',
      what: '/boom',
      user: scope.user.id,
      error: { name: 'Error', message: 'kaboom in a handler' },
    });
    expect(typeof line?.time).toBe('string');

    const after = await h.send(chatInputInteraction(scope, { name: 'ask', options: { question: 'how many IoT enterprises in Wuxi' } }));
    expect(after.data.embeds?.[0]?.description).toContain('3,657');
  });

  it('a throwing autocomplete answers with no choices and logs', async () => {
    const payload = autocompleteInteraction(scopeFor('typo'), { name: 'boom', focused: 'what', value: 'x' });
    const reply = await h.send(payload);
    expect(reply.type).toBe(8);
    expect(reply.data.choices).toEqual([]);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'error', msg: 'autocomplete failed', interaction: payload.id }));
  });
});

describe('slow work', () => {
  it('is deferred before the deadline and the deferred reply is then filled, with the right visibility', async () => {
    const payload = chatInputInteraction(scopeFor('patient-2'), { name: 'slow', options: { public: true } });
    const ack = await h.send(payload);
    expect(ack.type).toBe(5);
    expect(ack.ephemeral).toBe(false);
    const edit = await h.fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.path.endsWith(`/${payload.token}/messages/@original`),
      STEP_MS,
      { includePast: true },
    );
    expect(edit.body).toMatchObject({ content: 'finally done', allowed_mentions: { parse: [] } });
    expect(h.fake.interactionMessages(payload.id).original).toMatchObject({ content: 'finally done', flags: 0 });
  });

  it('a private answer to a publicly deferred command is never shown in public', async () => {
    const payload = chatInputInteraction(scopeFor('patient-3'), { name: 'slow-private' });
    const ack = await h.send(payload);
    expect(ack).toMatchObject({ type: 5, ephemeral: false });
    const followUp = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/${payload.token}`), STEP_MS, {
      includePast: true,
    });
    expect(followUp.body).toMatchObject({ content: 'only for you', flags: 64, allowed_mentions: { parse: [] } });
    const { original, followups } = h.fake.interactionMessages(payload.id);
    expect(original).toBeNull(); // the public "thinking…" placeholder was deleted
    expect(followups.map((m) => m.flags)).toEqual([64]);
  });
});

describe('a slow page (Next, Previous)', () => {
  const list = { content: 'page 1', flags: 64 };

  it('is acknowledged as an update, then replaces the list it was pressed on: no new message', async () => {
    const press = buttonInteraction(scopeFor('pager'), { customId: 'slow-page:2', message: list });
    const ack = await h.send(press);
    expect(ack.type).toBe(6); // DEFERRED_UPDATE_MESSAGE
    const edit = await h.fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.path.endsWith(`/${press.token}/messages/@original`),
      STEP_MS,
      {
        includePast: true,
      },
    );
    expect(edit.body).toMatchObject({ content: 'page 2', allowed_mentions: { parse: [] } });
    const { original, followups } = h.fake.interactionMessages(press.id);
    expect(original).toMatchObject({ id: press.message.id, content: 'page 2' });
    expect(followups).toEqual([]);
  });

  it('a notice instead of a page comes as a private follow-up and leaves the list alone', async () => {
    const press = buttonInteraction(scopeFor('pager-2'), { customId: 'slow-page:gone', message: list });
    expect((await h.send(press)).type).toBe(6);
    const followUp = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/${press.token}`), STEP_MS, {
      includePast: true,
    });
    expect(followUp.body).toMatchObject({ content: 'this list is gone', flags: 64 });
    expect(h.fake.interactionMessages(press.id).original).toMatchObject({ content: 'page 1' });
  });
});

describe('Discord failing', () => {
  it('rides out a 500 on the reply (discord.js retries) and a refused reply is logged, not fatal', async () => {
    const scope = scopeFor('retry');
    const payload = chatInputInteraction(scope, { name: 'help' });
    const failure = h.fake.failNext((r) => r.path.startsWith(`/interactions/${payload.id}/`), 500);
    const reply = await h.send(payload);
    expect(failure.hits).toBe(1);
    expect(reply.data.embeds?.[0]?.title).toContain('citebot');

    const refused = chatInputInteraction(scope, { name: 'help' });
    h.fake.failNext((r) => r.path.startsWith(`/interactions/${refused.id}/`), 400, { body: { message: 'Invalid Form Body', code: 50035 } });
    h.fake.sendInteraction(refused);
    await expect.poll(() => h.logs.some((l) => l.msg === 'reply failed' && l.interaction === refused.id), { timeout: STEP_MS }).toBe(true);

    const after = await h.send(chatInputInteraction(scope, { name: 'sources' }));
    expect(after.data.embeds?.[0]?.title).toBe('The sources: 5 articles');
  });
});

describe('shutdown', () => {
  it('finishes an interaction in flight, then disconnects', async () => {
    const payload = chatInputInteraction(scopeFor('last'), { name: 'slow' });
    h.fake.sendInteraction(payload);
    await h.fake.awaitInteractionReply(payload.id, STEP_MS); // deferred; the edit is still to come
    await h.bot.stop();
    const edit = h.fake.requests.find((r) => r.method === 'PATCH' && r.path.endsWith(`/${payload.token}/messages/@original`));
    expect(edit?.status).toBe(200);
    expect(h.bot.client.isReady()).toBe(false);
    expect(h.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['bot stopping', 'bot stopped']));
  });
});
