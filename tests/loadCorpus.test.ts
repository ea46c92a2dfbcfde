import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusError } from '../src/corpus/corpusError.js';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import type { Article } from '../src/corpus/schema.js';

const FIXTURES = join('tests', 'fixtures', 'corpus');
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh corpus folder holding the given files. */
function corpusWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'citebot-corpus-'));
  tempDirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The CorpusError that loading a folder throws (fails the test if it loads). */
function loadError(dir: string): CorpusError {
  try {
    loadCorpus(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusError);
    return error as CorpusError;
  }
  throw new Error(`expected ${dir} not to load`);
}

const frontMatter = (fields: Record<string, string>) =>
  `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\nWuxi signed 32 projects. Officials attended.\n`;
const good = { id: 'wuxi-projects', title: 'Wuxi signs projects', date: '2020-12-18', source: 'wuxinews.com.cn', url: 'null' };
const jsonLine = (fields: Record<string, unknown>) =>
  JSON.stringify({ id: 'a1', title: 'T', date: null, source: null, url: null, text: 'It grew. It fell.', ...fields });

/** An article as the rest of citebot sees it, without where it was read from. */
const content = ({ file: _file, ...article }: Article) => article;

describe('loading a good corpus', () => {
  it('reads Markdown and JSONL into the same article for the same content', () => {
    const fromMarkdown = loadCorpus(join(FIXTURES, 'markdown')).articles;
    const fromJsonl = loadCorpus(join(FIXTURES, 'jsonl')).articles;
    expect(fromMarkdown).toHaveLength(1);
    expect(fromJsonl).toHaveLength(2);
    expect(content(fromJsonl.find((a) => a.id === 'taihu-cruises')!)).toEqual(content(fromMarkdown[0]!));
  });

  it('carries ## headings as sections on the sentences under them', () => {
    const [article] = loadCorpus(join(FIXTURES, 'markdown')).articles;
    expect(article!.sentences.map((s) => [s.section, s.text])).toEqual([
      [null, 'Tourist boats returned to the Wuxi shore of Taihu Lake on Saturday.'],
      [null, 'Three cruise routes reopened after a two-month upgrade.'],
      ['Boats and piers', 'The upgraded piers now offer step-free boarding, according to Ms. Zhou Hang.'],
      ['Boats and piers', 'Electric boats make up 80 percent of the fleet.'],
      ['Tickets', 'Tickets cost 105 yuan for adults.'],
      ['Tickets', 'Children pay half.'],
    ]);
    expect(article!.sentences.map((s) => s.id)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `taihu-cruises:${i}`));
    expect(article!.datePrecision).toBe('month');
  });

  it('counts an unquoted YAML year as a year', () => {
    const dir = corpusWith({ 'a.md': frontMatter({ ...good, date: '2018' }) });
    const [article] = loadCorpus(dir).articles;
    expect(article!.date).toBe('2018');
    expect(article!.datePrecision).toBe('year');
  });

  it('accepts a null date as unknown', () => {
    const [article] = loadCorpus(corpusWith({ 'a.md': frontMatter({ ...good, date: 'null' }) })).articles;
    expect(article!.date).toBeNull();
    expect(article!.datePrecision).toBeNull();
  });

  it('ignores subfolders such as raw/ and files that are not .md or .jsonl', () => {
    const dir = corpusWith({ 'a.md': frontMatter(good), 'notes.txt': 'not an article' });
    mkdirSync(join(dir, 'raw'));
    writeFileSync(join(dir, 'raw', 'b.md'), 'not an article either');
    expect(loadCorpus(dir).articles.map((a) => a.id)).toEqual(['wuxi-projects']);
  });
});

