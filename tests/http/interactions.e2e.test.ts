// `citebot serve` end to end: the real server process answering signed interactions as
// Discord would send them, through the same handlers as gateway mode. Inline answers are
// checked on the HTTP response; the deferred one on what reaches the fake Discord's REST.
import type { APIInteraction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  FakeDiscord,
  messageContextMenuInteraction,
  userPayload,
} from '../fake-discord/index.js';
import { awaitOriginalEdit, deliver, type Delivered } from '../support/httpDiscord.js';
import { allText, customIds } from '../support/messages.js';
import { startServe, type ServeProcess } from '../support/serveProcess.js';

let fake: FakeDiscord;
let server: ServeProcess;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  // Rate limiting has its own test (lifecycle); here one test user asks many times in a row.
  server = await startServe({ env: { DISCORD_API_URL: fake.apiUrl, CITEBOT_RATE_LIMIT: '0' } });
}, 20_000);

afterAll(async () => {
  const code = await server?.stop();
  await fake?.stop();
  expect(code).toBe(0);
  expect(server.logs().filter((l) => l.level === 'error')).toEqual([]);
});

const guild = () => fake.guildScope();
const send = async (payload: APIInteraction): Promise<Delivered> => {
  const delivered = await deliver(server, fake, payload);
  // The fake validated the response as Discord would (limits, shapes, callback type).
  expect(delivered.relayStatus).toBeLessThan(300);
  return delivered;
};
const messageData = (d: Delivered) =>
  (d.response.data ?? {}) as {
    content?: string;
    embeds?: { description?: string; title?: string }[];
    flags?: number;
    allowed_mentions?: unknown;
    components?: unknown;
  };

describe('PING', () => {
  it('is answered with PONG', async () => {
    const answer = await server.post({ type: 1, id: '1', token: 'ping', application_id: fake.applicationId, version: 1 });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(JSON.parse(answer.body)).toEqual({ type: 1 });
  });
});

describe('/ask over HTTP', () => {
  it('answers "how many IoT enterprises in Wuxi" inline with the 3,657 sentence and 18 Dec 2020, privately', async () => {
    const d = await send(chatInputInteraction(guild(), { name: 'ask', options: { question: 'how many IoT enterprises in Wuxi' } }));
    expect(d.response.type).toBe(4);
    const data = messageData(d);
    expect(data.flags).toBe(64);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.content).toBe('**Asked:** how many IoT enterprises in Wuxi');
    expect(data.embeds?.[0]?.title).toBe('Wuxi, Beijing seek cooperation on emerging industries');
    expect(data.embeds?.[0]?.description).toMatch(/^> Statistic show that Wuxi is now home to \*\*3,657\*\* IoT enterprises/);
    expect(data.embeds?.[0]?.description).toContain('— wuxinews.com.cn · 18 Dec 2020');
    expect(customIds(data)).toEqual([
      'share:wuxi-beijing-seek-cooperation:5',
      'context:wuxi-beijing-seek-cooperation:5',
      'not-it:wuxi-beijing-seek-cooperation:5',
    ]);
  });

  it('public:true posts in the channel at once', async () => {
    const d = await send(
      chatInputInteraction(guild(), { name: 'ask', options: { question: 'how many IoT enterprises in Wuxi', public: true } }),
    );
    expect(d.response.type).toBe(4);
    expect(messageData(d).flags ?? 0).toBe(0);
    expect(allText(messageData(d))).toContain('**3,657** IoT enterprises');
  });

  it('never pings: a mention-laden question is echoed escaped, with allowed mentions none', async () => {
    const d = await send(
      chatInputInteraction(guild(), { name: 'ask', options: { question: '@everyone <@&123> how many IoT enterprises in Wuxi' } }),
    );
    const data = messageData(d);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.content).not.toContain('@everyone');
    expect(data.content).not.toContain('<@&123>');
  });

  it('no answer: a private, plain decline', async () => {
    const d = await send(chatInputInteraction(guild(), { name: 'ask', options: { question: 'what is the boiling point of mercury' } }));
    expect(d.response.type).toBe(4);
    expect(messageData(d).flags).toBe(64);
    expect(allText(messageData(d))).toContain("I couldn't find that in the sources");
  });
});

describe('autocomplete (type 8)', () => {
  it('/ask suggests questions from the corpus', async () => {
    const d = await send(autocompleteInteraction(guild(), { name: 'ask', focused: 'question', value: 'who is gao' }));
    expect(d.response.type).toBe(8);
    const choices = (d.response.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]).toEqual({ name: 'who is gao', value: 'who is gao' });
    expect(choices.map((c) => c.value)).toContain('who is Gao Yaguang');
  });

  it('/source completes article ids from titles', async () => {
    const d = await send(autocompleteInteraction(guild(), { name: 'source', focused: 'id', value: 'beijing' }));
    expect(d.response.type).toBe(8);
    expect(d.response.data).toEqual({
      choices: [{ name: 'Wuxi, Beijing seek cooperation on emerging industries (18 Dec 2020)', value: 'wuxi-beijing-seek-cooperation' }],
    });
  });
});

