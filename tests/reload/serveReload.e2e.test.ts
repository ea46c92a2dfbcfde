// Live reload in `citebot serve` (the real process, signed interactions): an article added to
// the corpus folder is answered without a restart; a broken file added next changes nothing that
// is served, /healthz stays 200 and says what failed; fixing it recovers; SIGHUP reloads too.
import { join } from 'node:path';
import type { APIInteraction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatInputInteraction, FakeDiscord } from '../fake-discord/index.js';
import { citebot, ROOT, tempFolders } from '../support/cli.js';
import { deliver } from '../support/httpDiscord.js';
import { copyCorpus, pollUntil, writeArticle, writeBrokenArticle } from '../support/liveCorpus.js';
import { readText } from '../support/messages.js';
import { httpRequest, startServe, type ServeProcess } from '../support/serveProcess.js';

const folders = tempFolders('citebot-reload-');
let fake: FakeDiscord;
const servers: ServeProcess[] = [];

beforeAll(async () => {
  fake = await FakeDiscord.start();
}, 20_000);

afterAll(async () => {
  for (const server of servers) {
    expect(await server.stop()).toBe(0);
    expect(server.logs().filter((l) => l.level === 'error')).toEqual([]);
  }
  await fake?.stop();
  folders.removeAll();
});

async function serveOn(corpus: string, env: Record<string, string> = {}): Promise<ServeProcess> {
  const server = await startServe({
    env: { DISCORD_API_URL: fake.apiUrl, CITEBOT_RATE_LIMIT: '0', CITEBOT_CORPUS: corpus, CITEBOT_WATCH_DEBOUNCE_MS: '100', ...env },
  });
  servers.push(server);
  return server;
}

/** The text of /ask's answer, as Discord would show it. */
async function ask(server: ServeProcess, question: string): Promise<string> {
  const payload: APIInteraction = chatInputInteraction(fake.guildScope(), { name: 'ask', options: { question } });
  const { response } = await deliver(server, fake, payload);
  return readText(response.data ?? {});
}

interface Health {
  status: string;
  corpus: {
    digest: string;
    articles: number;
    sentences: number;
    loadedAt: string;
    lastReload: { at: string; outcome: string; file?: string; error?: string } | null;
  };
}
const health = async (server: ServeProcess) => {
  const res = await httpRequest(`${server.url}/healthz`);
  return { code: res.status, ...(JSON.parse(res.body) as Health) };
};

const BEEHIVES = {
  id: 'lakeside-honey-cooperative',
  title: 'Lakeside Honey Cooperative expands along Taihu',
  date: '2021-03-02',
  body: 'The Lakeside Honey Cooperative now keeps 4,200 beehives on the shores of Taihu Lake, its chairman said on Monday.\n\nThe cooperative sells most of its honey in Wuxi and Suzhou.',
};
const FERRY = {
  id: 'broken',
  title: 'Grand Canal ferry returns',
  date: '2021-04-12',
  body: 'The Grand Canal night ferry carried 18,500 passengers in its first month back in service.',
};

