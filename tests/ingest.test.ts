import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ingestRawArticle } from '../src/ingest/ingestRawArticle.js';
import { citebot as run, ROOT, tempFolders } from './support/cli.js';

const RAW_SEEDS = join(ROOT, 'corpus', 'raw');
const RAW_FIXTURES = join(ROOT, 'tests', 'fixtures', 'raw');
const seeds = readdirSync(RAW_SEEDS)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => join(RAW_SEEDS, n));
const seed = (prefix: string) => seeds.find((path) => path.includes(`${prefix}_`))!;
const fixture = (name: string) => readFileSync(join(RAW_FIXTURES, name), 'utf8');

const citebot = (...args: string[]) => run(args);

const folders = tempFolders('citebot-ingest-');
afterAll(() => folders.removeAll());
const emptyCorpus = folders.make;
const mdFiles = (dir: string) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort();

/** A corpus Markdown file split into its front matter (as data) and its body (as text). */
function splitArticle(text: string): { meta: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`not a corpus article:\n${text.slice(0, 200)}`);
  return { meta: parse(m[1]!) as Record<string, unknown>, body: m[2]! };
}

// A curator's note on a field documents an edit to it: the field, and what follows from it, may differ.
const EDITS_DOCUMENTED_BY = {
  dateNote: ['date', 'dateNote'],
  titleNote: ['title', 'titleNote', 'id'],
  sourceNote: ['source', 'sourceNote'],
} as const;

describe('ingesting the five raw seeds reproduces the curated corpus', () => {
  type Doc = { name: string; text: string };
  const undated: string[] = [];
  let curated: Doc[] = [];
  let ingested: Doc[] = [];

  beforeAll(() => {
    const dir = emptyCorpus();
    for (const file of seeds) {
      let run = citebot('ingest', '--corpus', dir, file);
      if (run.status !== 0 && /no publication date found/.test(run.stderr)) {
        undated.push(file);
        run = citebot('ingest', '--corpus', dir, '--undated', file);
      }
      if (run.status !== 0) throw new Error(`ingest ${file} failed:\n${run.stderr}`);
    }
    const curatedDir = join(ROOT, 'corpus');
    curated = mdFiles(curatedDir).map((name) => ({ name, text: readFileSync(join(curatedDir, name), 'utf8') }));
    ingested = mdFiles(dir).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  });

  it('writes one document per seed', () => {
    expect(ingested).toHaveLength(seeds.length);
    expect(curated).toHaveLength(seeds.length);
  });

  it('writes each body exactly as curated, and the front matter except where a curator note documents an edit', () => {
    const unmatched = new Set(curated.map((c) => c.name));
    for (const output of ingested) {
      const got = splitArticle(output.text);
      const twin = curated.find((c) => splitArticle(c.text).body === got.body);
      expect(twin, `no curated document has the body of ${output.name}`).toBeDefined();
      unmatched.delete(twin!.name);
      const want = splitArticle(twin!.text);
      const editable = new Set<string>(Object.entries(EDITS_DOCUMENTED_BY).flatMap(([note, fields]) => (note in want.meta ? fields : [])));
      const fields = new Set([...Object.keys(got.meta), ...Object.keys(want.meta)]);
      for (const field of fields) {
        if (!editable.has(field)) expect(got.meta[field], `${twin!.name}: ${field}`).toEqual(want.meta[field]);
      }
      if (editable.size === 0) expect(output.text, twin!.name).toBe(twin!.text);
      if (!editable.has('id')) expect(output.name).toBe(twin!.name);
    }
    expect([...unmatched]).toEqual([]);
  });

  it('needed --undated only for seeds whose curated date carries a curator note', () => {
    expect(undated).toHaveLength(1);
    for (const file of undated) {
      const body = ingestRawArticle(readFileSync(file, 'utf8')).paragraphs.join('\n\n');
      const twin = curated.map((c) => splitArticle(c.text)).find((c) => c.body.trim() === body);
      expect(twin?.meta.dateNote, file).toMatch(/Curator/i);
    }
  });
});

