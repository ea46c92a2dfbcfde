// Long work shows one status line on a terminal and nothing at all when piped: build-index and
// feed ingest, through the one helper in src/terminal/progress.ts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progress, type ProgressStream } from '../src/terminal/progress.js';
import { BIN, citebot, citebotAsync, cleanEnv, ROOT, tempFolders } from './support/cli.js';
import { newsPage, startPageServer, type PageServer } from './support/pageServer.js';
import { findTool } from './support/systemTools.js';

/** "Clear the line", as drawn by the status line: shown as ⌫ so that expectations can be read. */
const CLEAR_LINE = '\x1b[K';
const visible = (text: string) => text.replaceAll(CLEAR_LINE, '⌫');
const folders = tempFolders('citebot-progress-');
afterAll(() => folders.removeAll());

function terminal(isTTY: boolean): ProgressStream & { written: string } {
  const stream = {
    written: '',
    isTTY,
    columns: 40,
    write(text: string) {
      stream.written += text;
      return true;
    },
  };
  return stream;
}

describe('the progress line', () => {
  it('on a terminal: redrawn in place, cut to the width, out of the way of printed lines, cleared at the end', () => {
    const stream = terminal(true);
    const printed: string[] = [];
    const p = progress({ stream, out: (line) => printed.push(`${JSON.stringify(stream.written)} then ${line}`) });
    p.update('indexing 1,000 sentences…');
    p.update('writing a file whose name is far too long for the terminal to show');
    p.print('added one');
    p.done();
    expect(stream.written).toBe(
      '\r\x1b[Kindexing 1,000 sentences…' +
        '\r\x1b[Kwriting a file whose name is far too l…' +
        '\r\x1b[K' +
        '\r\x1b[Kwriting a file whose name is far too l…' +
        '\r\x1b[K',
    );
    expect(printed).toEqual([
      `${JSON.stringify('\r\x1b[Kindexing 1,000 sentences…\r\x1b[Kwriting a file whose name is far too l…\r\x1b[K')} then added one`,
    ]);
  });

  it('writes nothing when the stream is not a terminal, or when asked to be quiet (--json)', () => {
    for (const [stream, quiet] of [
      [terminal(false), false],
      [terminal(true), true],
    ] as const) {
      const printed: string[] = [];
      const p = progress({ stream, quiet, out: (line) => printed.push(line) });
      p.update('indexing…');
      p.print('added one');
      p.done();
      expect(stream.written).toBe('');
      expect(printed).toEqual(['added one']);
    }
  });
});

describe('piped runs print no progress', () => {
  let server: PageServer;
  beforeAll(async () => {
    const pages = Array.from({ length: 3 }, (_, i) =>
      newsPage({
        title: `Harbour crane number ${i + 1} is replaced`,
        date: `2024-01-0${i + 1}`,
        site: 'Harbour Post',
        paragraphs: [
          `Crane number ${i + 1} at the container terminal was replaced on Monday after thirty years of service, the port said.`,
        ],
      }),
    );
    server = await startPageServer(Object.fromEntries(pages.map((body, i) => [`/crane/${i}`, { body }])));
    server.route('/feed', {
      type: 'application/rss+xml',
      body: `<rss version="2.0"><channel><title>Cranes</title>${pages.map((_, i) => `<item><link>${server.url(`/crane/${i}`)}</link></item>`).join('')}</channel></rss>`,
    });
  });
  afterAll(() => server.close());

  it('build-index', () => {
    const run = citebot(['build-index', '--corpus', join(ROOT, 'corpus'), '--out', join(folders.make(), 'index')]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^wrote .*: 5 articles, \d+ sentences, \d+ terms, \d+ suggested questions, in \d+ ms\n$/);
    expect(run.stderr).toBe('');
  });

  it('a feed ingest of several items', async () => {
    const run = await citebotAsync(['ingest', '--corpus', folders.make(), '--feed', server.url('/feed')]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('3 added');
    expect(run.stdout + run.stderr).not.toMatch(/\r|⌫/);
    expect(run.stdout + run.stderr).not.toContain('\x1b');
    expect(run.stderr).toBe('');
  });
});

describe('on a real terminal', () => {
  it('build-index says which step it is at, then clears the line before its result', () => {
    // `script` runs the command on a pseudo-terminal of its own, as a person would see it.
    const out = join(folders.make(), 'index');
    const command = [process.execPath, BIN, 'build-index', '--corpus', join(ROOT, 'corpus'), '--out', out].map((a) => `'${a}'`).join(' ');
    const run = spawnSync(findTool('script'), ['-qec', command, '/dev/null'], {
      env: cleanEnv({ TERM: 'xterm' }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const screen = visible(run.stdout);
    expect(screen).toContain('\r⌫build-index: reading the corpus files…');
    expect(screen).toMatch(/\r⌫build-index: loaded 5 articles; indexing \d+ sentences…/);
    expect(screen).toMatch(/\r⌫build-index: indexed \d+ sentences, \d+ terms; making suggested questions/);
    expect(screen).toMatch(/\r⌫build-index: \d+ suggested questions; writing /);
    expect(screen).toMatch(/\r⌫wrote .*index: 5 articles/);
  });
});
