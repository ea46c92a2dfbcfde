// The CLI loads a command's modules only when that command runs: the commands that only read the
// corpus never load discord.js (~300 ms of a one-off `ask`), checked on the module files a real
// process loads (tests/support/recordModules.mjs).
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { citebot, ROOT, tempFolders } from './support/cli.js';

const folders = tempFolders('citebot-startup-');
afterAll(() => folders.removeAll());

/** The module files a CLI run loaded, and what it printed. */
function modulesLoadedBy(args: string[], input = ''): { files: string[]; status: number | null; stderr: string } {
  const out = join(folders.make(), 'modules.txt');
  const run = citebot(args, {
    input,
    nodeArgs: ['--import', join(ROOT, 'tests', 'support', 'recordModules.mjs')],
    env: { CITEBOT_MODULES_OUT: out },
  });
  return { files: readFileSync(out, 'utf8').split('\n').filter(Boolean), status: run.status, stderr: run.stderr };
}

const isDiscord = (file: string) => /node_modules\/(discord\.js|@discordjs)\//.test(file);

function corpusCopy(): string {
  const dir = folders.make();
  for (const name of readdirSync(join(ROOT, 'corpus'))) if (name.endsWith('.md')) cpSync(join(ROOT, 'corpus', name), join(dir, name));
  return dir;
}

describe('commands that only read the corpus load nothing of discord.js', () => {
  it.each([
    ['ask', () => ['ask', 'how many IoT firms in Wuxi']],
    ['search', () => ['search', 'IoT enterprises']],
    ['sources', () => ['sources']],
    ['show', () => ['show', 'wuxi-beijing-seek-cooperation']],
    ['build-index', () => ['build-index', '--corpus', corpusCopy()]],
    ['ingest', () => ['ingest', '--corpus', corpusCopy(), join(ROOT, 'corpus', 'raw', readdirSync(join(ROOT, 'corpus', 'raw'))[0]!)]],
  ])('%s', (_name, args) => {
    const { files, status, stderr } = modulesLoadedBy(args());
    expect(stderr).not.toMatch(/unexpected error/);
    expect(status).toBe(0);
    expect(files.some((f) => f.includes('/dist/src/cli/commands/'))).toBe(true);
    expect(files.filter(isDiscord)).toEqual([]);
  });

  it('ask from a prebuilt index does not load the Markdown parser either (nothing to parse)', () => {
    const dir = corpusCopy();
    expect(citebot(['build-index', '--corpus', dir]).status).toBe(0);
    const { files, status, stderr } = modulesLoadedBy(['ask', '--corpus', dir, 'who is the vice-mayor of Wuxi']);
    expect([status, stderr]).toEqual([0, '']);
    expect(files.filter((f) => /node_modules\/yaml\//.test(f))).toEqual([]);
    expect(
      modulesLoadedBy(['ask', '--corpus', corpusCopy(), 'who is the vice-mayor of Wuxi']).files.some((f) => /node_modules\/yaml\//.test(f)),
    ).toBe(true);
  });

  it('while the console, which renders replies with it, does load it (the check sees CommonJS modules)', () => {
    const { files, status } = modulesLoadedBy(['console'], '/help\n');
    expect(status).toBe(0);
    expect(files.some(isDiscord)).toBe(true);
  });
});
