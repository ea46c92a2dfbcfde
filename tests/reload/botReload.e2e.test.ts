// Live reload in the gateway bot (the real discord.js client against the fake Discord): an
// article added to the corpus folder is answered without a restart, what handlers share (/help's
// count, /sources) is rebuilt with the new engine, and an interaction that started before the
// swap finishes on the engine it started with.
import { ApplicationCommandType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../src/app/handlerTypes.js';
import { privateReply } from '../../src/discord/reply.js';
import { chatInputInteraction } from '../fake-discord/index.js';
import { tempFolders } from '../support/cli.js';
import { startBotOnFake, type BotOnFake } from '../support/discordBot.js';
import { copyCorpus, pollUntil, writeArticle } from '../support/liveCorpus.js';
import { readText } from '../support/messages.js';

const folders = tempFolders('citebot-bot-reload-');
let h: BotOnFake;
let dir: string;

/** Released by the test: /count-twice counts the articles, waits for it, and counts again on the same context. */
let release: () => void = () => {};
let released = Promise.resolve();
let started: () => void = () => {};
const countTwice = {
  data: {
    name: 'count-twice',
    description: 'counts the articles before and after a wait',
    type: ApplicationCommandType.ChatInput,
  } as const,
  execute: async (_request: unknown, context: HandlerContext) => {
    const first = context.engine.corpus.articles.length;
    started();
    await released;
    return privateReply({ content: `${first} then ${context.engine.corpus.articles.length} articles` });
  },
};

beforeAll(async () => {
  dir = copyCorpus(folders.make());
  h = await startBotOnFake({
    env: { CITEBOT_RATE_LIMIT: '0', CITEBOT_CORPUS: dir, CITEBOT_WATCH_DEBOUNCE_MS: '100' },
    extraCommands: [{ source: 'test:count-twice', module: countTwice }],
    // The held interaction waits for a reload: no deadline of Discord's may cut it short here.
    fake: { ackDeadlineMs: 30_000 },
    deferAfterMs: 30_000,
  });
}, 20_000);

afterAll(async () => {
  await h?.stop();
  folders.removeAll();
  expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
});

const text = async (name: string, options: Record<string, string> = {}) =>
  readText((await h.send(chatInputInteraction(h.fake.guildScope(), { name, options }), 30_000)).data);

describe('the gateway bot, watching its corpus folder', () => {
  it('answers from an added article, rebuilds /help and /sources with it, and finishes an interaction begun before the swap on its old engine', async () => {
    expect(await text('help')).toContain('from 5 news articles');
    const beganBefore = new Promise<void>((resolve) => (started = resolve));
    released = new Promise<void>((resolve) => (release = resolve));
    const held = h.send(chatInputInteraction(h.fake.guildScope(), { name: 'count-twice', options: {} }), 30_000);
    await beganBefore;

    writeArticle(dir, {
      id: 'lakeside-honey-cooperative',
      title: 'Lakeside Honey Cooperative expands along Taihu',
      date: '2021-03-02',
      body: 'The Lakeside Honey Cooperative now keeps 4,200 beehives on the shores of Taihu Lake, its chairman said on Monday.',
    });
    const answer = await pollUntil('the bot answers from the new article', async () => {
      const reply = await text('ask', { question: 'How many beehives does the Lakeside Honey Cooperative keep?' });
      return reply.includes('4,200 beehives') ? reply : undefined;
    });
    expect(answer).toContain('Lakeside Honey Cooperative expands along Taihu');
    expect(await text('help')).toContain('from 6 news articles');
    expect(await text('sources')).toContain('Lakeside Honey Cooperative expands along Taihu');
    expect(h.bot.app.corpus.status()).toMatchObject({ articles: 6, lastReload: { outcome: 'reloaded' } });

    release();
    expect(readText((await held).data)).toContain('5 then 5 articles');
  }, 40_000);
});
