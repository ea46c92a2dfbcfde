// `citebot ingest` must never write outside the corpus folder, nor leave a file that stops the
// corpus from loading, whatever it is given; and every filesystem failure is a sentence naming the path.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/cliError.js';
import { placeArticle } from '../src/cli/commands/ingest.js';
import { fsStep } from '../src/cli/fsError.js';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import { citebot, citebotAsync, CRASH, ROOT, tempFolders } from './support/cli.js';

const PAGES = join(ROOT, 'tests', 'fixtures', 'raw');
const SENSOR_PAGE = join(PAGES, 'chinadaily-sensor-plant.txt');
const TARIFF_PAGE = join(PAGES, 'xinhua-tariff-dateline.txt');
const folders = tempFolders('citebot-ingest-safety-');
afterAll(() => folders.removeAll());

/** A parent folder holding an empty corpus folder, so that anything written beside the corpus shows. */
function corpusInParent(): { parent: string; corpus: string } {
  const parent = folders.make();
  const corpus = join(parent, 'corpus');
  mkdirSync(corpus);
  return { parent, corpus };
}

describe('ingest refuses, writing nothing anywhere, when given', () => {
  it.each([
    [
      'an id that would leave the folder',
      ['--id', '../outside/pwned'],
      /--id "\.\.\/outside\/pwned": expected an id of 1-64 letters, digits/,
    ],
    ['an id with a space and "!"', ['--id', 'bad id!'], /--id "bad id!": expected an id of 1-64 letters/],
    ['an empty id', ['--id='], /--id needs a value/],
    ['a blank title', ['--title', '   '], /--title needs a value/],
    ['an empty publisher', ['--source='], /--source needs a value/],
    ['a day that is not in the calendar', ['--date', '2023-02-30'], /--date "2023-02-30": expected a day that exists in the calendar/],
  ])('%s', (_what, flags, message) => {
    const { parent, corpus } = corpusInParent();
    const run = citebot(['ingest', '--corpus', corpus, ...flags, SENSOR_PAGE]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(CRASH);
    expect(readdirSync(parent)).toEqual(['corpus']);
    expect(readdirSync(corpus)).toEqual([]);
  });

  it('a page containing a NUL byte', () => {
    const { parent, corpus } = corpusInParent();
    const page = join(parent, 'page.txt');
    writeFileSync(page, readFileSync(SENSOR_PAGE, 'utf8').replace('will spend', 'will\u0000spend'));
    const run = citebot(['ingest', '--corpus', corpus, page]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/page\.txt: line \d+: contains a NUL byte.*nothing was written/);
    expect(readdirSync(corpus)).toEqual([]);
  });

  it('a corpus folder that does not exist (a typo), unless --create asks for it', () => {
    const { parent, corpus } = corpusInParent();
    const typo = join(parent, 'corpsu');
    const refused = citebot(['ingest', '--corpus', typo, SENSOR_PAGE]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toBe(
      `citebot: the corpus folder ${typo} does not exist or is not a folder: check the path, or give --create to make it\n`,
    );
    expect(readdirSync(parent)).toEqual(['corpus']);

    const created = citebot(['ingest', '--corpus', typo, '--create', SENSOR_PAGE]);
    expect(created.status).toBe(0);
    expect(loadCorpus(typo).articles.map((a) => a.id)).toEqual(['wuxi-sensor-maker-expands-plant-as']);
    expect(readdirSync(corpus)).toEqual([]);
  });

  it('a corpus folder under a regular file, or a file for a folder: the path and what is wrong with it', () => {
    const { parent } = corpusInParent();
    const file = join(parent, 'notes.txt');
    writeFileSync(file, 'not a folder\n');
    for (const corpus of [file, join(file, 'corpus')]) {
      const run = citebot(['ingest', '--corpus', corpus, SENSOR_PAGE]);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toBe(
        `citebot: the corpus folder ${corpus} does not exist or is not a folder: check the path, or give --create to make it\n`,
      );
    }
    const create = citebot(['ingest', '--corpus', join(file, 'corpus'), '--create', SENSOR_PAGE]);
    expect(create.status).toBe(1);
    expect(create.stderr).toBe(
      `citebot: cannot create the corpus folder ${join(file, 'corpus')}: a part of the path is a file, not a folder\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('not a folder\n');
  });
});

describe('two ingests at the same time of different pages under the same id', () => {
  it('place one article; the other is refused with a clear message; the corpus loads', async () => {
    for (let round = 0; round < 3; round++) {
      const { corpus } = corpusInParent();
      const runs = await Promise.all(
        [SENSOR_PAGE, TARIFF_PAGE].map((page) => citebotAsync(['ingest', '--corpus', corpus, '--id', 'same-id', page])),
      );
      expect(runs.map((r) => r.status).sort()).toEqual([0, 1]);
      const [won, lost] = runs[0]!.status === 0 ? runs : [runs[1]!, runs[0]!];
      expect(won!.stdout).toMatch(/-> same-id /);
      expect(lost!.stderr).toMatch(/already has a different article with the id "same-id".*nothing was written/);
      for (const run of runs) expect(run.stderr).not.toMatch(CRASH);
      expect(readdirSync(corpus)).toEqual(['same-id.md']);
      expect(loadCorpus(corpus).articles).toHaveLength(1);
    }
  }, 60_000);
});

describe('placing an article file', () => {
  const article = (title: string) =>
    `---\nid: placed\ntitle: ${title}\ndate: 2022-05-09\nsource: null\nurl: null\n---\n\nWuxi signed 32 projects. Officials attended.\n`;

  it('writes it when the id is free, and leaves no temporary file', () => {
    const { corpus } = corpusInParent();
    expect(placeArticle(join(corpus, 'placed.md'), article('First'), 'placed')).toBe('written');
    expect(readdirSync(corpus)).toEqual(['placed.md']);
    expect(readFileSync(join(corpus, 'placed.md'), 'utf8')).toBe(article('First'));
  });

  it('never replaces an article placed meanwhile under the same id, and says so; the same article again is no change', () => {
    const { corpus } = corpusInParent();
    const target = join(corpus, 'placed.md');
    writeFileSync(target, article('First'));
    expect(() => placeArticle(target, article('Second'), 'placed')).toThrow(
      /already has a different article with the id "placed" \(.*placed\.md\): nothing was written/,
    );
    expect(placeArticle(target, article('First'), 'placed')).toBe('unchanged');
    expect(readFileSync(target, 'utf8')).toBe(article('First'));
    expect(readdirSync(corpus)).toEqual(['placed.md']);
  });

  it('refuses a text the loader would refuse, leaving the folder as it was', () => {
    const { corpus } = corpusInParent();
    expect(() => placeArticle(join(corpus, 'placed.md'), article(''), 'placed')).toThrow(
      /the article would not load \(.*title.*\): nothing was written/,
    );
    expect(readdirSync(corpus)).toEqual([]);
  });
});

describe('a filesystem failure', () => {
  it('becomes one sentence naming the path; any other error is left as it is', () => {
    const denied = () =>
      fsStep('cannot write', '/srv/corpus/a.md', () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      });
    expect(denied).toThrow(CliError);
    expect(denied).toThrow(/^cannot write \/srv\/corpus\/a\.md: permission denied$/);
    expect(() =>
      fsStep('cannot write', '/x', () => {
        throw new TypeError('a bug');
      }),
    ).toThrow(TypeError);
  });
});
