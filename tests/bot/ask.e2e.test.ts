// /ask end to end: the real discord.js Client (started as `citebot bot` starts it)
// against the fake Discord; assertions are on what the bot actually sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autocompleteInteraction, buttonInteraction, chatInputInteraction, userPayload } from '../fake-discord/index.js';
import { startBotOnFake, type BotOnFake } from '../support/discordBot.js';
import { allText, buttonLabels, customIds } from '../support/messages.js';

let h: BotOnFake;

beforeAll(async () => {
  // Rate limiting has its own test file; here one test user asks many times in a row.
  h = await startBotOnFake({ env: { CITEBOT_RATE_LIMIT: '0' } });
}, 20_000);

afterAll(async () => {
  await h?.stop();
});

const ask = (question: string, extra: Record<string, string | boolean> = {}, scope = h.fake.guildScope()) =>
  chatInputInteraction(scope, { name: 'ask', options: { question, ...extra } });

describe('/ask', () => {
  it('answers "how many IoT enterprises in Wuxi" with the 3,657 sentence and 18 Dec 2020, privately, with Share and Show context', async () => {
    const reply = await h.send(ask('how many IoT enterprises in Wuxi'));

    expect(reply.type).toBe(4);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    const embed = reply.data.embeds?.[0];
    expect(embed?.title).toBe('Wuxi, Beijing seek cooperation on emerging industries');
    expect(embed?.description).toMatch(
      /^> Statistic show that Wuxi is now home to \*\*3,657\*\* IoT enterprises, covering the entire industry chain/,
    );
    expect(embed?.description).toContain('— wuxinews.com.cn · 18 Dec 2020');
    expect(reply.data.content).toBe('**Asked:** how many IoT enterprises in Wuxi');
    expect(buttonLabels(reply.data)).toEqual(['Share in channel', 'Show context', 'Not it?']);
    expect(customIds(reply.data)).toEqual([
      'share:wuxi-beijing-seek-cooperation:5',
      'context:wuxi-beijing-seek-cooperation:5',
      'not-it:wuxi-beijing-seek-cooperation:5',
    ]);
    for (const id of customIds(reply.data)) expect(id.length).toBeLessThanOrEqual(100);
  });

  it('Share in channel posts the same citation publicly, "shared by" the presser, pinging nobody', async () => {
    const asked = ask('how many IoT enterprises in Wuxi');
    const first = await h.send(asked);
    const shareId = customIds(first.data)[0]!;
    const presser = userPayload({ username: 'sharer' });
    const ephemeral = h.fake.interactionMessages(asked.id).original!;

    const press = buttonInteraction(h.fake.guildScope({ user: presser }), { customId: shareId, message: ephemeral });
    const share = await h.send(press);

    expect(share.type).toBe(4);
    expect(share.ephemeral).toBe(false);
    expect(share.data.allowed_mentions).toEqual({ parse: [] });
    expect(share.data.content).toBe(`Shared by <@${presser.id}>`);
    const embed = share.data.embeds?.[0];
    // The answer words in bold as the reply showed them (the question is read from the reply it was pressed on).
    expect(embed?.description).toContain('**3,657** IoT enterprises');
    expect(embed?.description).toContain('18 Dec 2020');
    expect(embed?.title).toBe('Wuxi, Beijing seek cooperation on emerging industries');
    // Pressed on a message that echoes no question, the same citation, with nothing in bold.
    const bare = await h.send(buttonInteraction(h.fake.guildScope({ user: presser }), { customId: shareId }));
    expect(bare.data.embeds?.[0]?.description).toContain('3,657 IoT enterprises');
    // The public post has no Share button (it is shared), but anyone can look at the context.
    expect(customIds(share.data)).toEqual(['context:wuxi-beijing-seek-cooperation:5']);
    // What channel members now see: a non-ephemeral message.
    const posted = h.fake.interactionMessages(press.id).original;
    expect(posted?.content).toBe(`Shared by <@${presser.id}>`);
    expect(posted?.flags ?? 0).toBe(0);
  });

  it('Show context shows the neighbouring sentences privately, the quote in bold', async () => {
    const reply = await h.send(buttonInteraction(h.fake.guildScope(), { customId: 'context:wuxi-beijing-seek-cooperation:5' }));
    expect(reply.type).toBe(4);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    const description = reply.data.embeds?.[0]?.description ?? '';
    expect(description).toMatch(/▶ \*\*Statistic show that Wuxi is now home to 3,657 IoT enterprises/);
    // Two sentences either side, with ellipses where the article goes on.
    expect(description.split('\n\n').filter((l) => l !== '…' && !l.startsWith('**'))).toHaveLength(5);
    expect(reply.data.embeds?.[0]?.footer?.text).toBe('Sentences 4–8 of 14 · wuxinews.com.cn · 18 Dec 2020');
  });

  it('public:true posts the answer at once, with Show context but no Share button', async () => {
    const reply = await h.send(ask('how many IoT enterprises in Wuxi', { public: true }));
    expect(reply.ephemeral).toBe(false);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    expect(reply.data.embeds?.[0]?.description).toContain('3,657');
    expect(buttonLabels(reply.data)).toEqual(['Show context', 'Not it?']);
  });

  it('says plainly and privately when the sources do not answer, even when asked in public', async () => {
    const reply = await h.send(ask('what is the capital of France', { public: true }));
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.embeds ?? []).toEqual([]);
    expect(reply.data.components ?? []).toEqual([]);
    expect(reply.data.content).toContain("I couldn't find that in the sources");
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('lists the closest article titles when something came near', async () => {
    const reply = await h.send(ask('where can I see cherry blossoms at night in Wuxi'));
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain("I couldn't find that in the sources");
    expect(reply.data.content).toMatch(/These articles came closest:\n• \S/);
  });

  it('a mention-injection question pings nobody and shows the mentions escaped', async () => {
    const question = '@everyone <@123456789012345678> @here **how** many IoT enterprises in Wuxi ```';
    const reply = await h.send(ask(question, { public: true }));
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    const text = allText(reply.data);
    expect(text).not.toMatch(/@everyone|@here|<@\d/);
    expect(reply.data.content).toContain('@\u200Beveryone');
    expect(reply.data.content).toContain('<@\u200B123456789012345678>');
    expect(reply.data.content).toContain('\\*\\*how\\*\\*');
    expect(reply.data.content).toContain('\\`\\`\\`');
    // The mentions are addressing, not words: the question is still answered.
    expect(reply.data.embeds?.[0]?.description).toContain('**3,657** IoT enterprises');
  });

  it('works in a DM with the bot (user-install style), same answer', async () => {
    const reply = await h.send(ask('how many IoT enterprises in Wuxi', {}, h.fake.dmScope()));
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.embeds?.[0]?.description).toContain('3,657');
  });

  it('autocompletes questions from the corpus, at most 25 choices, each within limits', async () => {
    const reply = await h.send(autocompleteInteraction(h.fake.guildScope(), { name: 'ask', focused: 'question', value: 'who is gao' }));
    expect(reply.type).toBe(8);
    const choices = reply.data.choices ?? [];
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]).toEqual({ name: 'who is gao', value: 'who is gao' });
    expect(choices.map((c) => c.value)).toContain('who is Gao Yaguang');
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(String(c.value).length).toBeLessThanOrEqual(100);
    }
  });

  it('offers sample questions the engine answers when nothing is typed yet', async () => {
    const reply = await h.send(autocompleteInteraction(h.fake.guildScope(), { name: 'ask', focused: 'question', value: '' }));
    const values = (reply.data.choices ?? []).map((c) => c.value);
    expect(values).toContain('how many IoT enterprises in Wuxi');
    expect(values.length).toBeLessThanOrEqual(25);
  });

  it('caps a flood of matches at 25 choices', async () => {
    const reply = await h.send(autocompleteInteraction(h.fake.guildScope(), { name: 'ask', focused: 'question', value: 'w' }));
    expect(reply.data.choices?.length).toBeLessThanOrEqual(25);
  });

  it('made no request the fake did not know, and logged no error', () => {
    expect(h.fake.unknownRequests).toEqual([]);
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});