describe('ingest refuses what it cannot date or would overwrite', () => {
  it('refuses the undated seed without --date or --undated, and writes nothing', () => {
    const dir = emptyCorpus();
    const run = citebot('ingest', '--corpus', dir, seed('003'));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/no publication date found/);
    expect(run.stderr).toMatch(/--date YYYY\[-MM\[-DD\]\], or --undated/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('records a date given with --date, and a note saying the curator gave it', () => {
    const dir = emptyCorpus();
    const run = citebot('ingest', '--corpus', dir, '--date', '2018', seed('003'));
    expect(run.status).toBe(0);
    const [name] = mdFiles(dir);
    const { meta } = splitArticle(readFileSync(join(dir, name!), 'utf8'));
    expect(meta.date).toBe('2018');
    expect(meta.dateNote).toMatch(/--date 2018.*prints none/);
    const list = JSON.parse(citebot('sources', '--corpus', dir, '--json').stdout);
    expect(list[0]).toMatchObject({ date: '2018', datePrecision: 'year' });
  });

  it('rejects a --date that is not a date', () => {
    const dir = emptyCorpus();
    const run = citebot('ingest', '--corpus', dir, '--date', '18 Dec 2020', seed('003'));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/--date "18 Dec 2020": expected a date as "YYYY-MM-DD", "YYYY-MM", "YYYY"/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never overwrites a different article with the same id', () => {
    const dir = emptyCorpus();
    expect(citebot('ingest', '--corpus', dir, seed('000')).status).toBe(0);
    const [name] = mdFiles(dir);
    const path = join(dir, name!);
    const edited = readFileSync(path, 'utf8').replace('Over 300 leading enterprises', 'More than 300 enterprises');
    writeFileSync(path, edited);
    const run = citebot('ingest', '--corpus', dir, seed('000'));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/already has a different article with the id "wuxi-beijing-seek-cooperation".*nothing was written/);
    expect(readFileSync(path, 'utf8')).toBe(edited);
    expect(mdFiles(dir)).toEqual([name]);
  });

  it('re-ingesting the identical article is a no-op', () => {
    const dir = emptyCorpus();
    expect(citebot('ingest', '--corpus', dir, seed('002')).status).toBe(0);
    const [name] = mdFiles(dir);
    const before = { text: readFileSync(join(dir, name!), 'utf8'), mtime: statSync(join(dir, name!)).mtimeMs };
    const run = citebot('ingest', '--corpus', dir, seed('002'));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/already in the corpus, unchanged/);
    expect(readFileSync(join(dir, name!), 'utf8')).toBe(before.text);
    expect(statSync(join(dir, name!)).mtimeMs).toBe(before.mtime);
    expect(mdFiles(dir)).toEqual([name]);
  });

  it('refuses to add to a corpus that does not load, naming the bad file', () => {
    const dir = emptyCorpus();
    writeFileSync(join(dir, 'broken.md'), 'no front matter here.\n');
    const run = citebot('ingest', '--corpus', dir, seed('000'));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/does not load.*broken\.md:1/);
    expect(mdFiles(dir)).toEqual(['broken.md']);
  });
});

