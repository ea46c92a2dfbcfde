// Find source's verdict and the answer in bold in the local console: the same handlers and
// renderer as the bot, drawn in a terminal that shows colour.
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/createApp.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { createLogger } from '../../src/process/logger.js';
import { createConsoleSession, type ConsoleSession } from '../../src/transports/console/consoleSession.js';

let session: ConsoleSession;

beforeAll(async () => {
  const config = loadConfig('local', { env: {}, envFile: null });
  const { dispatcher, registry } = await createApp(config, { log: createLogger('silent'), rateLimit: false });
  session = createConsoleSession({
    dispatcher,
    definitions: registry.definitions,
    user: { id: 'console', username: 'checker', globalName: null },
    style: { width: 100, color: true, mentionName: () => 'checker' },
  });
});

const run = async (line: string) => (await session.handle(line)).text;
const BOLD = (text: string) => `\u001b[1m${text}\u001b[0m`;
const withoutColour = stripVTControlCharacters;

describe('the console', () => {
  it('shows 3,657 in bold inside the quote of /ask how many IoT firms in Wuxi, the words unchanged', async () => {
    const text = await run('/ask question: how many IoT firms in Wuxi');
    expect(text).toContain(`Wuxi is now home to ${BOLD('3,657')} IoT enterprises`);
    expect(withoutColour(text)).toContain('┃ │ Statistic show that Wuxi is now home to 3,657 IoT enterprises, covering');
  });

  it('Find source leads with the verdict, then the evidence, newest first, each with a Share button', async () => {
    const text = withoutColour(await run('Find source: Wuxi is home to about 2,000 IoT companies'));
    const verdict = text.indexOf('Newer figure: it matches an older source, but a later source gives a different value');
    const newest = text.indexOf('1. Newer figure · wuxinews.com.cn · 18 Dec 2020');
    const older = text.indexOf('2. States it · publisher unknown · 2018');
    expect(verdict).toBeGreaterThan(0);
    expect(newest).toBeGreaterThan(verdict);
    expect(older).toBeGreaterThan(newest);
    expect(text).toContain('[1] Share 1 in channel   [2] Share 2 in channel');
    const shared = withoutColour(await run('press 2'));
    expect(shared).toContain('posted in the channel for everyone');
    expect(shared).toContain('The 2,000-plus IoT companies generated combined income');
  });

  it('says Supported, Contradicted and Not in the sources where they apply', async () => {
    expect(withoutColour(await run('Find source: Wuxi is home to 3,657 IoT enterprises'))).toContain('Supported: a source states it.');
    expect(withoutColour(await run('Find source: Wuxi has more than 3,000 IoT companies'))).toMatch(
      /Supported: a source states it\.[\s\S]*home to 3,657 IoT enterprises/,
    );
    expect(withoutColour(await run('Find source: Wuxi now has 10,000 IoT companies'))).toContain(
      'Contradicted: the sources give a different value',
    );
    expect(withoutColour(await run('Find source: Shanghai is home to 5,000 IoT companies'))).toContain(
      "Not in the sources: I couldn't find that in the sources. The sources never mention Shanghai.",
    );
  });
});
