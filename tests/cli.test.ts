// The command line as a newcomer meets it: settings from the repository's .env wherever citebot
// is started, usage slips answered with a sentence, --help and --version, and --index.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpOf, parseCommand, type CommandSpec } from '../src/cli/parseCliArgs.js';
import * as specs from '../src/cli/specs.js';
import { citebot, CRASH, ROOT, tempFolders } from './support/cli.js';

const SPECS: CommandSpec[] = Object.values(specs);
const folders = tempFolders('citebot-cli-');
afterAll(() => folders.removeAll());

/** A copy of the real corpus's articles that a test may index or damage. */
function corpusCopy(): string {
  const dir = folders.make();
  for (const name of readdirSync(join(ROOT, 'corpus'))) if (name.endsWith('.md')) cpSync(join(ROOT, 'corpus', name), join(dir, name));
  return dir;
}

describe('settings come from the .env in the repository root, wherever citebot is started', () => {
  let copy: string;
  let elsewhere: string;
  const run = (...args: string[]) => citebot(args, { cwd: elsewhere, bin: join(copy, 'bin', 'citebot.js') });

  beforeAll(() => {
    // A second installation of citebot (its own root, .env and corpus), run from an unrelated folder
    // whose own .env names a corpus that does not exist: every command must use the root's.
    copy = folders.make();
    for (const part of ['package.json', 'bin', 'dist']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    mkdirSync(join(copy, 'src'));
    symlinkSync(join(ROOT, 'src', 'lexicon'), join(copy, 'src', 'lexicon'), 'dir');
    mkdirSync(join(copy, 'src', 'engine'));
    symlinkSync(join(ROOT, 'src', 'engine', 'model'), join(copy, 'src', 'engine', 'model'), 'dir');
    mkdirSync(join(copy, 'my-corpus'));
    const article = {
      id: 'widgets',
      title: 'Widget output',
      date: '2022',
      source: null,
      url: null,
      text: 'The factory made 42 quantum widgets in 2022. It grew.',
    };
    writeFileSync(join(copy, 'my-corpus', 'widgets.jsonl'), `${JSON.stringify(article)}\n`);
    // A malformed token too: no command here uses it, so none may stop at it.
    writeFileSync(join(copy, '.env'), 'CITEBOT_CORPUS=my-corpus\nDISCORD_TOKEN=hunter2\n');
    elsewhere = folders.make();
    writeFileSync(join(elsewhere, '.env'), 'CITEBOT_CORPUS=/no/such/corpus\n');
  });

  it('sources, show, ask, search, build-index, ingest and the console all use CITEBOT_CORPUS from it; --corpus overrides it', () => {
    expect(JSON.parse(run('sources', '--json').stdout).map((a: { id: string }) => a.id)).toEqual(['widgets']);
    expect(run('show', 'widgets').stdout).toMatch(/^Widget output/);
    expect(run('ask', 'how many quantum widgets did the factory make').stdout).toContain('42 quantum widgets');
    expect(run('search', 'quantum widgets').stdout).toContain('42 quantum widgets');
    const built = run('build-index');
    expect(built.stdout).toContain(`wrote ${join(copy, 'my-corpus', '.citebot-index')}`);
    const piped = citebot(['console'], { cwd: elsewhere, bin: join(copy, 'bin', 'citebot.js'), input: '/sources\n' });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('Widget output');
    expect(piped.stderr).not.toMatch(/DISCORD_TOKEN|index/);
    const ingested = run('ingest', join(ROOT, 'tests', 'fixtures', 'raw', 'chinadaily-sensor-plant.txt'));
    expect(ingested.status).toBe(0);
    expect(readdirSync(join(copy, 'my-corpus')).filter((n) => n.endsWith('.md'))).toEqual(['wuxi-sensor-maker-expands-plant-as.md']);
    expect(JSON.parse(run('sources', '--json', '--corpus', join(ROOT, 'corpus')).stdout)).toHaveLength(5);
  }, 60_000);
});

describe("a newcomer's slips", () => {
  it('--version and -v print the version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) expect(citebot([flag])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('every command --help lists its flags, each with its default where it has one', () => {
    for (const spec of SPECS) {
      const help = helpOf(spec);
      expect(help).toMatch(new RegExp(`^usage: citebot ${spec.name} `));
      for (const [name, flag] of Object.entries(spec.flags)) {
        const line = help.split('\n').find((l) => l.trimStart().startsWith(`--${name}`));
        expect(line, `${spec.name} --${name}`).toContain(flag.help);
        const fallback = flag.default ?? flag.defaultText;
        if (fallback) expect(line).toContain(`(default: ${fallback})`);
      }
    }
    const run = citebot(['ask', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}--limit N +answers at most: .*\(default: 3\)$/m);
    expect(run.stdout).toMatch(/^ {2}--index FILE +.*\(default: \.citebot-index in the corpus folder\)$/m);
  });

  it('a stray argument to a command that takes none is refused with its usage', () => {
    for (const spec of SPECS.filter((s) => !s.operands)) {
      expect(() => parseCommand(spec, ['extra']), spec.name).toThrow(
        new RegExp(`^${spec.name} takes no arguments besides its flags, got "extra"\\nusage: citebot ${spec.name}`),
      );
    }
    const dir = corpusCopy();
    const run = citebot(['build-index', '--corpus', dir, 'extra']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^citebot: build-index takes no arguments besides its flags, got "extra"\nusage: citebot build-index/);
    expect(existsSync(join(dir, '.citebot-index'))).toBe(false);
  });

  it('an empty flag value is refused, not taken for the current folder', () => {
    const run = citebot(['sources', '--corpus=']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^citebot: --corpus needs a value\nusage: citebot sources/);
  });

  it('ask "" says the question is empty and exits non-zero', () => {
    for (const question of ['', '   ']) {
      const run = citebot(['ask', question]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^citebot: The question is empty: ask about something in the sources/);
    }
  });

  it('build-index --out into a folder that does not exist names the folder, before indexing', () => {
    const missing = join(folders.make(), 'missing', 'dir');
    const run = citebot(['build-index', '--out', join(missing, 'x')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `citebot: cannot write ${join(missing, 'x')}: the folder ${missing} does not exist (create it, or give --out a file in an existing folder)\n`,
    );
  });
});

describe('--index FILE reads an index written with build-index --out', () => {
  it('ask, search and the console load it without indexing; a damaged one is refused with a notice naming it, and the answer is the same', () => {
    const dir = corpusCopy();
    const file = join(folders.make(), 'wuxi.idx');
    expect(citebot(['build-index', '--corpus', dir, '--out', file]).status).toBe(0);
    const asked = citebot(['ask', '--corpus', dir, '--index', file, '--json', 'how many IoT enterprises in Wuxi']);
    expect(asked.stderr).toBe('');
    expect(JSON.parse(asked.stdout).answers[0].quote).toContain('3,657 IoT enterprises');
    expect(citebot(['search', '--corpus', dir, '--index', file, 'IoT enterprises']).stderr).toBe('');
    // Malformed Discord settings in the environment too: the console uses neither, so it starts.
    const consoleRun = citebot(['console', '--corpus', dir, '--index', file], {
      input: '/ask question: how many IoT enterprises in Wuxi\n',
      env: { DISCORD_TOKEN: 'hunter2', DISCORD_PUBLIC_KEY: 'not-hex' },
    });
    expect(consoleRun.stdout).toContain('3,657 IoT enterprises');
    expect(consoleRun.stderr).toBe('');

    const bytes = readFileSync(file);
    const at = bytes.indexOf('home to 3,657') + 'home to '.length;
    bytes[at] = '8'.charCodeAt(0);
    writeFileSync(file, bytes);
    const damaged = citebot(['ask', '--corpus', dir, '--index', file, '--json', 'how many IoT enterprises in Wuxi']);
    expect(damaged.stderr).toMatch(
      new RegExp(`^citebot: the prebuilt index ${file} cannot be used: its checksum does not match its contents`),
    );
    expect(JSON.parse(damaged.stdout)).toEqual(JSON.parse(asked.stdout));
    expect(damaged.stderr).not.toMatch(CRASH);

    const missing = citebot(['ask', '--corpus', dir, '--index', `${file}.missing`, 'how many IoT enterprises in Wuxi']);
    expect(missing.stderr).toMatch(/wuxi\.idx\.missing does not exist: indexing the corpus instead/);
    expect(missing.stdout).toContain('3,657 IoT enterprises');
  }, 60_000);
});

describe('ingest keeps a prebuilt index beside the corpus current', () => {
  it('after adding an article it rewrites the index, so the next ask uses it without a notice and finds the new article', () => {
    const dir = corpusCopy();
    expect(citebot(['build-index', '--corpus', dir]).status).toBe(0);
    const page = join(folders.make(), 'widgets.txt');
    writeFileSync(
      page,
      'Widget makers meet in Wuxi\n\nUpdated: 2022-05-09\n\nThe factory in Wuxi made 42 quantum widgets in 2022, the company said on Monday. It plans to double that next year.\n',
    );
    const ingested = citebot(['ingest', '--corpus', dir, '--source', 'example.com', page]);
    expect(ingested.status).toBe(0);
    expect(ingested.stdout).toMatch(/refreshed the prebuilt index .*\.citebot-index: 6 articles/);
    const asked = citebot(['ask', '--corpus', dir, 'how many quantum widgets did the factory make']);
    expect(asked.stderr).toBe('');
    expect(asked.stdout).toContain('42 quantum widgets');
  });
});