describe('ingesting pages it has never seen', () => {
  const furniture =
    /Home [>/|]|Share - WeChat|\.jpe?g|微信|\[Photo|Photo by|Copyright|©|ICP备|备案号|Enditem|\(End\)|Editor:|In pics:|BACK TO THE TOP|\(Xinhua\/|8\.6K/;

  it('a China Daily page: title above the byline, date and site from "Updated:", captions, teasers and footer removed', () => {
    const article = ingestRawArticle(fixture('chinadaily-sensor-plant.txt'));
    expect(article.title).toBe("Wuxi sensor maker expands plant as carmakers' orders surge");
    expect(article.date).toBe('2022-05-09');
    expect(article.dateNote).toBeUndefined();
    expect(article.source).toBe('chinadaily.com.cn');
    expect(article.unknown).toEqual([]);
    for (const p of article.paragraphs) expect(p).not.toMatch(furniture);
    expect(article.paragraphs[0]).toMatch(/^Sentai Microsystems Co., Ltd. will spend/);
    expect(article.paragraphs.at(-1)).toMatch(/^The company was founded in 2009 by engineers from St. Petersburg/);
    // An article that mentions copyright is not a footer.
    expect(article.paragraphs).toContain(
      'The company holds 210 patents and 36 software copyrights, and spent 11 percent of its revenue on research last year.',
    );
    expect(article.paragraphs).toHaveLength(7);
    const removed = article.removed.map((r) => `${r.kind}: ${r.text}`);
    expect(removed).toEqual(
      expect.arrayContaining([
        'navigation: Home / Business / Companies',
        'date line: By ZHANG MIN in Wuxi | chinadaily.com.cn | Updated: 2022-05-09 09:41',
        "photo caption: A worker inspects wafers at the company's Xishan workshop. [Photo/IC]",
        'view counter: 8.6K',
        // A teaser headline that reads like a sentence, after the article has ended.
        "teaser or menu item: Why are Wuxi's chipmakers hiring so many graduates this year?",
        'teaser or menu item: In pics: Tulip season at Xihui Park',
      ]),
    );
    expect(removed.filter((r) => r.startsWith('footer: '))).toHaveLength(4);
  });

  it("a wire story: year from a date in the text that shares the dateline's month, agency as publisher", () => {
    const article = ingestRawArticle(fixture('xinhua-tariff-dateline.txt'));
    expect(article.title).toBe('China to cut import tariffs on sensors, chip-making equipment');
    expect(article.date).toBe('2022-01-05');
    expect(article.dateNote).toMatch(/dateline "BEIJING, Jan\. 5 \(Xinhua\) --".*"Jan\. 15, 2022"/);
    expect(article.source).toBe('Xinhua');
    expect(article.paragraphs[0]).toMatch(/^China will lower import tariffs/);
    expect(article.paragraphs.at(-1)).toBe(
      'Analysts expect the move to add momentum to high-tech manufacturing, which grew 18.1 percent in the first 11 months of 2021.',
    );
    for (const p of article.paragraphs) expect(p).not.toMatch(furniture);
    expect(article.removed.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['dateline', 'end marker', 'photo caption', 'byline', 'footer', 'navigation']),
    );
  });

  it('a page without any date: everything else found, the date reported as unknown', () => {
    const article = ingestRawArticle(fixture('undated-taihu-cruises.txt'));
    expect(article.title).toBe('Taihu Lake cruise routes reopen after upgrade');
    expect(article.date).toBeNull();
    expect(article.source).toBe('english.jiangsu.gov.cn');
    expect(article.unknown).toEqual([expect.stringMatching(/^date: no "Updated:" line, and no dateline with a year/)]);
    expect(article.paragraphs).toHaveLength(4);
    for (const p of article.paragraphs) expect(p).not.toMatch(furniture);
  });

  it("does not guess a dateline's year from the year the text names most", () => {
    // A January story about last year's results names last year throughout.
    const raw =
      "China's NEV exports more than doubled\n\nBEIJING, Jan. 5 (Xinhua) -- China exported 310,000 new energy vehicles in 2021, up 304.6 percent, the industry association said. Sales in 2021 reached 3.5 million units.\n";
    const article = ingestRawArticle(raw);
    expect(article.date).toBeNull();
    expect(article.unknown[0]).toMatch(/dateline "BEIJING, Jan\. 5 \(Xinhua\) --" gives the day but no year/);
    expect(article.paragraphs[0]).toMatch(/^China exported 310,000/);
  });

  it('does not take an opening phrase for a dateline', () => {
    const raw = 'Expo dates set\n\nHowever, March 5 was chosen as the opening day of the expo in 2024. Organisers agreed.\n';
    const article = ingestRawArticle(raw);
    expect(article.paragraphs[0]).toBe('However, March 5 was chosen as the opening day of the expo in 2024. Organisers agreed.');
    expect(article.date).toBeNull();
    expect(article.removed.map((r) => r.kind)).not.toContain('dateline');
  });

  it('does not write an empty paragraph for an end marker on its own line', () => {
    const article = ingestRawArticle('A title\n\nWuxi signed 53 major projects during the expo this week.\n(End)\n');
    expect(article.paragraphs).toEqual(['Wuxi signed 53 major projects during the expo this week.']);
    expect(article.removed).toContainEqual({ kind: 'end marker', text: '(End)' });
  });

  it('through the CLI: prints the id, what it removed and what it could not determine', () => {
    const dir = emptyCorpus();
    const cd = citebot('ingest', '--corpus', dir, join(RAW_FIXTURES, 'chinadaily-sensor-plant.txt'));
    expect(cd.status).toBe(0);
    expect(cd.stdout).toMatch(/chinadaily-sensor-plant\.txt -> wuxi-sensor-maker-expands-plant-as/);
    expect(cd.stdout).toMatch(/date: 2022-05-09 {2}publisher: chinadaily\.com\.cn {2}sentences: 9/);
    expect(cd.stdout).toMatch(/removed 4 footer lines: "Copyright 1995 - 2022/);
    expect(cd.stdout).toMatch(/removed 2 photo caption lines/);
    expect(cd.stdout).not.toMatch(/could not determine/);

    const undated = join(RAW_FIXTURES, 'undated-taihu-cruises.txt');
    const refused = citebot('ingest', '--corpus', dir, undated);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/no publication date found \(no "Updated:" line, and no dateline with a year\): nothing was written/);
    expect(mdFiles(dir)).toHaveLength(1);

    const stored = citebot('ingest', '--corpus', dir, '--undated', undated);
    expect(stored.status).toBe(0);
    expect(stored.stdout).toMatch(/-> taihu-lake-cruise-routes-reopen-after/);
    expect(stored.stdout).toMatch(/date: none \(--undated\)/);
    expect(stored.stdout).toMatch(/could not determine date/);
    expect(stored.stdout).toMatch(/removed 1 byline: "Editor: Wang Yu"/);

    const wire = citebot('ingest', '--corpus', dir, join(RAW_FIXTURES, 'xinhua-tariff-dateline.txt'));
    expect(wire.status).toBe(0);
    expect(wire.stdout).toMatch(/date note: The article prints no year: its dateline "BEIJING, Jan\. 5 \(Xinhua\) --"/);

    const list = JSON.parse(citebot('sources', '--corpus', dir, '--json').stdout) as {
      id: string;
      date: string | null;
      source: string | null;
    }[];
    expect(list.map((a) => [a.date, a.source])).toEqual(
      expect.arrayContaining([
        ['2022-05-09', 'chinadaily.com.cn'],
        [null, 'english.jiangsu.gov.cn'],
        ['2022-01-05', 'Xinhua'],
      ]),
    );
    expect(existsSync(join(dir, 'raw'))).toBe(false);
  });
});
