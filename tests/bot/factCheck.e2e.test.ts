// Checking facts end to end, with the real discord.js client against the fake Discord: Find
// source leads with the engine's verdict and lets every sentence be shared; /ask shows the
// words that answer the question in bold inside the verbatim quote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonInteraction, chatInputInteraction, messageContextMenuInteraction } from '../fake-discord/index.js';
import { startBotOnFake, waitForEdit, type BotOnFake } from '../support/discordBot.js';
import { allText, buttonLabels, customIds } from '../support/messages.js';

let h: BotOnFake;

beforeAll(async () => {
  h = await startBotOnFake({ env: { CITEBOT_RATE_LIMIT: '0' } });
}, 20_000);

afterAll(async () => {
  await h?.stop();
});

type Body = { content?: string; embeds?: { description?: string; fields?: { name: string; value: string }[] }[]; components?: unknown[] };

/** Find source on a message with this text: the private reply it fills in after deferring. */
async function findSource(content: string): Promise<Body> {
  const payload = messageContextMenuInteraction(h.fake.guildScope(), { name: 'Find source', target: { content } });
  const ack = await h.send(payload);
  expect(ack).toMatchObject({ type: 5, ephemeral: true });
  return (await waitForEdit(h.fake, payload.token)).body as Body;
}

const verdictLine = (body: Body) => body.content!.split('\n')[1];
const fields = (body: Body) => body.embeds?.[0]?.fields ?? [];

describe('Find source gives a verdict', () => {
  it('Supported, with the 3,657 sentence of 18 Dec 2020, the figure in bold', async () => {
    const body = await findSource('Wuxi is home to 3,657 IoT enterprises');
    expect(verdictLine(body)).toBe('**Supported:** a source states it.');
    expect(fields(body)[0]!.name).toBe('1. States it · wuxinews.com.cn · 18 Dec 2020');
    expect(fields(body)[0]!.value).toContain('> Statistic show that Wuxi is now home to **3,657** IoT enterprises');
  });

  it('Newer figure, the 18 Dec 2020 sentence first and the 2018 one it matches after', async () => {
    const body = await findSource('Wuxi is home to about 2,000 IoT companies');
    expect(verdictLine(body)).toMatch(/^\*\*Newer figure:\*\* it matches an older source, but a later source gives a different value/);
    expect(
      fields(body)
        .map((f) => f.name)
        .slice(0, 2),
    ).toEqual(['1. Newer figure · wuxinews.com.cn · 18 Dec 2020', '2. States it · publisher unknown · 2018']);
    expect(fields(body)[0]!.value).toContain('home to **3,657** IoT enterprises');
    expect(fields(body)[1]!.value).toContain('The **2,000**-plus IoT companies');
  });

  it('Contradicted when the newest source gives another value and none states this one', async () => {
    const body = await findSource('Wuxi now has 10,000 IoT companies');
    expect(verdictLine(body)).toBe('**Contradicted:** the sources give a different value, and none states this one.');
    expect(fields(body)[0]!.name).toBe('1. Gives another value · wuxinews.com.cn · 18 Dec 2020');
  });

  it('Not in the sources for a claim about a place they never mention', async () => {
    const body = await findSource('Shanghai is home to 5,000 IoT companies');
    expect(body.content).toBe(
      "**Checking:** Shanghai is home to 5,000 IoT companies\n**Not in the sources:** I couldn't find that in the sources. The sources never mention Shanghai.",
    );
    expect(body.embeds ?? []).toEqual([]);
  });

  it('"more than 3,000" shows the 3,657 sentence as supporting it', async () => {
    const body = await findSource('Wuxi has more than 3,000 IoT companies');
    expect(verdictLine(body)).toBe('**Supported:** a source states it.');
    expect(fields(body)[0]!.value).toContain('**3,657** IoT enterprises');
  });

  it('every sentence has its own Share button, and Share 2 posts the second sentence in the channel', async () => {
    const payload = messageContextMenuInteraction(h.fake.guildScope(), {
      name: 'Find source',
      target: { content: 'Wuxi is home to about 2,000 IoT companies' },
    });
    await h.send(payload);
    const body = (await waitForEdit(h.fake, payload.token)).body as Body;
    const count = fields(body).length;
    expect(count).toBeGreaterThanOrEqual(2);
    expect(buttonLabels(body).filter((l) => l.startsWith('Share'))).toEqual(
      Array.from({ length: count }, (_, i) => `Share ${i + 1} in channel`),
    );
    const shareTwo = customIds(body)[1]!;
    expect(shareTwo).toBe('share:in-jiangsu-province-wuxi-becomes:2');
    const shared = await h.send(buttonInteraction(h.fake.guildScope(), { customId: shareTwo }));
    expect(shared.ephemeral).toBe(false);
    expect(allText(shared.data)).toContain('The 2,000-plus IoT companies generated combined income');
  });
});

describe('/ask shows the answer in bold inside the quote', () => {
  const ask = (question: string) => h.send(chatInputInteraction(h.fake.guildScope(), { name: 'ask', options: { question } }));
  const CORPUS_SENTENCE =
    "Statistic show that Wuxi is now home to 3,657 IoT enterprises, covering the entire industry chain including related chips, sensing devices, network communications, intelligent hardware and application services, according to Chen Wenbin, director of Wuxi's industry and information technology bureau.";

  it('how many IoT firms in Wuxi: **3,657**, and without the ** the quote is the corpus sentence', async () => {
    const reply = await ask('how many IoT firms in Wuxi');
    const description = reply.data.embeds![0]!.description!;
    expect(description).toContain('home to **3,657** IoT enterprises');
    const quoteLine = description.split('\n')[0]!;
    expect(quoteLine.replace(/\*\*/g, '')).toBe(`> ${CORPUS_SENTENCE}`);
  });

  it('a who-question bolds the name, a when-question the date', async () => {
    expect((await ask('who is the vice-mayor of Wuxi')).data.embeds![0]!.description).toMatch(/^> \*\*Gao Yaguang\*\*, vice-mayor of Wuxi/);
    expect((await ask('when was the Expo held')).data.embeds![0]!.description).toContain('from **October 2023** to 10');
  });

  it('a question with no particular answer bolds nothing', async () => {
    const description = (await ask('what does Wuxi plan for the IoT industry cluster')).data.embeds![0]!.description!;
    expect(description).toMatch(/^> Wuxi plans to release more favorable measures/);
    expect(description).not.toContain('**');
  });
});
