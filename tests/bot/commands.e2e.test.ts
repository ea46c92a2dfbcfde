// Every other command and button end to end, and what handlers are handed: the plain
// request read from the interaction JSON the gateway delivers.
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRequest } from '../../src/discord/interactionRequest.js';
import { requestFromApi } from '../../src/discord/requestFromApi.js';
import { privateReply } from '../../src/discord/reply.js';
import { autocompleteInteraction, buttonInteraction, chatInputInteraction, messageContextMenuInteraction } from '../fake-discord/index.js';
import { startBotOnFake, waitForEdit, type BotOnFake } from '../support/discordBot.js';
import { allText, buttonLabels, customIds } from '../support/messages.js';

let h: BotOnFake;
/** What the spy modules were handed, in order. */
const seen: InteractionRequest[] = [];

const spyCommand = {
  data: new SlashCommandBuilder()
    .setName('spy')
    .setDescription('records its request')
    .addStringOption((o) => o.setName('text').setDescription('typed text').setAutocomplete(true))
    .addBooleanOption((o) => o.setName('flag').setDescription('a flag'))
    .addIntegerOption((o) => o.setName('count').setDescription('a number')),
  execute: (request: InteractionRequest) => {
    seen.push(request);
    return privateReply({ content: 'seen' });
  },
  autocomplete: (request: InteractionRequest) => {
    seen.push(request);
    return [];
  },
};
const spyButton = {
  action: 'spy',
  execute: (request: InteractionRequest) => {
    seen.push(request);
    return privateReply({ content: 'seen' });
  },
};

beforeAll(async () => {
  h = await startBotOnFake({
    env: { CITEBOT_RATE_LIMIT: '0' },
    extraCommands: [{ source: 'test:spy', module: spyCommand }],
    extraButtons: [{ source: 'test:spy-button', module: spyButton }],
  });
}, 20_000);

afterAll(async () => {
  await h?.stop();
});

const guild = () => h.fake.guildScope();

describe('/search', () => {
  it('lists five matching sentences with dates, privately, with a context button each and Next for the rest', async () => {
    const reply = await h.send(chatInputInteraction(guild(), { name: 'search', options: { query: 'IoT enterprises' } }));
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    const fields = reply.data.embeds?.[0]?.fields ?? [];
    expect(fields.length).toBe(5);
    for (const f of fields) expect(f.name).toMatch(/^\d\. .+ · (\d{1,2} \w{3} )?\d{4}$/);
    expect(allText(reply.data)).toContain('3,657 IoT enterprises');
    expect(buttonLabels(reply.data)).toEqual([...fields.map((_, i) => `Context ${i + 1}`), 'Next ▸']);
    for (const id of customIds(reply.data).slice(0, 5)) expect(id).toMatch(/^context:[\w.-]+:\d+$/);
    expect(customIds(reply.data)[5]).toMatch(/^search-page:[0-9a-f]{12}:1$/);
  });

  it('says so when nothing matches', async () => {
    const reply = await h.send(chatInputInteraction(guild(), { name: 'search', options: { query: '!!!' } }));
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain('No sentence in the sources matches that');
  });
});

describe('/sources and /source', () => {
  it('/sources lists every article with its date at its precision and its sentence count', async () => {
    const reply = await h.send(chatInputInteraction(guild(), { name: 'sources' }));
    expect(reply.ephemeral).toBe(true);
    const embed = reply.data.embeds?.[0];
    expect(embed?.title).toBe('The sources: 5 articles');
    expect(embed?.description).toContain('wuxinews.com.cn · 18 Dec 2020 · 14 sentences');
    // A year-only date stays a year, never 1 January.
    expect(embed?.description).toContain('publisher unknown · 2018 · 18 sentences');
    expect(embed?.description).not.toContain('1 Jan 2018');
  });

  it('/source shows one article card', async () => {
    const reply = await h.send(chatInputInteraction(guild(), { name: 'source', options: { id: 'in-jiangsu-province-wuxi-becomes' } }));
    expect(reply.ephemeral).toBe(true);
    const embed = reply.data.embeds?.[0];
    expect(embed?.title).toBe('In Jiangsu province, Wuxi becomes a global leader in IoT development');
    expect(embed?.fields).toEqual(
      expect.arrayContaining([
        { name: 'Date', value: '2018', inline: true },
        { name: 'Sentences', value: '18', inline: true },
      ]),
    );
    expect(allText(reply.data)).toContain("Curator's date");
    expect(customIds(reply.data)).toEqual(['read:in-jiangsu-province-wuxi-becomes:0']);
  });

  it('/source with an unknown id says so, escaped', async () => {
    const reply = await h.send(chatInputInteraction(guild(), { name: 'source', options: { id: 'nope *x* @everyone' } }));
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain('No article has the id “nope \\*x\\* @\u200Beveryone”');
  });

  it('/source autocompletes ids from titles', async () => {
    const reply = await h.send(autocompleteInteraction(guild(), { name: 'source', focused: 'id', value: 'beijing' }));
    expect(reply.type).toBe(8);
    expect(reply.data.choices).toEqual([
      { name: 'Wuxi, Beijing seek cooperation on emerging industries (18 Dec 2020)', value: 'wuxi-beijing-seek-cooperation' },
    ]);
    const all = await h.send(autocompleteInteraction(guild(), { name: 'source', focused: 'id', value: '' }));
    expect(all.data.choices).toHaveLength(5);
  });
});