describe('buttons', () => {
  it('Share in channel posts the citation publicly, attributed, pinging nobody', async () => {
    const presser = userPayload({ username: 'sharer' });
    const d = await send(buttonInteraction(fake.guildScope({ user: presser }), { customId: 'share:wuxi-beijing-seek-cooperation:5' }));
    expect(d.response.type).toBe(4);
    const data = messageData(d);
    expect(data.flags ?? 0).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.content).toBe(`Shared by <@${presser.id}>`);
    expect(data.embeds?.[0]?.description).toContain('3,657 IoT enterprises');
    expect(data.embeds?.[0]?.description).toContain('18 Dec 2020');
  });

  it('Show context answers privately with the neighbouring sentences', async () => {
    const d = await send(buttonInteraction(guild(), { customId: 'context:wuxi-beijing-seek-cooperation:5' }));
    expect(d.response.type).toBe(4);
    expect(messageData(d).flags).toBe(64);
    expect(messageData(d).embeds?.[0]?.description).toMatch(/▶ \*\*Statistic show that Wuxi is now home to 3,657 IoT enterprises/);
  });

  it('a stale or forged button id gets a private explanation', async () => {
    const d = await send(buttonInteraction(guild(), { customId: 'share:no-such-article:3' }));
    expect(messageData(d).flags).toBe(64);
    expect(messageData(d).content).toContain('no longer in the sources');
  });
});

describe('the other commands', () => {
  it('/search lists matching sentences with dates, privately', async () => {
    const d = await send(chatInputInteraction(guild(), { name: 'search', options: { query: 'IoT enterprises' } }));
    expect(d.response.type).toBe(4);
    expect(messageData(d).flags).toBe(64);
    expect(allText(messageData(d))).toContain('3,657 IoT enterprises');
  });

  it('/sources lists the articles', async () => {
    const d = await send(chatInputInteraction(guild(), { name: 'sources' }));
    expect(messageData(d).embeds?.[0]?.title).toBe('The sources: 5 articles');
  });

  it('/source shows one article card', async () => {
    const d = await send(chatInputInteraction(guild(), { name: 'source', options: { id: 'in-jiangsu-province-wuxi-becomes' } }));
    expect(messageData(d).embeds?.[0]?.title).toBe('In Jiangsu province, Wuxi becomes a global leader in IoT development');
  });

  it('/help lists every command, as a clickable mention once serve has seen its id', async () => {
    // serve holds no token to list the commands: it learns each id from the interactions that name it, this one included.
    const d = await send(chatInputInteraction(fake.dmScope(), { name: 'help', commandId: '1234567890123456789' }));
    const text = allText(messageData(d));
    expect(text).toContain('</help:1234567890123456789>');
    for (const name of ['ask', 'search', 'sources', 'source']) expect(text).toMatch(new RegExp(`\\*\\*/${name}\\*\\*|</${name}:\\d+>`));
    expect(text).toContain('**Find source**');
  });

  it('an unknown command is answered, not left hanging', async () => {
    const d = await send(chatInputInteraction(guild(), { name: 'retired-command' }));
    expect(messageData(d).content).toContain("I don't know that command");
  });
});

describe('deferred: Find source (type 5, then the webhook)', () => {
  it('answers "thinking…" at once, then fills the reply through DISCORD_API_URL', async () => {
    const payload = messageContextMenuInteraction(guild(), {
      name: 'Find source',
      target: { content: 'Gao Yaguang is the mayor of Wuxi <@42>' },
    });
    const d = await send(payload);
    expect(d.response).toEqual({ type: 5, data: { flags: 64 } });

    const edit = await awaitOriginalEdit(fake, payload);
    expect(edit.status).toBe(200);
    expect(edit.headers.authorization).toBeUndefined(); // the interaction token is the authority, not a bot token
    const body = edit.body as { content?: string; allowed_mentions?: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toBe(
      '**Checking:** Gao Yaguang is the mayor of Wuxi <@\u200B42>\n**Not in the sources:** no source states it; the nearest sentences are below.',
    );
    expect(allText(body)).toContain('Gao Yaguang, vice-mayor of Wuxi');
    // What the user now sees: the private reply, no longer "thinking…".
    const original = fake.interactionMessages(payload.id).original;
    expect(original?.flags).toBe(64);
    expect(original?.content).toBe(body.content);
  });
});
