// Find source's verdict, decided by the engine: claims about the bundled corpus that exercise
// each verdict, on several facts (counts, money, percentages, dates, titles), and the same
// method on a corpus written here.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../../src/engine/engine.js';
import { tinyEngine } from '../support/tinyCorpus.js';

let engine: Engine;
beforeAll(() => {
  engine = loadEngine('corpus');
});

const IOT_2020 = 'Statistic show that Wuxi is now home to 3,657 IoT enterprises';
const IOT_2018 = 'The 2,000-plus IoT companies generated combined income';

const check = (claim: string) => engine.checkClaim(claim, { limit: 4 });
const quotes = (claim: string) => check(claim).evidence.map((e) => `${e.stance} ${e.date} ${e.quote}`);

describe('the four verdicts on the IoT enterprise count', () => {
  it('a claim a source states is supported, with that quote', () => {
    const result = check('Wuxi is home to 3,657 IoT enterprises');
    expect(result.verdict).toBe('supported');
    expect(result.evidence[0]).toMatchObject({ stance: 'states', date: '2020-12-18' });
    expect(result.evidence[0]!.quote).toContain(IOT_2020);
  });

  it('an older figure gets "newer figure": the 18 Dec 2020 quote first, then the 2018 one it matches', () => {
    const result = check('Wuxi is home to about 2,000 IoT companies');
    expect(result.verdict).toBe('newer-figure');
    expect(quotes('Wuxi is home to about 2,000 IoT companies').slice(0, 2)).toEqual([
      expect.stringMatching(new RegExp(`^newer 2020-12-18 ${IOT_2020}`)),
      expect.stringMatching(new RegExp(`^states 2018 ${IOT_2018}`)),
    ]);
  });

  it('a figure no source gives, when the newest gives another, is contradicted', () => {
    const result = check('Wuxi now has 10,000 IoT companies');
    expect(result.verdict).toBe('contradicted');
    expect(result.evidence[0]).toMatchObject({ stance: 'differs', date: '2020-12-18' });
    expect(result.evidence.some((e) => e.stance === 'states')).toBe(false);
  });

  it('a claim about a place the sources never mention is not in the sources, and says why', () => {
    const result = check('Shanghai is home to 5,000 IoT companies');
    expect(result).toMatchObject({ verdict: 'not-in-sources', evidence: [] });
    expect(result.message).toContain('never mention Shanghai');
  });

  it('"more than 3,000" is supported by the 3,657 sentence, which is shown', () => {
    const result = check('Wuxi has more than 3,000 IoT companies');
    expect(result.verdict).toBe('supported');
    expect(result.evidence[0]!.quote).toContain(IOT_2020);
  });

  it('a number written in words is read as one', () => {
    expect(check('Wuxi has two thousand IoT companies').verdict).toBe('newer-figure');
  });
});

