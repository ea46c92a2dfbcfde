// Reading figures and dates out of text, and comparing a claimed figure with a source's: the
// pure core of Find source's verdict.
import { describe, expect, it } from 'vitest';
import { compareFigures, findFigures, type Figure } from '../../src/engine/figures.js';
import { datesAgree, statedDates } from '../../src/engine/statedDates.js';

const one = (text: string): Figure => {
  const figures = findFigures(text);
  expect(figures).toHaveLength(1);
  return figures[0]!;
};
const relation = (claim: string, source: string) => compareFigures(one(claim), one(source));

describe('findFigures', () => {
  it('reads a count with its approximation, the noun it counts and its modifiers', () => {
    const text = 'The 2,000-plus IoT companies generated income';
    const f = one(text);
    expect(f).toMatchObject({ value: 2000, bound: 'at-least', unit: 'count', noun: 'companies', modifiers: 'iot' });
    expect(text.slice(f.start, f.end)).toBe('2,000');
    expect(text.slice(f.phrase.start, f.phrase.end)).toBe('2,000-plus IoT companies');
  });

  it('reads the approximation words before a number', () => {
    expect(one('about 2,000 firms').bound).toBe('about');
    expect(one('more than 3,000 firms').bound).toBe('over');
    expect(one('Over 300 leading enterprises').bound).toBe('over');
    expect(one('nearly 500 firms').bound).toBe('nearly');
    expect(one('at least 36 billion IoT terminals')).toMatchObject({ bound: 'at-least', value: 36e9, noun: 'terminals' });
    expect(one('fewer than 40 projects').bound).toBe('under');
    expect(one('as much as 5 million yuan')).toMatchObject({ bound: 'at-most', value: 5e6, unit: 'money', currency: 'CNY' });
    expect(one('3,657 IoT enterprises').bound).toBe('exact');
  });

  it('reads money with its scale and currency, before or after the number', () => {
    const [yuan, dollars] = findFigures('more than 243 billion yuan ($35.5 billion) for the city');
    expect(yuan).toMatchObject({ value: 243e9, unit: 'money', currency: 'CNY', bound: 'over' });
    expect(dollars).toMatchObject({ value: 35.5e9, unit: 'money', currency: 'USD', bound: 'exact' });
  });

  it('reads percentages and numbers written in words', () => {
    expect(one('rose by 19.5 percent year-on-year')).toMatchObject({ value: 19.5, unit: 'percent' });
    expect(one('a 25% share')).toMatchObject({ value: 25, unit: 'percent' });
    expect(one('Wuxi has two thousand IoT companies')).toMatchObject({ value: 2000, noun: 'companies', modifiers: 'iot' });
    expect(one('six technology innovation bases')).toMatchObject({ value: 6, noun: 'bases' });
  });

  it('leaves out years, days of dates, unreadable numbers and bare number words', () => {
    expect(findFigures('In November 2009, the State Council approved the park')).toEqual([]);
    expect(findFigures('a summit held Dec 16, aiming to promote')).toEqual([]);
    expect(findFigures('more than 3000,20 Internet of Things related enterprises')).toEqual([]);
    expect(findFigures('Wuxi is one of the leading cities')).toEqual([]);
    // A four-digit number with a scale is money, not a year.
    expect(one('exceeded the 2000 billion yuan mark')).toMatchObject({ value: 2000e9, unit: 'money' });
  });
});

describe('compareFigures', () => {
  it('a source states a claim when its value falls within what the claim allows', () => {
    expect(relation('more than 3,000 IoT companies', '3,657 IoT enterprises')).toBe('same');
    expect(relation('3,657 IoT enterprises', '3,657 IoT enterprises')).toBe('same');
    expect(relation('about 2,000 firms', '2,100 firms')).toBe('same');
    expect(relation('fewer than 4,000 firms', '3,657 firms')).toBe('same');
  });

  it('the same number loosely put is the same figure', () => {
    expect(relation('about 2,000 IoT companies', 'the 2,000-plus IoT companies')).toBe('same');
    expect(relation('2,000 IoT companies', 'the 2,000-plus IoT companies')).toBe('same');
  });

  it('a round claimed number allows the rounding, never more than 2%', () => {
    expect(relation('3,700 firms', '3,657 firms')).toBe('same');
    expect(relation('2,000 firms', '2,400 firms')).toBe('different');
  });

  it('values that cannot both be true differ', () => {
    expect(relation('about 2,000 IoT companies', '3,657 IoT enterprises')).toBe('different');
    expect(relation('10,000 IoT companies', '3,657 IoT enterprises')).toBe('different');
    expect(relation('more than 5,000 firms', '3,657 firms')).toBe('different');
    expect(relation('20 billion yuan', '10 billion yuan')).toBe('different');
    expect(relation('30 percent', '19.5 percent')).toBe('different');
  });

  it('a looser source that allows the claim is only consistent with it', () => {
    expect(relation('10,000 IoT companies', 'the 2,000-plus IoT companies')).toBe('consistent');
    expect(relation('more than 3,000 IoT companies', 'the 2,000-plus IoT companies')).toBe('consistent');
  });

  it('figures in different units or currencies are not compared', () => {
    expect(relation('10 billion yuan', '$10 billion')).toBe('consistent');
    expect(relation('25 percent', '25 firms')).toBe('consistent');
  });
});

describe('statedDates', () => {
  it('reads days, months and years as the text writes them', () => {
    const text = 'signed on Feb 28 and held Dec 16, 2020, approved in November 2009, in 2020, on 26 March';
    expect(statedDates(text).map(({ year, month, day }) => ({ year, month, day }))).toEqual([
      { year: undefined, month: 2, day: 28 },
      { year: 2020, month: 12, day: 16 },
      { year: 2009, month: 11, day: undefined },
      { year: 2020, month: undefined, day: undefined },
      { year: undefined, month: 3, day: 26 },
    ]);
    expect(statedDates('the 2000 billion yuan mark')).toEqual([]);
  });

  it('dates agree on the parts both give', () => {
    const [claim] = statedDates('in 2009');
    const [source] = statedDates('In November 2009');
    expect(datesAgree(claim!, source!)).toBe(true);
    expect(datesAgree(statedDates('in 2010')[0]!, source!)).toBe(false);
    expect(datesAgree(statedDates('on Feb 27, 2017')[0]!, statedDates('on Feb 28')[0]!)).toBe(false);
  });
});
