// The local console: the same commands, handlers and renderer as the bot, in a terminal.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/createApp.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { createLogger } from '../../src/process/logger.js';
import { completeByPrefix } from '../../src/transports/console/completeByPrefix.js';
import { createConsoleSession, type ConsoleSession } from '../../src/transports/console/consoleSession.js';
import { handleInterrupts, interruptAction, QUIT_HINT } from '../../src/transports/console/interrupt.js';
import { runConsole } from '../../src/transports/console/runConsole.js';
import { citebot } from '../support/cli.js';

let session: ConsoleSession;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'citebot-console-'));
  const config = loadConfig('local', { env: { CITEBOT_FEEDBACK_FILE: join(folder, 'feedback.jsonl') }, envFile: null });
  const { dispatcher, registry } = await createApp(config, { log: createLogger('silent'), rateLimit: false });
  const user = { id: 'console', username: 'newcomer', globalName: null };
  session = createConsoleSession({
    dispatcher,
    definitions: registry.definitions,
    user,
    style: { width: 80, color: false, mentionName: () => 'newcomer' },
  });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const run = async (line: string) => (await session.handle(line)).text;
/** The number the console gave the reply it just printed. */
const numberOf = (text: string) => Number(/^── citebot · reply (\d+)/.exec(text)?.[1]);

