// Previous / Next through the fake Discord with the real discord.js client: /sources over 60
// articles, /search beyond five sentences, and reading an article from /source. Every press is
// answered from the custom id and the message the button is on, nothing the bot remembers: a
// second bot, started afresh, answers presses on the first one's messages.
import type { APIMessage } from 'discord.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { Article } from '../../src/corpus/schema.js';
import { escapeText } from '../../src/discord/render/escape.js';
import { buttonInteraction, chatInputInteraction } from '../fake-discord/index.js';
import { startBotOnFake, type BotOnFake } from '../support/discordBot.js';
import { allText, buttonLabels, customIds } from '../support/messages.js';

const real = loadCorpus('corpus').articles;
const textOf = (a: Article) =>
  a.sections.map((s) => [...(s.heading ? [`## ${s.heading}`] : []), ...s.paragraphs].join('\n\n')).join('\n\n');

/** 60 articles made of the bundled corpus's real text (12 copies of each of the 5, each dated on its own day), and one long article of all 5. */
function sixtyArticles(dir: string): string[] {
  const ids: string[] = [];
  const lines = Array.from({ length: 60 }, (_, i) => {
    const a = real[i % real.length]!;
    const id = `copy-${String(i).padStart(2, '0')}-${a.id}`.slice(0, 64);
    ids.push(id);
    const date = `20${10 + (i % 12)}-0${1 + (i % 9)}-1${i % 10}`;
    return JSON.stringify({ id, title: `${a.title} (${i})`, date, source: a.source, url: null, text: textOf(a) });
  });
  lines.push(
    JSON.stringify({
      id: 'everything',
      title: 'All five articles',
      date: '2009',
      source: 'test',
      url: null,
      text: real.map(textOf).join('\n\n'),
    }),
  );
  writeFileSync(join(dir, 'articles.jsonl'), `${lines.join('\n')}\n`);
  return [...ids, 'everything'];
}

let corpus: string;
let ids: string[];
let h: BotOnFake;
let other: BotOnFake;

beforeAll(async () => {
  corpus = mkdtempSync(join(tmpdir(), 'citebot-paging-'));
  ids = sixtyArticles(corpus);
  const env = { CITEBOT_RATE_LIMIT: '0', CITEBOT_CORPUS: corpus };
  h = await startBotOnFake({ env });
  // Another process as a replica would be: it never saw the first one's replies.
  other = await startBotOnFake({ env });
}, 40_000);

afterAll(async () => {
  await h?.stop();
  await other?.stop();
  rmSync(corpus, { recursive: true, force: true });
});

type Sent = Awaited<ReturnType<BotOnFake['send']>>;

/** Presses the button labelled `label` on `message` (as Discord shows it), through `bot`; returns the reply and the message as it then is. */
async function press(bot: BotOnFake, message: APIMessage, label: string): Promise<{ reply: Sent; message: APIMessage }> {
  const index = buttonLabels(message).indexOf(label);
  expect(index, `no "${label}" button among ${buttonLabels(message).join(', ')}`).toBeGreaterThanOrEqual(0);
  const interaction = buttonInteraction(bot.fake.guildScope(), { customId: customIds(message)[index]!, message });
  const reply = await bot.send(interaction);
  return { reply, message: bot.fake.interactionMessages(interaction.id).original! };
}

async function command(bot: BotOnFake, name: string, options: Record<string, string> = {}) {
  const interaction = chatInputInteraction(bot.fake.guildScope(), { name, options });
  const reply = await bot.send(interaction);
  return { reply, message: bot.fake.interactionMessages(interaction.id).original! };
}