describe('serve, watching its corpus folder', () => {
  let server: ServeProcess;
  let dir: string;
  let startDigest: string;

  beforeAll(async () => {
    dir = copyCorpus(folders.make());
    server = await serveOn(dir);
    startDigest = (await health(server)).corpus.digest;
  }, 20_000);

  it('answers from an article added to the folder, without a restart, and /healthz reports the new corpus', async () => {
    expect(await ask(server, 'How many beehives does the Lakeside Honey Cooperative keep?')).toMatch(/never mention|couldn't find/);
    const before = await health(server);
    expect(before).toMatchObject({ code: 200, status: 'ready', corpus: { articles: 5, lastReload: null } });

    writeArticle(dir, BEEHIVES);
    const answer = await pollUntil('the new article answers', async () => {
      const text = await ask(server, 'How many beehives does the Lakeside Honey Cooperative keep?');
      return text.includes('4,200 beehives') ? text : undefined;
    });
    expect(answer).toContain('Lakeside Honey Cooperative expands along Taihu');

    const after = await health(server);
    expect(after.code).toBe(200);
    expect(after.corpus).toMatchObject({ articles: 6, lastReload: { outcome: 'reloaded' } });
    expect(after.corpus.digest).not.toBe(startDigest);
    expect(after.corpus.sentences).toBeGreaterThan(before.corpus.sentences);
    expect(after.corpus.lastReload).not.toHaveProperty('error');
    expect(server.logs().find((l) => l.msg === 'corpus reload: corpus loaded')).toMatchObject({
      articles: 6,
      sentences: expect.any(Number),
    });
    const done = server.logs().find((l) => l.msg === 'corpus reloaded');
    expect(done).toMatchObject({ level: 'info', articles: 6, before: { articles: 5 }, built: true });
    expect(done?.ms).toEqual(expect.any(Number));
    expect(server.logs().find((l) => l.msg === 'corpus reload started')?.reason).toContain('lakeside-honey-cooperative.md');
  }, 40_000);

  it('keeps the index it serves when a broken file arrives, says so once in the log and on /healthz (still 200), and recovers when it is fixed', async () => {
    writeBrokenArticle(dir, 'grand-canal-ferry.md');
    const failed = await pollUntil('/healthz reports the failed reload', async () => {
      const h = await health(server);
      return h.corpus.lastReload?.outcome === 'failed' ? h : undefined;
    });
    expect(failed.code).toBe(200);
    expect(failed.status).toBe('ready');
    expect(failed.corpus.articles).toBe(6);
    expect(failed.corpus.lastReload?.file).toMatch(/grand-canal-ferry\.md$/);
    expect(failed.corpus.lastReload?.error).toMatch(/grand-canal-ferry\.md.*date/);
    const failures = server.logs().filter((l) => l.msg === 'corpus reload failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: 'warn', file: expect.stringMatching(/grand-canal-ferry\.md$/), serving: { articles: 6 } });
    expect(failures[0]?.problem).toMatch(/date/);
    // What was served before is served still.
    expect(await ask(server, 'How many beehives does the Lakeside Honey Cooperative keep?')).toContain('4,200 beehives');
    expect(await ask(server, 'how many IoT enterprises in Wuxi')).toContain('3,657 IoT enterprises');

    writeArticle(dir, FERRY, 'grand-canal-ferry.md');
    const answer = await pollUntil('the fixed article answers', async () => {
      const text = await ask(server, 'How many passengers did the Grand Canal night ferry carry?');
      return text.includes('18,500 passengers') ? text : undefined;
    });
    expect(answer).toContain('Grand Canal ferry returns');
    const recovered = await health(server);
    expect(recovered).toMatchObject({ code: 200, corpus: { articles: 7, lastReload: { outcome: 'reloaded' } } });
    expect(recovered.corpus.lastReload).not.toHaveProperty('error');
  }, 70_000);

  it('leaves a prebuilt index that matches the new files, so the next start (or `ask`) needs no indexing', () => {
    const run = citebot(['ask', '--corpus', dir, 'How many passengers did the Grand Canal night ferry carry?']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(''); // no "the prebuilt index … was built from other corpus files"
    expect(run.stdout).toContain('18,500 passengers');
  });
});

describe('serve while `citebot ingest` adds a page to its corpus', () => {
  it('answers from the ingested article without a restart', async () => {
    const dir = copyCorpus(folders.make());
    const server = await serveOn(dir);
    const question = 'How much will Sentai Microsystems spend on its Wuxi plant?';
    expect(await ask(server, question)).not.toContain('1.6 billion yuan');
    const ingest = citebot(['ingest', '--corpus', dir, join(ROOT, 'tests', 'fixtures', 'raw', 'chinadaily-sensor-plant.txt')]);
    expect(ingest.status).toBe(0);
    const answer = await pollUntil('the ingested article answers', async () => {
      const text = await ask(server, question);
      return text.includes('1.6 billion yuan') ? text : undefined;
    });
    expect(answer).toContain("Wuxi sensor maker expands plant as carmakers' orders surge");
    expect((await health(server)).corpus).toMatchObject({ articles: 6, lastReload: { outcome: 'reloaded' } });
  }, 40_000);
});

describe('serve with CITEBOT_WATCH=off', () => {
  it('reloads on SIGHUP, and only then', async () => {
    const dir = copyCorpus(folders.make());
    const server = await serveOn(dir, { CITEBOT_WATCH: 'off' });
    writeArticle(dir, BEEHIVES);
    // Nothing watches the folder: the first reload is the one SIGHUP asks for.
    server.child.kill('SIGHUP');
    const answer = await pollUntil('the article is answered after SIGHUP', async () => {
      const text = await ask(server, 'How many beehives does the Lakeside Honey Cooperative keep?');
      return text.includes('4,200 beehives') ? text : undefined;
    });
    expect(answer).toContain('Lakeside Honey Cooperative');
    const reloads = server.logs().filter((l) => l.msg === 'corpus reload started');
    expect(reloads.map((l) => l.reason)).toEqual(['SIGHUP']);
    expect((await health(server)).corpus).toMatchObject({ articles: 6, lastReload: { outcome: 'reloaded' } });
    // A second SIGHUP with nothing changed: nothing rebuilt, nothing swapped.
    const loadedAt = (await health(server)).corpus.loadedAt;
    server.child.kill('SIGHUP');
    await pollUntil('the second reload ends', async () => (server.logs().some((l) => l.msg === 'corpus unchanged') ? true : undefined));
    expect((await health(server)).corpus).toMatchObject({ articles: 6, loadedAt, lastReload: { outcome: 'unchanged' } });
  }, 40_000);
});
