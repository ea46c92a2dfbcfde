import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import type { Article } from '../src/corpus/schema.js';

// The real corpus shipped with the repository, and the scraped pages it was curated from.
const corpus = loadCorpus('corpus');
const rawDir = join('corpus', 'raw');
const raws = readdirSync(rawDir)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(join(rawDir, name), 'utf8') }));

/** Whitespace as a reader sees it: runs of spaces, newlines and no-break spaces are one space. */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The raw page an article was curated from: the one holding its first sentence. */
function rawOf(article: Article) {
  const first = normalise(article.sentences[0]!.text);
  const matches = raws.filter((raw) => normalise(raw.text).includes(first));
  expect(
    matches.map((m) => m.name),
    `raw original of ${article.id}`,
  ).toHaveLength(1);
  return matches[0]!;
}

const byDate = (date: string) => corpus.articles.find((a) => a.date === date);

describe('the curated corpus', () => {
  it('holds five documents with the dates, precisions and publishers the sources support', () => {
    expect(corpus.articles).toHaveLength(5);
    const summary = corpus.articles
      .map((a) => ({ date: a.date, precision: a.datePrecision, source: a.source }))
      .sort((a, b) => a.date!.localeCompare(b.date!));
    expect(summary).toEqual([
      { date: '2017-03-03', precision: 'day', source: 'chinadaily.com.cn' },
      { date: '2018', precision: 'year', source: null },
      { date: '2020-12-18', precision: 'day', source: 'wuxinews.com.cn' },
      { date: '2021-03-26', precision: 'day', source: 'wuxinews.com.cn' },
      { date: '2023-10-10', precision: 'day', source: null },
    ]);
  });

  it('gives the undated 2018 article a note with the reasoning for its year', () => {
    const article = byDate('2018')!;
    expect(article.dateNote).toMatch(/2017/);
    expect(article.dateNote).toMatch(/last year/);
  });

  it('notes where a date, a title or a publisher is not printed in the article', () => {
    for (const article of corpus.articles) {
      const raw = normalise(rawOf(article).text);
      if (article.source === null) expect(article.sourceNote, article.id).toBeTruthy();
      if (!raw.includes(article.title)) expect(article.titleNote, article.id).toBeTruthy();
      if (article.dateNote === undefined) expect(raw, article.id).toMatch(/Updated\s*:/);
    }
  });

  it('invents no urls', () => {
    expect(corpus.articles.map((a) => a.url)).toEqual([null, null, null, null, null]);
  });

  it('maps each article to a different raw original', () => {
    const names = corpus.articles.map((a) => rawOf(a).name);
    expect(new Set(names).size).toBe(raws.length);
  });

  it('quotes every sentence word for word from its raw original', () => {
    for (const article of corpus.articles) {
      const raw = normalise(rawOf(article).text);
      for (const sentence of article.sentences)
        expect(raw.includes(normalise(sentence.text)), `${sentence.id}: ${sentence.text}`).toBe(true);
    }
  });

  it('takes the title from the page when the page prints one', () => {
    for (const article of corpus.articles.filter((a) => !a.titleNote)) {
      const lines = rawOf(article)
        .text.split(/\r?\n/)
        .map((l) => l.trim());
      expect(lines, article.id).toContain(article.title);
    }
  });
});

describe('no site furniture survives in the answerable text', () => {
  const answerable = corpus.articles.flatMap((a) => [a.title, ...a.sentences.map((s) => s.text)]);
  const files = corpus.articles.map((a) => ({ id: a.id, body: readFileSync(a.file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '') }));

  it.each([
    'Home >',
    'Huishan Ancient Town',
    'In pics:',
    'Enjoy cherry blossoms',
    '.jpeg',
    '.jpg',
    '微信',
    '[Photo',
    'Photo by',
    '8.03K',
    'Share - WeChat',
    'Copyright',
    '©',
    'ICP备',
    '备案号',
    '(End)',
    'Videos',
    'Sister Cities',
    'Presented by China Daily',
  ])('"%s" appears in no title, sentence or article body', (furniture) => {
    for (const text of answerable) expect(text).not.toContain(furniture);
    for (const file of files) expect(file.body, file.id).not.toContain(furniture);
  });

  it('no menu list ("News", "Sports", ... one per line) survives in any article file', () => {
    for (const file of files) expect(file.body, file.id).not.toMatch(/^News\r?\nSports$/m);
  });

  it('no line of any article ends with a standalone "Print"', () => {
    for (const file of files) expect(file.body, file.id).not.toMatch(/\bPrint\s*$/m);
    for (const text of answerable) expect(text).not.toMatch(/\bPrint$/);
  });

  it('leaves out every photo caption of the raw pages', () => {
    // A caption is a raw line that closes with a photo credit; its words must not be answerable.
    const credit = /\s*(\[(Photo|Image)[^\]]*\]|Photo by .*|\((Xinhua|Photo)[^)]*\))\s*$/;
    const captions = raws
      .flatMap((raw) => raw.text.split(/\r?\n/))
      .filter((line) => credit.test(line))
      .map((line) => line.replace(credit, '').trim());
    expect(captions).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Visitors check out flexible grips'),
        expect.stringContaining('Signing ceremony of 32 projects'),
      ]),
    );
    expect(captions.length).toBeGreaterThanOrEqual(5);
    for (const caption of captions) {
      const opening = caption.slice(0, 40);
      for (const text of answerable) expect(text, `caption "${caption}"`).not.toContain(opening);
    }
  });

  it('leaves out every image file name and teaser line that follows the article', () => {
    const imageLines = raws
      .flatMap((raw) => raw.text.split(/\r?\n/))
      .map((l) => l.trim())
      .filter((l) => /\.(jpe?g|png)$/i.test(l));
    expect(imageLines.length).toBeGreaterThanOrEqual(9);
    const teasers = [
      'Chinese cultural relics on display at Wenyuan Lane',
      'Germans engrossed by Jiangsu culture',
      'Jiangsu Week of Chinese Folk Music kicks off in Germany',
      'Lingshan Mountain Scenic Area',
      'Cuipingshan Tourist Resort',
    ];
    for (const text of answerable) {
      for (const line of [...imageLines, ...teasers]) expect(text).not.toContain(line);
    }
  });
});