const listedIds = (message: APIMessage) => [...(message.embeds[0]?.description ?? '').matchAll(/id `([^`]+)`/g)].map((m) => m[1]!);

describe('/sources over 60 articles', () => {
  it('shows the first page with a Next button, and Next walks through the rest, each page replacing the last', async () => {
    let { reply, message } = await command(h, 'sources');
    expect(reply.ephemeral).toBe(true);
    expect(buttonLabels(reply.data)).toEqual(['Next ▸']);
    expect(reply.data.embeds?.[0]?.footer?.text).toBe('Newest first · 1–12 of 61 · Page 1 of 6 · /source shows one article');
    const seen = listedIds(message);
    for (let page = 2; page <= 6; page++) {
      ({ reply, message } = await press(page % 2 ? h : other, message, 'Next ▸'));
      expect(reply.type).toBe(7); // UPDATE_MESSAGE: the list is replaced in place
      expect(reply.data.embeds?.[0]?.footer?.text).toContain(`Page ${page} of 6`);
      seen.push(...listedIds(message));
    }
    expect(buttonLabels(message)).toEqual(['◂ Previous']);
    expect([...seen].sort()).toEqual([...ids].sort());
    // Newest first, across pages.
    const dates = seen.map((id) => (id === 'everything' ? '2009' : id));
    expect(dates.at(-1)).toBe('2009');

    ({ message } = await press(other, message, '◂ Previous'));
    expect(message.embeds[0]?.footer?.text).toContain('Page 5 of 6');
    expect(buttonLabels(message)).toEqual(['◂ Previous', 'Next ▸']);
  });
});

describe('/search beyond five sentences', () => {
  it('pages through every match; the query, read back from the message, works in a process that never saw it', async () => {
    let { reply, message } = await command(h, 'search', { query: 'IoT enterprises in Wuxi' });
    const fields = () => (message.embeds[0]?.fields ?? []).map((f) => f.name);
    expect(fields()).toHaveLength(5);
    expect(fields()[0]).toMatch(/^1\. /);
    expect(buttonLabels(reply.data)).toEqual(['Context 1', 'Context 2', 'Context 3', 'Context 4', 'Context 5', 'Next ▸']);
    const next = customIds(reply.data).at(-1)!;
    expect(next).toMatch(/^search-page:[0-9a-f]{12}:1$/);
    const firstPage = allText(message);

    ({ reply, message } = await press(other, message, 'Next ▸'));
    expect(reply.type).toBe(7);
    expect(message.content).toBe('**Search:** IoT enterprises in Wuxi');
    expect(fields()[0]).toMatch(/^6\. /);
    expect(buttonLabels(message).slice(0, 5)).toEqual(['Context 6', 'Context 7', 'Context 8', 'Context 9', 'Context 10']);
    expect(allText(message)).not.toBe(firstPage);
    expect(message.embeds[0]?.footer?.text).toMatch(/^Page 2 of \d+ · \d+ sentences, best first$/);

    ({ message } = await press(h, message, '◂ Previous'));
    expect(allText(message)).toBe(firstPage);
  });

  it('pages a query far longer than a custom id holds, with markdown and a mention in it', async () => {
    const query = `@everyone **IoT** enterprises_in Wuxi ${'and the internet of things industry of the city '.repeat(5)}`.trim();
    expect(query.length).toBeGreaterThan(200);
    const { reply, message } = await command(h, 'search', { query });
    expect(customIds(reply.data).every((id) => id.length <= 100)).toBe(true);
    const turned = await press(other, message, 'Next ▸');
    expect(turned.reply.type).toBe(7);
    expect(turned.message.embeds[0]?.fields?.[0]?.name).toMatch(/^6\. /);
  });

  it('keeps the since and source filters on every page, read back from the message in a process that never saw them', async () => {
    let { message } = await command(h, 'search', { query: 'IoT enterprises in Wuxi', since: '2020-06', source: 'wuxinews.com.cn' });
    expect(message.content).toBe('**Search:** IoT enterprises in Wuxi\n**Within:** since 2020-06; source wuxinews.com.cn');
    const pages = [message];
    while (buttonLabels(message).includes('Next ▸')) {
      ({ message } = await press(other, message, 'Next ▸'));
      expect(message.content).toBe(pages[0]!.content);
      pages.push(message);
    }
    const listed = pages.flatMap((m) => (m.embeds[0]?.fields ?? []).map((f) => f.name));
    expect(listed.length).toBeGreaterThan(5);
    // "1. wuxinews.com.cn · 18 Dec 2020": every sentence on every page from that publisher, dated June 2020 or later.
    for (const name of listed) expect(name).toMatch(/^\d+\. wuxinews\.com\.cn · \d+ \w+ 20(2[0-9])$/);
    const edited = { ...pages[0]!, content: '**Search:** IoT enterprises in Wuxi\n**Within:** since 2019; source wuxinews.com.cn' };
    expect((await press(other, edited, 'Next ▸')).reply.data.content).toBe('This list can no longer be paged: run /search again.');
  });

  it('a press whose message no longer carries the query is told to search again, and the list is left alone', async () => {
    const { message } = await command(h, 'search', { query: 'IoT enterprises in Wuxi' });
    const edited = { ...message, content: '**Search:** something else entirely' };
    const { reply } = await press(other, edited, 'Next ▸');
    expect(reply.type).toBe(4);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toBe('This list can no longer be paged: run /search again.');
  });
});

describe('/source: reading on from the opening', () => {
  it('Read the opening shows the first page in a message of its own; Next goes on to the last sentence, word for word', async () => {
    const card = await command(h, 'source', { id: 'everything' });
    let { reply, message } = await press(h, card.message, 'Read the opening');
    expect(reply.type).toBe(4);
    expect(reply.ephemeral).toBe(true);
    const article = loadCorpus(corpus).articles.find((a) => a.id === 'everything')!;
    let text = message.embeds[0]!.description!;
    let pages = 1;
    while (buttonLabels(message).includes('Next ▸')) {
      ({ reply, message } = await press(pages % 2 ? other : h, message, 'Next ▸'));
      expect(reply.type).toBe(7);
      expect(message.embeds[0]!.description!.length).toBeLessThanOrEqual(4096);
      text += `\n\n${message.embeds[0]!.description!}`;
      pages++;
    }
    expect(pages).toBeGreaterThan(2);
    expect(message.embeds[0]?.footer?.text).toMatch(
      new RegExp(`^Sentences \\d+–${article.sentences.length} of ${article.sentences.length} · page ${pages} of ${pages}`),
    );
    for (const sentence of article.sentences) expect(text).toContain(escapeText(sentence.text));
  });
});
