// The live corpus in-process (as createApp makes it for the three transports): which changes in
// the corpus folder start a reload, how reloads asked for together are taken, what is left on
// disk, and shutting down in the middle of one.
import { NO_FEEDBACK } from '../../src/app/feedback/feedbackLog.js';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLiveCorpus, type LiveCorpus } from '../../src/app/liveCorpus.js';
import { loadCommands } from '../../src/app/loadCommands.js';
import { loadEngineAndDigest } from '../../src/engine/engine.js';
import { createLogger } from '../../src/process/logger.js';
import { tempFolders, type LogLine } from '../support/cli.js';
import { copyCorpus, pollUntil, writeArticle } from '../support/liveCorpus.js';

const folders = tempFolders('citebot-live-');
const opened: LiveCorpus[] = [];
afterAll(async () => {
  await Promise.all(opened.map((live) => live.close()));
  folders.removeAll();
});

async function liveOn(dir: string, { watch = true, debounceMs = 300 } = {}) {
  const logs: LogLine[] = [];
  const live = createLiveCorpus({
    config: { corpusDir: dir, reload: { watch, debounceMs } },
    ...loadEngineAndDigest(dir),
    registry: await loadCommands(),
    feedback: NO_FEEDBACK,
    log: createLogger('debug', { write: (line: string) => logs.push(JSON.parse(line) as LogLine) }),
  });
  opened.push(live);
  const started = () => logs.filter((l) => l.msg === 'corpus reload started');
  return { live, logs, started };
}

const article = (n: number) => ({
  id: `added-${n}`,
  title: `Added ${n}`,
  date: '2021-01-01',
  body: `Bridge number ${n} is ${n}00 metres long.`,
});

describe('watching the corpus folder', () => {
  it("ignores editors' and ingest's temporary files, other files, subfolders and the index; a burst of article writes is one reload", async () => {
    const dir = copyCorpus(folders.make());
    const { live, started } = await liveOn(dir);
    writeFileSync(join(dir, '.added-1.md.swp'), 'vim swap');
    writeFileSync(join(dir, '.added-1.md.4242.1700000000.tmp'), 'ingest temp');
    writeFileSync(join(dir, 'notes.txt'), 'not an article');
    writeFileSync(join(dir, '.citebot-index.tmp'), 'half an index');
    mkdirSync(join(dir, 'raw'));
    writeFileSync(join(dir, 'raw', 'page.md'), 'a raw page');
    for (let n = 1; n <= 4; n++) writeArticle(dir, article(n));

    await pollUntil('the reload ends', async () => (live.status().lastReload ? true : undefined), 20_000);
    expect(live.status()).toMatchObject({ articles: 9, lastReload: { outcome: 'reloaded' } });
    expect(started()).toHaveLength(1);
    expect(started()[0]?.reason).toBe('changed: added-1.md, added-2.md, added-3.md, added-4.md');
    // The new index replaced the prebuilt one; nothing of the reload's own is left behind.
    expect(readdirSync(dir).filter((name) => name.startsWith('.citebot-index'))).toEqual(['.citebot-index', '.citebot-index.tmp']);
  }, 30_000);
});

describe('an article removed from the folder', () => {
  it('is no longer served once the folder is quiet', async () => {
    const dir = copyCorpus(folders.make());
    const { live } = await liveOn(dir, { debounceMs: 100 });
    rmSync(join(dir, 'wuxi-beijing-seek-cooperation.md'));
    await pollUntil('the reload ends', async () => (live.status().lastReload ? true : undefined), 20_000);
    expect(live.status()).toMatchObject({ articles: 4, lastReload: { outcome: 'reloaded' } });
    expect(live.context().engine.article('wuxi-beijing-seek-cooperation')).toBeUndefined();
    expect(live.context().engine.ask('how many IoT enterprises in Wuxi').answers[0]?.quote ?? '').not.toContain('3,657');
  }, 30_000);
});

describe('reloads asked for together', () => {
  it('are taken by one more reload after the one running, whoever asked', async () => {
    const dir = copyCorpus(folders.make());
    const { live, started, logs } = await liveOn(dir, { watch: false });
    writeArticle(dir, article(1));
    const outcomes = await Promise.all([live.reload('first'), live.reload('second'), live.reload('third')]);
    expect(outcomes).toEqual(['reloaded', 'unchanged', 'unchanged']);
    expect(started().map((l) => l.reason)).toEqual(['first', 'second']);
    expect(logs.filter((l) => l.msg === 'corpus unchanged')).toHaveLength(1);
    expect(live.status().articles).toBe(6);
  }, 30_000);

  it('closing during a reload stops it: nothing is swapped in and nothing is left in the folder', async () => {
    const dir = copyCorpus(folders.make());
    const { live } = await liveOn(dir, { watch: false });
    const digest = live.status().digest;
    writeArticle(dir, article(1));
    const reload = live.reload('closing');
    await live.close();
    expect(await reload).toBe('closed');
    expect(live.status()).toMatchObject({ digest, articles: 5, lastReload: null });
    expect(await live.reload('after close')).toBe('closed');
    expect(readdirSync(dir).filter((name) => name.startsWith('.citebot-index'))).toEqual(['.citebot-index']);
  }, 30_000);
});
