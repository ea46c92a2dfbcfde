// A corrupt corpus at start-up: `citebot bot` (the real CLI, as a child process) must exit
// non-zero with one plain message naming the bad file, no stack trace, and never reach
// Discord: a corpus is served whole or not at all. (The bot has no reload: the corpus is
// read once at start-up, so start-up is the only moment corruption can bite.)
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/corpusError.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { chatInputInteraction, FakeDiscord } from '../fake-discord/index.js';
import { startCitebot, tempFolders } from '../support/cli.js';
import { STEP_MS, TOKEN } from '../support/discordBot.js';

const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
const VICTIM = 'wuxi-beijing-seek-cooperation.md';
/** A corrupt corpus fails while loading, long before this; a healthy one is ready well within it. */
const RUN_MS = 15_000;
/** `citebot bot` processes at once (each is mostly Node start-up; more only queue for the CPU). */
const PARALLEL = 4;

let fake: FakeDiscord;
const dirs = tempFolders('citebot-corrupt-');

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: TOKEN });
});

afterAll(async () => {
  await fake?.stop();
  dirs.removeAll();
});

/** A copy of the real corpus's articles in a fresh temp folder, broken by `breakIt`. */
function corpusCopy(breakIt: (dir: string) => void = () => undefined): string {
  const dir = dirs.make();
  for (const name of readdirSync(CORPUS).filter((n) => n.endsWith('.md'))) cpSync(join(CORPUS, name), join(dir, name));
  breakIt(dir);
  return dir;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the bot got as far as "bot ready" (and was then stopped with SIGTERM). */
  ready: boolean;
}

/**
 * `citebot bot` on `dir`, run in that folder (no .env there). Once it is ready, `whenReady`
 * runs (if given) and then SIGTERM stops it; SIGKILL at RUN_MS whatever happens.
 */
async function runBot(dir: string, whenReady?: () => Promise<void>): Promise<Run> {
  const bot = startCitebot(['bot'], {
    cwd: dir,
    env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, CITEBOT_CORPUS: dir },
  });
  let ready = false;
  bot.child.stderr.on('data', () => {
    if (!ready && bot.stderr().includes('"msg":"bot ready"')) {
      ready = true;
      void (whenReady ?? (async () => undefined))().finally(() => bot.child.kill('SIGTERM'));
    }
  });
  const killer = setTimeout(() => bot.child.kill('SIGKILL'), RUN_MS);
  const [code, signal] = await bot.exited;
  clearTimeout(killer);
  return { code, signal, stdout: bot.stdout(), stderr: bot.stderr(), ready };
}

const STACK_LINE = /\n\s+at /;

const edit = (dir: string, name: string, change: (text: string) => string) =>
  writeFileSync(join(dir, name), change(readFileSync(join(dir, name), 'utf8')));

/** The contract for every corruption: exit 1 by itself, one line naming the file, no stack trace. */
function expectRefused(run: Run, file: string, problem: RegExp) {
  expect(run.ready, run.stderr).toBe(false);
  expect(run.signal, run.stderr).toBeNull(); // it exited by itself, well inside the bound
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^citebot: the corpus does not load: /);
  expect(run.stderr).toContain(file);
  expect(run.stderr).toMatch(problem);
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
}

interface Corruption {
  what: string;
  breakIt(dir: string): void;
  /** The file the message must name. */
  file: string;
  problem: RegExp;
}

