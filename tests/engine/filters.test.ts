import { describe, expect, it } from 'vitest';
import { FilterError, parseAnswerFilter } from '../../src/engine/articleFilter.js';
import { loadEngine } from '../../src/engine/engine.js';
import { tinyEngine } from '../support/tinyCorpus.js';

const engine = loadEngine('corpus', { notice: () => undefined });
const IOT_COUNT = 'how many IoT enterprises in Wuxi';
const quotes = (question: string, options = {}) =>
  engine.ask(question, { limit: 4, ...options }).answers.map((a) => `${a.date}: ${a.quote}`);

describe('the latest first, on the bundled corpus', () => {
  it('leads with the newest equally good answer (3,657 in Dec 2020) and follows with the older one as history (2,000-plus, 2018)', () => {
    const [first, second] = quotes(IOT_COUNT);
    expect(first).toMatch(/^2020-12-18: .*3,657 IoT enterprises/);
    expect(second).toMatch(/^2018: .*2,000-plus IoT companies/);
  });

  it('since 2019 leaves only the newer figure: no 2018 history', () => {
    const answers = quotes(IOT_COUNT, { since: '2019' });
    expect(answers[0]).toMatch(/^2020-12-18: .*3,657/);
    expect(answers.some((q) => q.includes('2,000-plus'))).toBe(false);
    expect(answers.every((q) => q.slice(0, 4) >= '2019')).toBe(true);
  });

  it('source wuxinews.com.cn keeps the answer to its articles', () => {
    const result = engine.ask(IOT_COUNT, { source: 'WuxiNews.com.cn', limit: 4 });
    expect(result.answers[0]?.quote).toContain('3,657');
    expect(result.answers.every((a) => a.source === 'wuxinews.com.cn')).toBe(true);
  });

  it('search within a filter lists only those articles', () => {
    const hits = engine.search('IoT industry', { source: 'chinadaily.com.cn', limit: 10 });
    expect(hits.length).toBeGreaterThan(2);
    expect(hits.every((h) => h.source === 'chinadaily.com.cn')).toBe(true);
    expect(engine.search('IoT industry', { since: '2023' }).every((h) => h.date! >= '2023')).toBe(true);
  });
});

describe('when the filter is why there is no answer', () => {
  it('says no article is that recent, naming the newest', () => {
    const result = engine.ask(IOT_COUNT, { since: '2025' });
    expect(result).toMatchObject({ answered: false, reason: 'filtered-out', answers: [] });
    expect(result.message).toBe('No article in the sources is dated 2025 or later: the newest article is from 10 Oct 2023.');
  });

  it('says no article is from an unknown publisher, listing the publishers there are', () => {
    const result = engine.ask(IOT_COUNT, { source: 'nyt.com' });
    expect(result.reason).toBe('filtered-out');
    expect(result.message).toContain('No article in the sources is from nyt.com: the publishers are wuxinews.com.cn, chinadaily.com.cn');
    expect(engine.search('IoT', { source: 'nyt.com' })).toEqual([]);
  });

  it('says an article outside the filter answers, with its date, when the sources answer it only there', () => {
    const result = engine.ask('How much will China Electronics Technology Hik Group invest?', { since: '2020' });
    expect(result).toMatchObject({ answered: false, reason: 'filtered-out' });
    expect(result.message).toMatch(
      /^Nothing dated 2020 or later answers that\. An article outside the filter does \(3 Mar 2017, chinadaily\.com\.cn\)/,
    );
  });

  it('keeps the ordinary reason when the sources do not answer it at all', () => {
    expect(engine.ask('what is the population of Wuxi in 1850', { since: '2019' }).reason).not.toBe('filtered-out');
  });
});

describe('filters are applied before ranking, not to the top few', () => {
  // Sixty sentences from one publisher outscore the one from another: more than the 50 candidates retrieval keeps.
  const crowd = Array.from({ length: 60 }, (_, i) => ({
    id: `crowd-${i}`,
    title: `Harbour cargo report ${i}`,
    date: '2024-01-01',
    source: 'big.example',
    text: `The Kestrel Bay harbour handled cargo and cargo ships, harbour cargo, in week ${i}.`,
  }));
  const small = {
    id: 'small-paper',
    title: 'Cargo note',
    date: '2019-05-02',
    source: 'small.example',
    text: 'The Kestrel Bay harbour handled 41 million tonnes of cargo in 2018.',
  };
  const e = tinyEngine([...crowd, small]);

  it('finds the best answer within the filter even when the unfiltered candidates hold none of its articles', () => {
    const filtered = e.search('Kestrel Bay harbour cargo', { source: 'small.example', limit: 3 });
    expect(filtered.map((h) => h.documentId)).toEqual(['small-paper']);
    const result = e.ask('how much cargo did the Kestrel Bay harbour handle', { source: 'small.example' });
    expect(result.answers[0]?.documentId).toBe('small-paper');
  });

  it('an older publisher gives its older figure; unfiltered, the newest leads', () => {
    const twice = tinyEngine([
      {
        id: 'old',
        title: 'Port grows',
        date: '2018-03-01',
        source: 'old.example',
        text: 'Kestrel Bay is home to 1,200 shipping companies.',
      },
      {
        id: 'new',
        title: 'Port grows again',
        date: '2022-03-01',
        source: 'new.example',
        text: 'Kestrel Bay is now home to 1,900 shipping companies.',
      },
    ]);
    const question = 'how many shipping companies in Kestrel Bay';
    expect(twice.ask(question).answers.map((a) => a.documentId)).toEqual(['new', 'old']);
    expect(twice.ask(question, { source: 'old.example' }).answers.map((a) => a.documentId)).toEqual(['old']);
    expect(twice.ask(question, { since: '2019' }).answers.map((a) => a.documentId)).toEqual(['new']);
  });
});

describe('the since filter', () => {
  const e = tinyEngine([
    { id: 'year-only', title: 'A year', date: '2020', text: 'The Kestrel Bay ferry carried 900,000 passengers.' },
    { id: 'may', title: 'May', date: '2020-05-03', text: 'The Kestrel Bay ferry carried 950,000 passengers.' },
    { id: 'undated', title: 'Undated', date: null, text: 'The Kestrel Bay ferry carried 990,000 passengers.' },
  ]);
  const kept = (since: string) =>
    e
      .search('Kestrel Bay ferry passengers', { since })
      .map((h) => h.documentId)
      .sort();

  it('keeps an article dated only by year when its year reaches the date, and leaves undated articles out', () => {
    expect(kept('2020-06')).toEqual(['year-only']);
    expect(kept('2020')).toEqual(['may', 'year-only']);
    expect(kept('2019-12-31')).toEqual(['may', 'year-only']);
    expect(e.ask('how many passengers did the Kestrel Bay ferry carry', { since: '2021' }).message).toBe(
      'No article in the sources is dated 2021 or later (1 article has no date, so "since" leaves it out): the newest article is from 3 May 2020.',
    );
  });

  it('accepts a year, a month or a real day, and says what to type otherwise', () => {
    expect(parseAnswerFilter({ since: ' 2020-02-29 ', source: '' })).toEqual({ since: '2020-02-29' });
    for (const bad of ['20', '2020-13', '2021-02-29', 'last year']) expect(() => parseAnswerFilter({ since: bad })).toThrow(FilterError);
    expect(() => parseAnswerFilter({ since: 'june' })).toThrow('"since" must be a year (2020), a month (2020-06) or a day (2020-12-01)');
    expect(() => e.ask('ferry passengers', { since: 'soon' })).toThrow(FilterError);
  });
});