describe('console session', () => {
  it('/ask shows the quote, title, date and the buttons, privately', async () => {
    const text = await run('/ask question: how many IoT enterprises in Wuxi');
    expect(text).toMatch(/^── citebot · reply \d+ · only you can see this/);
    expect(text).toContain('Asked: how many IoT enterprises in Wuxi');
    expect(text).toContain('┃ Wuxi, Beijing seek cooperation on emerging industries');
    expect(text).toContain('┃ │ Statistic show that Wuxi is now home to 3,657 IoT enterprises');
    expect(text).toContain('┃ — wuxinews.com.cn · 18 Dec 2020');
    expect(text).toContain('[1] Share in channel   [2] Show context   [3] Not it?');
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
    expect(await run('press 9')).toMatch(/^✗ the latest reply has no button 9/);
    expect(await run('press 999.1')).toMatch(/^✗ there is no reply 999: the replies so far are 1–\d+$/);
    expect((await session.handle('quit')).quit).toBe(true);
  });

  it('press R.N presses a button of any earlier reply, not only the latest', async () => {
    const answer = await run('/ask question: how many IoT enterprises in Wuxi');
    const first = numberOf(answer);
    expect(answer).toContain(`(type "press N" to press a button; "press ${first}.N" after other replies)`);
    expect(numberOf(await run('/sources'))).toBe(first + 1);
    const context = await run(`press ${first}.2`);
    expect(numberOf(context)).toBe(first + 2);
    expect(context).toContain('▶ Statistic show that Wuxi is now home to 3,657 IoT enterprises');
    expect(await run(`press ${first + 1}.1`)).toBe(`✗ reply ${first + 1} has no button 1`);
    expect(await run('press 0.1')).toMatch(/^✗ there is no reply 0/);
  });

  it('a page replaces the reply its button was on, which keeps its number', async () => {
    const search = await run('/search query: IoT enterprises in Wuxi');
    const n = numberOf(search);
    expect(search).toContain('[6] Next ▸');
    const next = await run('press 6');
    expect(next).toMatch(new RegExp(`^── citebot · reply ${n}, updated · only you can see this`));
    expect(next).toContain('6. ');
    expect(next).toContain('[6] ◂ Previous');
    // The updated reply is the one pressed again, by its number.
    expect(await run(`press ${n}.6`)).toContain('1. ');
  });

  it('"Not it?" shows the next best sentences, and sharing one is recorded with the console user hashed', async () => {
    const alternatives = (await run('/ask question: how many IoT enterprises in Wuxi')) && (await run('press 3'));
    expect(alternatives).toContain('Not the sentence you needed?');
    expect(alternatives).toContain('[1] Share 1');
    expect(await run('press 1')).toContain('Shared by newcomer');
    const lines = readFileSync(join(folder, 'feedback.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { choice: string }).choice)).toEqual(['not-it', 'shared-alternative']);
    expect(lines.join('\n')).not.toContain('"console"');
  });

  it('Tab completes through the same autocomplete handlers', async () => {
    expect(await session.complete('/so')).toEqual(['/source ', '/sources ']);
    expect(await session.complete('/ask question: who is gao')).toContain('/ask question: who is Gao Yaguang');
    // The one article whose title says Beijing: its id takes the place of the word.
    expect(await session.complete('/source id: beijing')).toEqual(['/source id: wuxi-beijing-seek-cooperation']);
    // By prefix, so an id completes as it is typed, whatever else its letters appear in.
    expect(await session.complete('/source id: wuxi-')).toEqual([
      '/source id: wuxi-beijing-seek-cooperation',
      '/source id: wuxi-hosts-the-2023-world-internet',
      '/source id: wuxi-reaps-strong-partnership-to-push',
    ]);
    expect(await session.complete('/source id: wuxi-h')).toEqual(['/source id: wuxi-hosts-the-2023-world-internet']);
    expect(await session.complete('/source wuxis')).toEqual(['/source wuxis-iot-industry-cluster-wins-national']);
    expect(await session.complete('/source id: iot')).toEqual([]); // in several titles, the start of no id
    const asked = await session.complete('/ask question: how many iot');
    expect(asked.map((c) => c.toLowerCase())).toContain('/ask question: how many iot enterprises are in wuxi?');
    expect(await session.complete('/search query: x source: china')).toEqual(['/search query: x source: chinadaily.com.cn']);
  });

  it('completion keeps what was typed and only extends it', () => {
    expect(completeByPrefix('who is g', ['Who is Gao Yaguang', 'who is gao'])).toEqual(['who is gao Yaguang', 'who is gao']);
    expect(completeByPrefix('who is g', ['Who is Gao Yaguang'])).toEqual(['Who is Gao Yaguang']);
    expect(completeByPrefix('WUXI-', ['wuxi-a', 'wuxi-b', 'x-wuxi-c'])).toEqual(['WUXI-a', 'WUXI-b']);
    expect(completeByPrefix('wuxi-a', ['wuxi-a'])).toEqual([]);
    expect(completeByPrefix('beijing', ['wuxi-beijing-seek-cooperation'])).toEqual(['wuxi-beijing-seek-cooperation']);
    expect(completeByPrefix('iot', ['a-iot', 'b-iot'])).toEqual([]);
  });
});

describe('Ctrl-C at the prompt', () => {
  it('clears a half-typed line; on an empty line it warns, and a second one quits', () => {
    expect(interruptAction('how many', false)).toBe('clear-line');
    expect(interruptAction('how many', true)).toBe('clear-line');
    expect(interruptAction('', false)).toBe('warn');
    expect(interruptAction('', true)).toBe('quit');
  });

  it('on a terminal readline: the abandoned text is never sent, the next line is; two Ctrl-C on an empty line close it', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    const lines = createInterface({ input, output, terminal: true });
    handleInterrupts(lines, (text) => output.write(text));
    const sent: string[] = [];
    lines.on('line', (line) => sent.push(line));
    let closed = false;
    lines.on('close', () => (closed = true));
    const type = async (text: string) => {
      input.write(text);
      await new Promise((resolve) => setImmediate(resolve));
    };

    await type('how many IoT fi');
    await type('\u0003'); // Ctrl-C
    expect(lines.line).toBe('');
    expect(closed).toBe(false);
    await type('who is the vice-mayor\r');
    expect(sent).toEqual(['who is the vice-mayor']);

    await type('\u0003');
    expect(closed).toBe(false);
    expect(shown).toContain(QUIT_HINT);
    await type('x\u0003\u0003'); // typing in between disarms: this one only clears "x"
    expect(closed).toBe(false);
    await type('\u0003');
    expect(closed).toBe(true);
    expect(sent).toEqual(['who is the vice-mayor']);
  });
});

describe('the console on a terminal (runConsole with a fake TTY)', () => {
  it('Tab extends an article id, Enter answers, Ctrl-C drops a half-typed line, two on an empty line quit', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    const config = loadConfig('local', { env: { CITEBOT_FEEDBACK: 'off', LOG_LEVEL: 'silent' }, envFile: null });
    const finished = runConsole(config, { input, output });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    const until = async (text: string) => {
      for (let i = 0; i < 400 && !shown.includes(text); i++) await settle();
      expect(shown).toContain(text);
    };
    await until('citebot> ');

    input.write('/source id: wuxi-h\t');
    await until('/source id: wuxi-hosts-the-2023-world-internet');
    input.write('\r');
    await until('Publisher');
    input.write('/sources and then I change my mind');
    await settle();
    input.write('\u0003');
    await settle();
    expect(shown).not.toContain('The sources: 5 articles');
    input.write('\u0003');
    await until('(To quit, press Ctrl-C again, Ctrl-D, or type quit)');
    input.write('\u0003');
    await finished;
  }, 30_000);
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
    expect(out).toMatch(/^› \/ask question: how many IoT enterprises in Wuxi\n── citebot · reply 1 · only you can see this/);
    expect(out).toContain('3,657 IoT enterprises');
    expect(out).toContain('18 Dec 2020');
    expect(out).toContain('[1] Share in channel   [2] Show context   [3] Not it?');
    expect(out.indexOf('› press 1')).toBeGreaterThan(out.indexOf('[1] Share in channel'));
    expect(out).toContain('posted in the channel for everyone');
    expect(out).toContain('The sources: 5 articles');
    expect(out).not.toContain('\u001b['); // no colour codes when piped
  });
});
