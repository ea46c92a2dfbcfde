// Filters, suggestions that are questions, and /help's command mentions, end to end: the real
// discord.js Client (started as `citebot bot` starts it) against the fake Discord, with the
// command files registered in it first, as deploy-commands does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autocompleteInteraction, chatInputInteraction } from '../fake-discord/index.js';
import { startBotOnFake, type BotOnFake } from '../support/discordBot.js';
import { allText, readText, withoutBold } from '../support/messages.js';

let h: BotOnFake;

beforeAll(async () => {
  h = await startBotOnFake({ env: { CITEBOT_RATE_LIMIT: '0' }, registerCommands: true });
}, 20_000);

afterAll(async () => {
  await h?.stop();
});

const guild = () => h.fake.guildScope();
const ask = (options: Record<string, string>) => h.send(chatInputInteraction(guild(), { name: 'ask', options }));
const complete = async (name: string, focused: string, value: string) =>
  ((await h.send(autocompleteInteraction(guild(), { name, focused, value }))).data.choices ?? []).map((c) => String(c.value));

describe('/ask and /search with since and source', () => {
  it('/ask since 2019 quotes the 3,657 figure with no 2018 history, and says what it was limited to', async () => {
    const unfiltered = readText((await ask({ question: 'how many IoT enterprises in Wuxi' })).data);
    expect(unfiltered).toContain('2,000-plus IoT companies');
    const reply = await ask({ question: 'how many IoT enterprises in Wuxi', since: '2019' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toBe('**Asked:** how many IoT enterprises in Wuxi\n**Within:** since 2019');
    const text = readText(reply.data);
    expect(text).toContain('3,657 IoT enterprises');
    expect(text).not.toContain('2,000-plus');
  });

  it('/ask with a publisher no article has says so, privately, listing the publishers', async () => {
    const reply = await ask({ question: 'how many IoT enterprises in Wuxi', source: 'nyt.com' });
    expect(reply.ephemeral).toBe(true);
    expect(readText(reply.data)).toContain(
      'No article in the sources is from nyt.com: the publishers are wuxinews.com.cn, chinadaily.com.cn',
    );
  });

  it('/ask with a date it cannot read explains the formats privately and searches nothing', async () => {
    const reply = await ask({ question: 'how many IoT enterprises in Wuxi', since: '2020-13' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toMatch(/^"since" must be a year \(2020\), a month \(2020-06\) or a day \(2020-12-01\)/);
    expect(reply.data.embeds ?? []).toEqual([]);
  });

  it('/search source lists only that publisher, and says the filter is why when nothing matches', async () => {
    const reply = await h.send(
      chatInputInteraction(guild(), { name: 'search', options: { query: 'IoT industry', source: 'chinadaily.com.cn' } }),
    );
    const fields = reply.data.embeds?.[0]?.fields ?? [];
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) expect(f.name).toMatch(/chinadaily\.com\.cn · 3 Mar 2017$/);
    const none = await h.send(chatInputInteraction(guild(), { name: 'search', options: { query: 'IoT', since: '2030' } }));
    expect(none.data.content).toContain('No sentence dated 2030 or later matches that');
  });

  it('autocompletes source from the corpus publishers, on /ask and /search', async () => {
    expect(await complete('ask', 'source', 'wuxi')).toEqual(['wuxinews.com.cn']);
    expect(await complete('search', 'source', '')).toEqual(['wuxinews.com.cn', 'chinadaily.com.cn']);
  });
});

describe('suggestions that are questions', () => {
  it('/ask autocomplete offers whole questions that /ask then answers from the corpus', async () => {
    const offered = (await complete('ask', 'question', 'how many iot')).filter((q) => q.endsWith('?'));
    expect(offered).toContain('How many IoT enterprises are in Wuxi?');
    const roles = (await complete('ask', 'question', 'who is the')).filter((q) => q.endsWith('?'));
    expect(roles).toContain('Who is the vice-mayor of Wuxi?');
    for (const question of [...offered, ...roles]) {
      const reply = await ask({ question });
      expect(reply.data.embeds?.[0]?.description, question).toMatch(/^> /);
    }
    const answer = await ask({ question: 'Who is the vice-mayor of Wuxi?' });
    expect(withoutBold(answer.data.embeds?.[0]?.description ?? '')).toContain('Gao Yaguang, vice-mayor of Wuxi');
  });

  it('/search autocomplete offers the named things and topics the typed words start', async () => {
    const choices = await complete('search', 'query', 'china elec');
    expect(choices[0]).toBe('china elec');
    expect(choices).toContain('China Electronics Technology Hik Group');
  });
});

describe('/help', () => {
  it('names the slash commands as clickable mentions with the ids Discord registered', async () => {
    const text = readText((await h.send(chatInputInteraction(guild(), { name: 'help' }))).data);
    const registered = h.fake.commands.list().filter((c) => c.type === 1);
    expect(registered.map((c) => c.name).sort()).toEqual(['ask', 'help', 'search', 'source', 'sources']);
    for (const command of registered) expect(text).toContain(`</${command.name}:${command.id}>`);
    expect(allText((await h.send(chatInputInteraction(guild(), { name: 'help' }))).data)).toContain('**Find source**');
  });

  it('made no request the fake did not know, and logged no error', () => {
    expect(h.fake.unknownRequests).toEqual([]);
    expect(h.logs.filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);
  });
});
