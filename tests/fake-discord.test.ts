// Proves the fake Discord against the real discord.js Client: login over REST +
// gateway, every interaction response style, and surviving gateway drops.
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentBuilder, Client, Events, GatewayIntentBits, MessageFlags, type ClientEvents, type Interaction } from 'discord.js';
import {
  FakeDiscord,
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  messageContextMenuInteraction,
} from './fake-discord/index.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.fake.token';
const STEP_MS = 5_000;
const CITIES = ['Paris', 'Parma', 'Prague', 'Oslo'];

let fake: FakeDiscord;
let client: Client;
/** What the in-test bot observed, keyed by interaction id. */
const seen = new Map<string, unknown>();
const botErrors: unknown[] = [];

/** Tiny stand-in bot: one behaviour per command / component. */
async function bot(interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand()) {
    switch (interaction.commandName) {
      case 'hello':
        seen.set(interaction.id, {
          topic: interaction.options.getString('topic'),
          loud: interaction.options.getBoolean('loud'),
          inGuild: interaction.inCachedGuild(),
          channel: interaction.channel?.id,
        });
        await interaction.reply({ content: 'hi', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
        return;
      case 'where':
        await interaction.reply(interaction.inGuild() ? 'guild' : 'dm');
        return;
      case 'created': {
        const response = await interaction.reply({ content: 'made', withResponse: true });
        seen.set(interaction.id, response.resource?.message?.content);
        return;
      }
      case 'slow':
        await interaction.deferReply();
        await interaction.editReply('done');
        return;
      case 'file':
        await interaction.reply({
          content: 'see file',
          files: [new AttachmentBuilder(Buffer.from('cited sentence'), { name: 'cite.txt' })],
        });
        return;
      case 'multi': {
        await interaction.reply('first');
        const followUp = await interaction.followUp({ content: 'second', flags: MessageFlags.Ephemeral });
        seen.set(interaction.id, followUp.id);
        return;
      }
    }
  }
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused().toLowerCase();
    const matches = CITIES.filter((c) => c.toLowerCase().startsWith(typed));
    await interaction.respond(matches.map((name) => ({ name, value: name.toLowerCase() })));
    return;
  }
  if (interaction.isButton()) {
    await interaction.update({ content: `refreshed: ${interaction.message.content}`, components: [] });
    return;
  }
  if (interaction.isMessageContextMenuCommand()) {
    await interaction.reply(`quoted: ${interaction.targetMessage.content}`);
  }
}

function nextClientEvent<E extends keyof ClientEvents>(event: E, timeoutMs = STEP_MS): Promise<unknown[]> {
  return once(client, event, { signal: AbortSignal.timeout(timeoutMs) });
}

beforeAll(async () => {
  // 1 s beats keep the zombie test short without false zombies when the machine is busy.
  fake = await FakeDiscord.start({ token: TOKEN, heartbeatIntervalMs: 1_000 });
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    bot(interaction).catch((error: unknown) => botErrors.push(error));
  });
  const ready = nextClientEvent(Events.ClientReady);
  await client.login(TOKEN);
  await ready;
}, 15_000);

afterAll(async () => {
  try {
    await client?.destroy();
  } finally {
    await fake?.stop();
  }
});