describe('other facts of the corpus', () => {
  it.each([
    ["Wuxi's IoT sector employed more than 180,000 people", 'supported', 'employed more than 180,000 people'],
    ["Wuxi's IoT sector employed 50,000 people", 'contradicted', 'employed more than 180,000 people'],
    [
      'China Electronics Technology Hik Group will invest 10 billion yuan in IoT projects in Wuxi',
      'supported',
      'a total of 10 billion yuan',
    ],
    [
      'China Electronics Technology Hik Group will invest 20 billion yuan in IoT projects in Wuxi',
      'contradicted',
      'a total of 10 billion yuan',
    ],
    ['A total of 32 projects were signed at the Beijing summit', 'supported', 'A total of 32 projects'],
    ['A total of 40 projects were signed at the Beijing summit', 'contradicted', 'A total of 32 projects'],
    ["From January to October 2020 Wuxi's IoT operating income rose by 19.5 percent", 'supported', 'rose by 19.5 percent'],
    ["From January to October 2020 Wuxi's IoT operating income rose by 30 percent", 'contradicted', 'rose by 19.5 percent'],
    [
      'Wuxi was tasked by the State Council to construct the national sensor network innovation demonstration zone in 2009',
      'supported',
      'Wuxi was tasked by the State Council',
    ],
    [
      'Wuxi was tasked by the State Council to construct the national sensor network innovation demonstration zone in 2012',
      'contradicted',
      'Wuxi was tasked by the State Council',
    ],
    ['Gao Yaguang is the vice-mayor of Wuxi', 'supported', 'Gao Yaguang, vice-mayor of Wuxi'],
    ['Zhang Wei is the general manager of CETHIK Wuxi', 'supported', 'Zhang Wei, general manager of CETHIK Wuxi'],
  ])('%s → %s', (claim, verdict, quoted) => {
    const result = check(claim);
    expect(result.verdict).toBe(verdict);
    expect(result.evidence[0]!.quote).toContain(quoted);
  });

  it('a title the source qualifies ("vice-mayor") does not support the bare title, but the sentence is shown', () => {
    const result = check('Gao Yaguang is the mayor of Wuxi');
    expect(result.verdict).toBe('not-in-sources');
    expect(result.evidence[0]).toMatchObject({ stance: 'related' });
    expect(result.evidence[0]!.quote).toContain('Gao Yaguang, vice-mayor of Wuxi');
  });

  it.each([
    ['Li Qiang is the vice-mayor of Wuxi', 'Gao Yaguang', 'Gao Yaguang, vice-mayor of Wuxi'],
    ['Li Xiaomin is the general manager of CETHIK Wuxi', 'Zhang Wei', 'Zhang Wei, general manager of CETHIK Wuxi'],
    ['Du Xiaogang is the Vice Governor of Jiangsu Province', 'Hu Guangjie', 'Hu Guangjie, Vice Governor of Jiangsu Province'],
  ])('a role the sources give someone else is contradicted: %s → %s', (claim, other, quoted) => {
    const result = check(claim);
    expect(result.verdict).toBe('contradicted');
    const [first] = result.evidence;
    expect(first!.quote).toContain(quoted);
    expect(first!.answerSpans!.map((s) => first!.quote.slice(s.start, s.end))).toEqual([other]);
  });

  it('nothing bears on a claim off the subject, or on talk', () => {
    expect(check('I like pizza with pineapple')).toMatchObject({ verdict: 'not-in-sources', evidence: [] });
    expect(check('thanks!')).toEqual({ claim: 'thanks!', verdict: 'not-in-sources', evidence: [] });
  });

  it('a message as long as Find source passes on is still checked', () => {
    const claim = `Wuxi is home to 3,657 IoT enterprises${' and so on'.repeat(45)}`;
    expect(claim.length).toBeGreaterThan(480);
    expect(check(claim).verdict).toBe('supported');
  });
});

describe('the same method on other articles', () => {
  const tiny = tinyEngine([
    {
      id: 'port-2015',
      title: 'Harbor town grows',
      date: '2015-06-01',
      text: 'Lakeport had about 120,000 residents in its census, the mayor said.',
    },
    {
      id: 'port-2021',
      title: 'Harbor town census',
      date: '2021-05-10',
      text: 'Lakeport now has 151,000 residents, the census bureau said.',
    },
    {
      id: 'rail',
      title: 'Rail line opens',
      date: '2019-09-01',
      text: 'The Lakeport light rail line cost 4.2 billion yuan and opened on Sept 1, 2019.',
    },
  ]);
  const verdict = (claim: string) => tiny.checkClaim(claim).verdict;

  it('tells a newer figure, a supported one, a contradiction and a money figure apart', () => {
    expect(verdict('Lakeport has 120,000 residents')).toBe('newer-figure');
    expect(tiny.checkClaim('Lakeport has 120,000 residents').evidence.map((e) => e.date)).toEqual(['2021-05-10', '2015-06-01']);
    expect(verdict('Lakeport has more than 150,000 residents')).toBe('supported');
    expect(verdict('Lakeport has 90,000 residents')).toBe('contradicted');
    expect(verdict('The Lakeport light rail line cost 4.2 billion yuan')).toBe('supported');
    expect(verdict('The Lakeport light rail line cost nearly 6 billion yuan')).toBe('contradicted');
    expect(verdict('The Lakeport light rail line opened in 2018')).toBe('contradicted');
  });
});
