// The slow paths of HTTP mode, in process (startServer, as `citebot serve` runs it) so
// test-only commands can be added: work that outlasts the deferral threshold, a private
// answer to a publicly deferred command, a throwing handler, and Discord failing the
// webhook. Every answer still comes from the shared dispatcher.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/app/loadCommands.js';
import { createLogger } from '../../src/process/logger.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { startServer, type RunningServer } from '../../src/transports/http/startServer.js';
import { chatInputInteraction, FakeDiscord } from '../fake-discord/index.js';
import { makeKeyPair } from '../support/discordSigning.js';
import { awaitOriginalEdit, deliver } from '../support/httpDiscord.js';
import { signedPost, type SignedEndpoint } from '../support/serveProcess.js';
import { SLOW_AND_FAILING } from '../support/testCommands.js';

let fake: FakeDiscord;
let running: RunningServer;
let endpoint: SignedEndpoint;
const logs: { level: string; msg: string; [field: string]: unknown }[] = [];

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const keys = makeKeyPair();
  const config = loadConfig('http', {
    env: { DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_API_URL: fake.apiUrl, CITEBOT_RATE_LIMIT: '0' },
    envFile: null,
  });
  const registry = await loadCommands({
    extraCommands: SLOW_AND_FAILING,
  });
  const log = createLogger('debug', { write: (line: string) => logs.push(JSON.parse(line) as (typeof logs)[number]) });
  running = await startServer(config, { port: 0, host: '127.0.0.1', log, registry, deferAfterMs: 100 });
  await running.ready;
  endpoint = { url: running.url, keys, post: signedPost(running.url, keys) };
}, 20_000);

afterAll(async () => {
  await running?.stop({ drainMs: 0 });
  await fake?.stop();
});

describe('work that outlasts the deferral threshold', () => {
  it('is answered "thinking…" in time, then filled through the webhook, with the right visibility', async () => {
    const payload = chatInputInteraction(fake.guildScope(), { name: 'slow', options: { public: true } });
    const d = await deliver(endpoint, fake, payload);
    // Type 5, not 4: the acknowledgement went before the work was done.
    expect(d.response).toEqual({ type: 5, data: {} });
    const edit = await awaitOriginalEdit(fake, payload);
    expect(edit.body).toMatchObject({ content: 'finally done', allowed_mentions: { parse: [] } });
    expect(fake.interactionMessages(payload.id).original).toMatchObject({ content: 'finally done', flags: 0 });
  });

  it('a private answer to a publicly deferred command is never shown in public', async () => {
    const payload = chatInputInteraction(fake.guildScope(), { name: 'slow-private' });
    const d = await deliver(endpoint, fake, payload);
    expect(d.response).toEqual({ type: 5, data: {} });
    const followUp = await fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/webhooks/${payload.application_id}/${payload.token}`,
      5_000,
      { includePast: true },
    );
    expect(followUp.body).toMatchObject({ content: 'only for you', flags: 64, allowed_mentions: { parse: [] } });
    const { original, followups } = fake.interactionMessages(payload.id);
    expect(original).toBeNull(); // the public "thinking…" placeholder was deleted
    expect(followups.map((m) => m.flags)).toEqual([64]);
  });
});

describe('failures', () => {
  it('a throwing handler gets the user a private "something went wrong" and a log line, never the error', async () => {
    const d = await deliver(endpoint, fake, chatInputInteraction(fake.guildScope(), { name: 'boom' }));
    expect(d.response.type).toBe(4);
    expect(d.response.data).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect(d.http.body).not.toContain('kaboom');
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'handler failed' }));
  });

  it('Discord failing the webhook is logged, the user gets a private "something went wrong" follow-up, and the server keeps answering', async () => {
    const payload = chatInputInteraction(fake.guildScope(), { name: 'slow' });
    fake.failNext((r) => r.method === 'PATCH' && r.path.includes(payload.token), 400, {
      body: { message: 'Invalid Form Body', code: 50035 },
    });
    await deliver(endpoint, fake, payload);
    await expect.poll(() => logs.some((l) => l.msg === 'reply failed' && l.interaction === payload.id), { timeout: 5_000 }).toBe(true);
    // The same rule as on the gateway (one answering function for both): the apology follows the failed edit.
    const apology = await fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/webhooks/${payload.application_id}/${payload.token}`,
      5_000,
      { includePast: true },
    );
    expect(apology.body).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect(JSON.stringify(apology.body)).toContain('something went wrong');
    const next = await deliver(endpoint, fake, chatInputInteraction(fake.guildScope(), { name: 'sources' }));
    expect((next.response.data as { embeds: { title: string }[] }).embeds[0]?.title).toBe('The sources: 5 articles');
  });
});
