// The local console: the same commands, handlers and renderer as the bot, in a terminal.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/createApp.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { createLogger } from '../../src/process/logger.js';
import { createConsoleSession, type ConsoleSession } from '../../src/transports/console/consoleSession.js';
import { citebot } from '../support/cli.js';

let session: ConsoleSession;

beforeAll(async () => {
  const config = loadConfig('local', { env: {}, envFile: null });
  const { dispatcher, registry } = await createApp(config, { log: createLogger('silent'), rateLimit: false });
  const user = { id: 'console', username: 'newcomer', globalName: null };
  session = createConsoleSession({
    dispatcher,
    definitions: registry.definitions,
    user,
    style: { width: 80, color: false, mentionName: () => 'newcomer' },
  });
});

const run = async (line: string) => (await session.handle(line)).text;

describe('console session', () => {
  it('/ask shows the quote, title, date and the buttons, privately', async () => {
    const text = await run('/ask question: how many IoT enterprises in Wuxi');
    expect(text).toMatch(/^── citebot · only you can see this/);
    expect(text).toContain('Asked: how many IoT enterprises in Wuxi');
    expect(text).toContain('┃ Wuxi, Beijing seek cooperation on emerging industries');
    expect(text).toContain('┃ │ Statistic show that Wuxi is now home to 3,657 IoT enterprises');
    expect(text).toContain('┃ — wuxinews.com.cn · 18 Dec 2020');
    expect(text).toContain('[1] Share in channel   [2] Show context');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('pressing the buttons shows the context, and shares in public', async () => {
    await run('how many IoT enterprises in Wuxi'); // plain text is /ask
    const context = await run('press 2');
    expect(context).toContain('only you can see this');
    expect(context).toContain('▶ Statistic show that Wuxi is now home to 3,657 IoT enterprises');
    await run('/ask how many IoT enterprises in Wuxi');
    const shared = await run('press 1');
    expect(shared).toContain('posted in the channel for everyone');
    expect(shared).toContain('Shared by newcomer');
    expect(shared).toContain('3,657 IoT enterprises');
  });

  it('runs every command and the Find source menu', async () => {
    expect(await run('/sources')).toContain('The sources: 5 articles');
    expect(await run('/source id: wuxi-beijing-seek-cooperation')).toContain('Publisher');
    expect(await run('/search query: IoT enterprises')).toContain('Search: IoT enterprises');
    expect(await run('/help')).toContain('How to ask');
    expect(await run('Find source: Gao Yaguang is the mayor of Wuxi')).toContain('Gao Yaguang, vice-mayor of Wuxi');
    expect(await run('/ask question: what is the capital of France public: true')).toContain("I couldn't find that in the sources");
  });

  it('explains mistakes instead of failing', async () => {
    expect(await run('/nope')).toMatch(/^✗ no command \/nope: try \/ask, /);
    expect(await run('/ask public: maybe question: x')).toBe('✗ public: expects true or false, got "maybe"');
    expect(await run('/source')).toBe('✗ /source needs id: …');
    expect(await run('press 9')).toMatch(/^✗ the last reply has no button 9/);
    expect((await session.handle('quit')).quit).toBe(true);
  });

  it('Tab completes through the same autocomplete handlers', async () => {
    expect(await session.complete('/so')).toEqual(['/source ', '/sources ']);
    expect(await session.complete('/ask question: who is gao')).toContain('/ask question: who is Gao Yaguang');
    expect(await session.complete('/source id: beijing')).toEqual(['/source id: wuxi-beijing-seek-cooperation']);
    expect(await session.complete('/ask question: how many iot')).toContain('/ask question: How many IoT enterprises are in Wuxi?');
    expect(await session.complete('/search query: x source: china')).toEqual(['/search query: x source: chinadaily.com.cn']);
  });
});

describe('citebot console with piped input (what `npm start` runs)', () => {
  it('answers each line in order, echoing it, without a token', () => {
    const result = citebot(['console'], {
      input: '/ask question: how many IoT enterprises in Wuxi\npress 1\n/sources\n',
      timeoutMs: 20_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/^› \/ask question: how many IoT enterprises in Wuxi\n── citebot · only you can see this/);
    expect(out).toContain('3,657 IoT enterprises');
    expect(out).toContain('18 Dec 2020');
    expect(out).toContain('[1] Share in channel   [2] Show context');
    expect(out.indexOf('› press 1')).toBeGreaterThan(out.indexOf('[1] Share in channel'));
    expect(out).toContain('posted in the channel for everyone');
    expect(out).toContain('The sources: 5 articles');
    expect(out).not.toContain('\u001b['); // no colour codes when piped
  });
});