describe('/help', () => {
  it('explains the bot and lists every command', async () => {
    const reply = await h.send(chatInputInteraction(guild(), { name: 'help' }));
    expect(reply.ephemeral).toBe(true);
    const text = allText(reply.data);
    // A command is a clickable mention once its id is known (here /help's, from this very interaction), else bold text.
    for (const name of ['ask', 'search', 'sources', 'source', 'help'])
      expect(text).toMatch(new RegExp(`\\*\\*/${name}\\*\\*|</${name}:\\d+>`));
    expect(text).toContain('**Find source**');
    expect(text).toContain('how many IoT enterprises in Wuxi');
  });
});

describe('Find source (message context menu)', () => {
  it('defers, then fills the reply with the verdict and the sentences that bear on the message', async () => {
    const payload = messageContextMenuInteraction(guild(), {
      name: 'Find source',
      target: { content: 'Gao Yaguang is the mayor of Wuxi <@42>' },
    });
    const ack = await h.send(payload);
    expect(ack.type).toBe(5);
    expect(ack.ephemeral).toBe(true);
    const edit = await waitForEdit(h.fake, payload.token);
    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
    const data = edit.body as { content?: string; embeds?: unknown[]; components?: unknown[] };
    // The source says vice-mayor: it does not state the claim, but it is the sentence to read.
    expect(data.content).toBe(
      '**Checking:** Gao Yaguang is the mayor of Wuxi <@\u200B42>\n**Not in the sources:** no source states it; the nearest sentences are below.',
    );
    expect(allText(data)).toContain('Gao Yaguang, vice-mayor of Wuxi');
    expect(buttonLabels(data)[0]).toBe('Share 1 in channel');
    // Users see a private message, no longer "thinking…".
    const original = h.fake.interactionMessages(payload.id).original;
    expect(original?.flags).toBe(64);
  });

  it('answers kindly when the message has nothing to check', async () => {
    const payload = messageContextMenuInteraction(guild(), { name: 'Find source', target: { content: '' } });
    await h.send(payload);
    const edit = await waitForEdit(h.fake, payload.token);
    expect((edit.body as { content: string }).content).toContain('no text I can check');
  });

  it('says so when nothing in the sources bears on it', async () => {
    const payload = messageContextMenuInteraction(guild(), { name: 'Find source', target: { content: 'I like pizza with pineapple' } });
    await h.send(payload);
    const edit = await waitForEdit(h.fake, payload.token);
    expect((edit.body as { content: string }).content).toContain("couldn't find anything in the sources that bears on that message");
  });
});

describe('buttons and commands the bot does not know', () => {
  it('a malformed or stale button id gets a private explanation', async () => {
    const reply = await h.send(buttonInteraction(guild(), { customId: 'share:no-such-article:3' }));
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain('no longer in the sources');
    const forged = await h.send(buttonInteraction(guild(), { customId: 'context:../../etc:x' }));
    expect(forged.data.content).toContain('no longer in the sources');
  });

  it('an unknown command or action is answered, not left hanging', async () => {
    const reply = await h.send(chatInputInteraction(guild(), { name: 'retired-command' }));
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain("I don't know that command");
    const button = await h.send(buttonInteraction(guild(), { customId: 'vote:1' }));
    expect(button.data.content).toContain("I don't know that command or button");
  });
});

describe('what handlers are handed', () => {
  it('the plain request read from the INTERACTION_CREATE JSON: options by name, the place, the focused option', async () => {
    seen.length = 0;
    const payloads = [
      chatInputInteraction(guild(), { name: 'spy', options: { text: 'hello', flag: true, count: 3 } }),
      chatInputInteraction(h.fake.dmScope(), { name: 'spy', options: { text: 'from a DM' } }),
      autocompleteInteraction(guild(), { name: 'spy', focused: 'text', value: 'hel', options: { flag: false } }),
      buttonInteraction(guild(), { customId: 'spy:doc:1' }),
    ];
    for (const payload of payloads) await h.send(payload);
    expect(seen).toHaveLength(payloads.length);
    const user = { id: payloads[0]!.member!.user.id, username: payloads[0]!.member!.user.username, globalName: null };
    expect(seen[0]).toEqual({
      id: payloads[0]!.id,
      kind: 'chat-command',
      command: 'spy',
      options: { text: 'hello', flag: true, count: 3 },
      place: 'guild',
      user,
    });
    expect(seen[1]).toMatchObject({ kind: 'chat-command', options: { text: 'from a DM' }, place: 'bot-dm' });
    expect(seen[2]).toEqual({
      id: payloads[2]!.id,
      kind: 'autocomplete',
      command: 'spy',
      focused: { name: 'text', value: 'hel' },
      options: { flag: false },
      place: 'guild',
      user,
    });
    // A button press carries the text of the message the button is on (Discord sends it with the press).
    expect(seen[3]).toEqual({
      id: payloads[3]!.id,
      kind: 'button',
      customId: 'spy:doc:1',
      message: { content: 'message with a button' },
      place: 'guild',
      user,
    });
  });

  it('a message command is read the same way', () => {
    const payload = messageContextMenuInteraction(guild(), { name: 'Find source', target: { content: 'a claim' } });
    expect(requestFromApi(payload)).toMatchObject({ kind: 'message-command', command: 'Find source', target: { content: 'a claim' } });
  });
});

it('made no request the fake did not know, and logged no error', () => {
  expect(h.fake.unknownRequests).toEqual([]);
  expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
});