describe('a bad file stops loading with an error naming file, line, field and what was expected', () => {
  it('missing front matter', () => {
    const error = loadError(corpusWith({ 'bad.md': 'Wuxi signed 32 projects. Officials attended.\n' }));
    expect(error.message).toMatch(/bad\.md:1: /);
    expect(error.message).toMatch(/expected YAML front matter between two "---" lines/);
  });

  it('invalid YAML', () => {
    const error = loadError(corpusWith({ 'bad.md': '---\nid: a1\ntitle: [unclosed\ndate: 2020\n---\n\nIt grew.\n' }));
    expect(error.message).toMatch(/bad\.md:\d+: the front matter is not valid YAML/);
    expect(error.line).toBeGreaterThanOrEqual(3);
  });

  it('a YAML alias bomb in the front matter', () => {
    const levels = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ),
    ];
    const error = loadError(
      corpusWith({ 'bomb.md': `---\nid: bomb\ntitle: Bomb\ndate: null\nsource: null\nurl: null\n${levels.join('\n')}\n---\n\nIt grew.\n` }),
    );
    expect(error.message).toMatch(/bomb\.md:2: the front matter cannot be read: Excessive alias count/);
  });

  it('missing title', () => {
    const { title: _title, ...rest } = good;
    const error = loadError(corpusWith({ 'bad.md': frontMatter(rest) }));
    expect(error.field).toBe('title');
    expect(error.message).toMatch(/bad\.md:1: field "title": missing: expected a title/);
  });

  it('a date written as "18 Dec 2020"', () => {
    const error = loadError(corpusWith({ 'bad.md': frontMatter({ ...good, date: '18 Dec 2020' }) }));
    expect(error.message).toBe(`${error.file}:4: field "date": expected a date as "YYYY-MM-DD", "YYYY-MM", "YYYY" or null`);
    expect(error.file).toMatch(/bad\.md$/);
  });

  it('a date that is not in the calendar', () => {
    const error = loadError(corpusWith({ 'bad.md': frontMatter({ ...good, date: '2021-02-30' }) }));
    expect(error.message).toMatch(/bad\.md:4: field "date": expected a day that exists/);
  });

  it('an unknown field', () => {
    const error = loadError(corpusWith({ 'bad.md': frontMatter({ ...good, author: 'Sun Quan' }) }));
    expect(error.message).toMatch(/bad\.md:7: field "author": unknown field "author": expected only id, title, date, source, url/);
  });

  it('a field of the wrong type says what it got, not that it is missing', () => {
    const error = loadError(corpusWith({ 'bad.md': frontMatter({ ...good, id: '123' }) }));
    expect(error.message).toMatch(/bad\.md:2: field "id": expected an id .*got a number \(123\)/);
    expect(error.message).not.toMatch(/missing/);
  });

  it('a bad url', () => {
    const error = loadError(corpusWith({ 'bad.md': frontMatter({ ...good, url: 'wuxinews.com.cn/a' }) }));
    expect(error.message).toMatch(/bad\.md:6: field "url": expected an absolute URL or null/);
  });

  it('an empty body', () => {
    const error = loadError(corpusWith({ 'bad.md': frontMatter(good).replace('Wuxi signed 32 projects. Officials attended.\n', '') }));
    expect(error.message).toMatch(/bad\.md:8: field "body": the article has no sentences: expected its text below the front matter/);
  });

  it('a JSONL line that is not JSON, with its line number', () => {
    const error = loadError(corpusWith({ 'bad.jsonl': `${jsonLine({})}\n\n{"id": "a2", oops\n` }));
    expect(error.message).toMatch(/bad\.jsonl:3: not valid JSON .*expected one article object per line/);
  });

  it('a JSONL line that is not an object', () => {
    const error = loadError(corpusWith({ 'bad.jsonl': '["a1", "T"]\n' }));
    expect(error.message).toMatch(/bad\.jsonl:1: expected an article object .*got a list/);
  });

  it('a JSONL line missing text', () => {
    const { text: _text, ...noText } = JSON.parse(jsonLine({}));
    const error = loadError(corpusWith({ 'bad.jsonl': `${jsonLine({ id: 'a0' })}\n${JSON.stringify(noText)}\n` }));
    expect(error.message).toMatch(/bad\.jsonl:2: field "text": missing: expected the article text as a string/);
  });

  it('a JSONL line whose text holds only headings', () => {
    const error = loadError(corpusWith({ 'bad.jsonl': `${jsonLine({ text: '## Background' })}\n` }));
    expect(error.message).toMatch(/bad\.jsonl:1: field "text": the article has no sentences/);
  });

  it('a JSONL line with a bad date', () => {
    const error = loadError(corpusWith({ 'bad.jsonl': `${jsonLine({ date: '18 Dec 2020' })}\n` }));
    expect(error.message).toMatch(/bad\.jsonl:1: field "date": expected a date as "YYYY-MM-DD"/);
  });

  it('duplicate ids across a .md and a .jsonl file, naming both places', () => {
    const dir = corpusWith({
      'a.md': frontMatter(good),
      'b.jsonl': `${jsonLine({ id: 'other' })}\n${jsonLine({ id: 'wuxi-projects' })}\n`,
    });
    const error = loadError(dir);
    expect(error.message).toMatch(/b\.jsonl:2: field "id": duplicate id "wuxi-projects": .*a\.md already uses it/);
  });

  it('duplicate ids inside one JSONL file, naming both lines', () => {
    const error = loadError(corpusWith({ 'a.jsonl': `${jsonLine({})}\n${jsonLine({})}\n` }));
    expect(error.message).toMatch(/a\.jsonl:2: field "id": duplicate id "a1": .*a\.jsonl:1 already uses it/);
  });

  it('one bad file stops the whole corpus, however many good files there are', () => {
    const error = loadError(corpusWith({ 'a.md': frontMatter(good), 'b.md': frontMatter({ ...good, id: 'b', date: 'yesterday' }) }));
    expect(error.file).toMatch(/b\.md$/);
  });
});

describe('a corpus folder that cannot be used', () => {
  it('a missing folder says so and how to point elsewhere', () => {
    const error = loadError(join(tmpdir(), 'citebot-no-such-corpus'));
    expect(error.message).toMatch(
      /citebot-no-such-corpus: the corpus folder does not exist or cannot be read: pass --corpus DIR or set CITEBOT_CORPUS/,
    );
  });

  it('an empty folder says that no articles were found', () => {
    const error = loadError(corpusWith({}));
    expect(error.message).toMatch(/no articles found: add \.md or \.jsonl files/);
  });
});
