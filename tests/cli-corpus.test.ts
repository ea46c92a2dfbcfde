import { cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import { citebot, ROOT, tempFolders } from './support/cli.js';

const folders = tempFolders('citebot-cli-');
afterAll(() => folders.removeAll());
const tempDir = folders.make;

/** A copy of the real corpus (articles only) that a test may break. */
function corpusCopy(): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'corpus'), dir, { recursive: true, filter: (src) => !src.includes(`${join('corpus', 'raw')}`) });
  return dir;
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error:|node:internal/);

describe('citebot sources', () => {
  it('--json lists the five documents with their metadata and sentence counts', () => {
    const run = citebot(['sources', '--json']);
    expect(run.status).toBe(0);
    const list = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(list).toHaveLength(5);
    for (const entry of list)
      expect(Object.keys(entry).sort()).toEqual(['date', 'datePrecision', 'id', 'sentences', 'source', 'title', 'url']);
    const byDate = Object.fromEntries(list.map((e) => [e.date, e]));
    expect(Object.keys(byDate).sort()).toEqual(['2017-03-03', '2018', '2020-12-18', '2021-03-26', '2023-10-10']);
    expect(byDate['2018']).toMatchObject({ datePrecision: 'year', source: null, url: null });
    expect(byDate['2020-12-18']).toMatchObject({
      id: 'wuxi-beijing-seek-cooperation',
      title: 'Wuxi, Beijing seek cooperation on emerging industries',
      datePrecision: 'day',
      source: 'wuxinews.com.cn',
      url: null,
    });
    expect(byDate['2021-03-26']).toMatchObject({ source: 'wuxinews.com.cn' });
    expect(byDate['2017-03-03']).toMatchObject({ source: 'chinadaily.com.cn' });
    const counts = Object.fromEntries(loadCorpus('corpus').articles.map((a) => [a.id, a.sentences.length]));
    for (const entry of list) expect(entry.sentences).toBe(counts[entry.id as string]);
  });

  it('prints one line per document: id, date, title, publisher and sentence count', () => {
    const run = citebot(['sources']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^wuxi-beijing-seek-cooperation +18 Dec 2020 +Wuxi, Beijing seek cooperation on emerging industries · wuxinews\.com\.cn · 14 sentences$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^in-jiangsu-province-wuxi-becomes +2018 +In Jiangsu province.* · publisher unknown · \d+ sentences$/),
    );
  });

  it('reads the corpus named by --corpus or CITEBOT_CORPUS', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'one.jsonl'),
      `${JSON.stringify({ id: 'one', title: 'One', date: '2022', source: null, url: null, text: 'It grew. It fell.' })}\n`,
    );
    for (const run of [citebot(['sources', '--json', '--corpus', dir]), citebot(['sources', '--json'], { env: { CITEBOT_CORPUS: dir } })]) {
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual([
        { id: 'one', title: 'One', date: '2022', datePrecision: 'year', source: null, url: null, sentences: 2 },
      ]);
    }
  });

  it('a corrupt corpus file: exit code non-zero, the file and line named, no stack trace', () => {
    const dir = corpusCopy();
    writeFileSync(
      join(dir, 'zz-broken.md'),
      '---\nid: broken\ntitle: Broken\ndate: 18 Dec 2020\nsource: null\nurl: null\n---\n\nIt grew.\n',
    );
    const run = citebot(['sources', '--corpus', dir]);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^citebot: the corpus does not load: .*zz-broken\.md:4: field "date": expected a date as "YYYY-MM-DD"/);
    noStackTrace(run.stderr);
  });

  it('a missing corpus folder: exit code non-zero, a clear message, no stack trace', () => {
    const run = citebot(['sources', '--corpus', join(tmpdir(), 'citebot-no-such-corpus')]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/citebot-no-such-corpus: the corpus folder does not exist/);
    noStackTrace(run.stderr);
  });

  it('an unknown option: usage, exit code non-zero', () => {
    const run = citebot(['sources', '--jsn']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/usage: citebot sources/);
    noStackTrace(run.stderr);
  });
});

describe('citebot show', () => {
  it('--json gives the metadata and the answerable sentences in order', () => {
    const run = citebot(['show', 'wuxi-hosts-the-2023-world-internet', '--json']);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    const article = loadCorpus('corpus').articles.find((a) => a.id === 'wuxi-hosts-the-2023-world-internet')!;
    expect(doc).toMatchObject({ id: article.id, title: article.title, date: '2023-10-10', datePrecision: 'day', source: null, url: null });
    expect(doc.dateNote).toBe(article.dateNote);
    expect(doc.sentences).toEqual(article.sentences.map((s) => s.text));
    expect(doc.sentences).toContain(
      '"The Internet of Things emits a light that travels through the imagination and reaches the future, and we and the city are chasing this light, approaching this light, and becoming this light with increasing perseverance and determination."',
    );
    expect(doc.sentences).toContain(
      'It is reported that this move is also the latest practice of Wuxi to "let the Internet of Things empower thousands of industries and benefit thousands of households", further demonstrating the confidence and determination to "build a world-class Internet of Things industrial cluster".',
    );
    expect(Object.keys(doc)).not.toContain('file');
    expect(Object.keys(doc)).not.toContain('sections');
  });

  it('prints the title, publisher, date, notes and numbered sentences', () => {
    const run = citebot(['show', 'in-jiangsu-province-wuxi-becomes']);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('In Jiangsu province, Wuxi becomes a global leader in IoT development');
    expect(lines[1]).toBe('publisher unknown · 2018');
    expect(run.stdout).toMatch(/^note: Curator's date: /m);
    expect(run.stdout).toMatch(/^ {2}0 {2}As the hub of China's internet of things sector/m);
  });

  it('an unknown id: exit code non-zero, a helpful message, no stack trace', () => {
    const run = citebot(['show', 'no-such-article']);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('citebot: no article has the id "no-such-article": `citebot sources` lists them\n');
  });

  it('without an id: usage, exit code non-zero', () => {
    const run = citebot(['show']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/give one article id\nusage: citebot show \[--corpus DIR\] \[--json\] ID/);
  });
});