const CORRUPTIONS: Corruption[] = [
  {
    what: 'truncated inside the front matter',
    breakIt: (d) => edit(d, VICTIM, (t) => t.slice(0, 40)),
    file: VICTIM,
    problem: /front matter/,
  },
  { what: 'emptied (0 bytes)', breakIt: (d) => writeFileSync(join(d, VICTIM), ''), file: VICTIM, problem: /front matter/ },
  {
    what: 'overwritten with binary garbage (NULs, invalid UTF-8)',
    // Deterministic "random" bytes.
    breakIt: (d) => writeFileSync(join(d, VICTIM), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24))),
    file: VICTIM,
    problem: /not valid UTF-8/,
  },
  {
    what: 'front matter that is not YAML',
    breakIt: (d) => edit(d, VICTIM, (t) => t.replace(/^title: .*$/m, 'title: [unclosed, "bracket')),
    file: VICTIM,
    problem: /not valid YAML/,
  },
  {
    what: 'a date that is no date',
    breakIt: (d) => edit(d, VICTIM, (t) => t.replace(/^date: .*$/m, 'date: "2020-13-45"')),
    file: VICTIM,
    problem: /field "date"/,
  },
  {
    what: 'a front matter without its id',
    breakIt: (d) => edit(d, VICTIM, (t) => t.replace(/^id: .*\n/m, '')),
    file: VICTIM,
    problem: /id/,
  },
  {
    what: 'a body with no sentences left',
    breakIt: (d) => edit(d, VICTIM, (t) => t.slice(0, t.indexOf('\n---', 4) + 5)),
    file: VICTIM,
    problem: /no sentences/,
  },
  {
    what: 'a second file with the same article id',
    breakIt: (d) => cpSync(join(d, VICTIM), join(d, 'zz-copy-of-victim.md')),
    file: 'zz-copy-of-victim.md',
    problem: /duplicate id/,
  },
];

describe('citebot bot with the untouched copy (control)', () => {
  it("starts and answers through Discord, so the refusals below are the corruption's doing", async () => {
    let answer = '';
    const run = await runBot(corpusCopy(), async () => {
      const payload = fake.sendInteraction(
        chatInputInteraction(fake.guildScope(), { name: 'ask', options: { question: 'how many IoT enterprises in Wuxi' } }),
      );
      answer = (await fake.awaitInteractionReply(payload.id, STEP_MS)).data.embeds?.[0]?.description ?? '';
    });
    expect(run.ready).toBe(true);
    expect(answer).toContain('3,657');
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
  });
});

describe('citebot bot with a corrupt corpus file', () => {
  const runs = new Map<string, Run>();
  let requestsBefore = 0;
  let connectionsBefore = 0;

  beforeAll(async () => {
    requestsBefore = fake.requests.length;
    connectionsBefore = fake.gateway.connectionUrls.length;
    // Each is a separate `citebot bot` process on its own broken copy, a few at a time.
    const queue = [...CORRUPTIONS];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) runs.set(c.what, await runBot(corpusCopy(c.breakIt)));
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  }, 3 * RUN_MS);

  it.each(CORRUPTIONS)('$what: exits 1 naming the file, no stack trace', ({ what, file, problem }) => {
    expectRefused(runs.get(what)!, file, problem);
  });

  it('nothing half-loaded was served: no run logged in, let alone answered', () => {
    expect(fake.requests.length).toBe(requestsBefore);
    expect(fake.gateway.connectionUrls.length).toBe(connectionsBefore);
  });

  // A dangling symlink (or a file removed between readdir and stat) once crashed with a raw ENOENT.
  it('a dangling symlink among the articles', async () => {
    const run = await runBot(corpusCopy((d) => symlinkSync(join(d, 'no-such-article.md'), join(d, 'zz-dangling.md'))));
    expectRefused(run, 'zz-dangling.md', /./);
  });

  // Invalid UTF-8 once loaded silently as U+FFFD and was quoted as "the corpus sentence".
  it('invalid UTF-8 bytes inside an article body are refused, not quoted', () => {
    const dir = corpusCopy((d) => {
      const raw = readFileSync(join(d, VICTIM));
      const at = raw.indexOf('Beijing and Wuxi') + 2;
      writeFileSync(join(d, VICTIM), Buffer.concat([raw.subarray(0, at), Buffer.from([0xff, 0xfe, 0x00, 0x00, 0xc3]), raw.subarray(at)]));
    });
    expect(() => loadCorpus(dir)).toThrow(CorpusError);
  });
});