describe('fake Discord with a real discord.js Client', () => {
  it('logs in with the bot token over REST and IDENTIFY, and sees the configured guild', () => {
    const gatewayBot = fake.requests.find((r) => r.path === '/gateway/bot');
    expect(gatewayBot?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(fake.identifyCount).toBe(1);
    const identify = fake.gateway.received.entries.find((f) => f.op === 2);
    expect(identify?.d).toMatchObject({ token: TOKEN, intents: GatewayIntentBits.Guilds, shard: [0, 1] });
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.guilds.cache.get(fake.guild!.id)?.channels.cache.has(fake.guild!.channelId)).toBe(true);
  });

  it('records an ephemeral slash-command reply that mentions nobody', async () => {
    const interaction = fake.sendInteraction(
      chatInputInteraction(fake.guildScope(), { name: 'hello', options: { topic: 'dates', loud: false } }),
    );
    const reply = await fake.awaitInteractionReply(interaction.id, STEP_MS);

    expect(reply.type).toBe(4);
    expect(reply.data.content).toBe('hi');
    expect(reply.data.flags).toBe(64);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    // Interaction callbacks authenticate by URL token, never the bot token.
    expect(reply.headers.authorization).toBeUndefined();
    expect(seen.get(interaction.id)).toEqual({
      topic: 'dates',
      loud: false,
      inGuild: true,
      channel: fake.guild!.channelId,
    });
  });

  it('delivers slash commands from DMs without a guild', async () => {
    const interaction = fake.sendInteraction(chatInputInteraction(fake.dmScope(), { name: 'where' }));
    const reply = await fake.awaitInteractionReply(interaction.id, STEP_MS);
    expect(reply.data.content).toBe('dm');
  });

  it('returns the created message when a reply asks for with_response', async () => {
    const interaction = fake.sendInteraction(chatInputInteraction(fake.guildScope(), { name: 'created' }));
    const reply = await fake.awaitInteractionReply(interaction.id, STEP_MS);
    expect(reply.query.with_response).toBe('true');
    await expect.poll(() => seen.get(interaction.id), { timeout: STEP_MS }).toBe('made');
  });

  it('fills a deferred reply through PATCH @original', async () => {
    const interaction = fake.sendInteraction(chatInputInteraction(fake.guildScope(), { name: 'slow' }));
    const defer = await fake.awaitInteractionReply(interaction.id, STEP_MS);
    expect(defer.type).toBe(5);

    const edit = await fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`,
      STEP_MS,
      { includePast: true },
    );
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ content: 'done' });
    const { original } = fake.interactionMessages(interaction.id);
    expect(original?.content).toBe('done');
    expect(original?.flags).toBe(0); // no longer "thinking…"
  });

  it('posts follow-ups to the interaction webhook and returns the message', async () => {
    const interaction = fake.sendInteraction(chatInputInteraction(fake.guildScope(), { name: 'multi' }));
    expect((await fake.awaitInteractionReply(interaction.id, STEP_MS)).data.content).toBe('first');

    const followUp = await fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/webhooks/${fake.applicationId}/${interaction.token}`,
      STEP_MS,
      { includePast: true },
    );
    expect(followUp.body).toMatchObject({ content: 'second', flags: 64 });
    expect(followUp.query.wait).toBe('true');
    await expect.poll(() => seen.get(interaction.id), { timeout: STEP_MS }).toBe((followUp.response as { id: string }).id);
  });

  it('answers autocomplete with choices for the focused option', async () => {
    const interaction = fake.sendInteraction(autocompleteInteraction(fake.guildScope(), { name: 'cite', focused: 'city', value: 'pa' }));
    const reply = await fake.awaitInteractionReply(interaction.id, STEP_MS);
    expect(reply.type).toBe(8);
    expect(reply.data.choices).toEqual([
      { name: 'Paris', value: 'paris' },
      { name: 'Parma', value: 'parma' },
    ]);
  });

  it('updates the message a clicked button belongs to', async () => {
    const interaction = fake.sendInteraction(
      buttonInteraction(fake.guildScope(), { customId: 'refresh', message: { content: 'old answer' } }),
    );
    const reply = await fake.awaitInteractionReply(interaction.id, STEP_MS);
    expect(reply.type).toBe(7);
    expect(reply.data).toMatchObject({ content: 'refreshed: old answer', components: [] });
  });

  it('hands the right-clicked message to a message context-menu command', async () => {
    const interaction = fake.sendInteraction(
      messageContextMenuInteraction(fake.guildScope(), { name: 'Cite this', target: { content: 'The sky is blue.' } }),
    );
    const reply = await fake.awaitInteractionReply(interaction.id, STEP_MS);
    expect(reply.data.content).toBe('quoted: The sky is blue.');
  });

  it('parses multipart replies: payload_json as the body plus the uploaded files', async () => {
    const interaction = fake.sendInteraction(chatInputInteraction(fake.guildScope(), { name: 'file' }));
    const reply = await fake.awaitInteractionReply(interaction.id, STEP_MS);
    expect(reply.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(reply.data.content).toBe('see file');
    expect(reply.files).toHaveLength(1);
    expect(reply.files[0]).toMatchObject({ field: 'files[0]', name: 'cite.txt', size: 14 });
    expect(reply.files[0]?.data.toString()).toBe('cited sentence');
    expect(fake.interactionMessages(interaction.id).original?.attachments[0]?.filename).toBe('cite.txt');
  });

  it('registers global and guild commands and echoes them back with ids', async () => {
    const global = await client.application!.commands.set([{ name: 'cite', description: 'Cite a sentence' }]);
    const guild = await client.guilds.cache.get(fake.guild!.id)!.commands.set([{ name: 'ping', description: 'Health check' }]);
    expect([...global.values()].map((c) => c.name)).toEqual(['cite']);
    expect([...guild.values()].map((c) => [c.name, c.guildId])).toEqual([['ping', fake.guild!.id]]);
    expect(fake.commands.list().map((c) => c.id)).toEqual([...global.keys()]);
    const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path.endsWith('/commands'), STEP_MS, {
      includePast: true,
    });
    expect(put.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(put.body).toEqual([expect.objectContaining({ name: 'cite', description: 'Cite a sentence' })]);
  });

  it('lets discord.js ride out an injected 429 on the callback', async () => {
    const payload = chatInputInteraction(fake.guildScope(), { name: 'where' });
    const limit = fake.rateLimitNext((r) => r.path.startsWith(`/interactions/${payload.id}/`), { retryAfterMs: 100 });
    fake.sendInteraction(payload);
    const reply = await fake.awaitInteractionReply(payload.id, STEP_MS);
    expect(limit.hits).toBe(1);
    expect(reply.data.content).toBe('guild');
    const attempts = fake.requests.filter((r) => r.path.startsWith(`/interactions/${payload.id}/`));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
  });

  it('lets discord.js retry an injected 500 on the original-response edit', async () => {
    const payload = chatInputInteraction(fake.guildScope(), { name: 'slow' });
    const failure = fake.failNext((r) => r.method === 'PATCH' && r.path.includes(payload.token), 500);
    fake.sendInteraction(payload);
    await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(payload.token) && r.status === 200, STEP_MS, {
      includePast: true,
    });
    expect(failure.hits).toBe(1);
    const edits = fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(payload.token));
    expect(edits.map((r) => [r.status, r.fault])).toEqual([
      [500, true],
      [200, false],
    ]);
  });

  it('resumes after the gateway closes with 4000 and keeps answering', async () => {
    const identifies = fake.identifyCount;
    const resumes = fake.resumeCount;
    const resumed = nextClientEvent(Events.ShardResume);
    await fake.closeAll(4000);
    await resumed;

    expect(fake.resumeCount).toBeGreaterThan(resumes);
    expect(fake.identifyCount).toBe(identifies);
    expect(fake.gateway.connectionUrls.at(-1)).toMatch(/\/gateway\/resume\?v=10&encoding=json$/);
    const interaction = fake.sendInteraction(chatInputInteraction(fake.guildScope(), { name: 'where' }));
    expect((await fake.awaitInteractionReply(interaction.id, STEP_MS)).data.content).toBe('guild');
  });

  it('replays an interaction dispatched while the connection was down', async () => {
    const resumed = nextClientEvent(Events.ShardResume);
    await fake.closeAll(4000);
    // Buffered in the session; only the RESUME replay can deliver it.
    const interaction = fake.sendInteraction(chatInputInteraction(fake.guildScope(), { name: 'where' }));
    const [, replayed] = await resumed;
    expect(replayed).toBe(1);
    expect((await fake.awaitInteractionReply(interaction.id, STEP_MS)).data.content).toBe('guild');
  });

  it('reconnects after an abrupt TCP drop (close 1006) and keeps answering', async () => {
    const sessionsStarted = () => fake.identifyCount + fake.resumeCount;
    const before = sessionsStarted();
    await fake.closeAll('abrupt');
    // Usually a RESUME; a reset socket makes discord.js re-IDENTIFY instead (throttled up to ~6.5 s).
    await expect.poll(sessionsStarted, { timeout: 10_000 }).toBeGreaterThan(before);
    const interaction = fake.sendInteraction(chatInputInteraction(fake.guildScope(), { name: 'where' }));
    expect((await fake.awaitInteractionReply(interaction.id, 10_000)).data.content).toBe('guild');
  }, 25_000);

  it('resumes when heartbeat ACKs stop (zombie connection)', async () => {
    const identifies = fake.identifyCount;
    const resumed = nextClientEvent(Events.ShardResume);
    fake.stopHeartbeatAcks();
    await resumed;
    expect(fake.identifyCount).toBe(identifies);
    const interaction = fake.sendInteraction(chatInputInteraction(fake.guildScope(), { name: 'where' }));
    expect((await fake.awaitInteractionReply(interaction.id, STEP_MS)).data.content).toBe('guild');
  });

  it('saw no unknown routes and no bot errors along the way', () => {
    expect(fake.unknownRequests).toEqual([]);
    expect(botErrors).toEqual([]);
  });
});

describe('fake Discord protocol rules (raw HTTP)', () => {
  it('answers unknown routes with 404 JSON and records them', async () => {
    const res = await fetch(`${fake.apiUrl}/v10/channels/1/messages`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(fake.unknownRequests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /channels/1/messages']);
  });

  it('accepts one callback per interaction and refuses the second with 40060', async () => {
    // 'ignored' matches no behaviour of the in-test bot, so only this test answers it.
    const interaction = fake.sendInteraction(chatInputInteraction(fake.guildScope(), { name: 'ignored' }));
    const url = `${fake.apiUrl}/v10/interactions/${interaction.id}/${interaction.token}/callback`;
    const post = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 4, data: { content: 'once' } }),
      });
    expect((await post()).status).toBe(204);
    const second = await post();
    expect(second.status).toBe(400);
    expect(await second.json()).toMatchObject({ code: 40060 });
  });
});
