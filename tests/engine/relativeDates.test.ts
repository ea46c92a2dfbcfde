import { describe, expect, it } from 'vitest';
import { resolveRelativeDates } from '../../src/engine/relativeDates/resolveRelativeDates.js';

// [sentence as news writes it, the article's date, the notes citebot should show beside the quote].
// Thursday 7 Jan 2021 is the reference article; the others are the styles of real wire, city and business pages.
const TABLE: [string, string, string[]][] = [
  // Tense decides which way a month without a year points.
  ['The new terminal will open in March.', '2021-01-07', ['"March" = March 2021']],
  ['The new terminal opened in March.', '2021-01-07', ['"March" = March 2020']],
  ['The museum is expected to reopen in September.', '2021-01-07', ['"September" = September 2021']],
  ['Construction began in November.', '2021-01-07', ['"November" = November 2020']],
  [
    'Chen said the park will start trial operations in April, after it was approved in December.',
    '2021-01-07',
    ['"April" = April 2021', '"December" = December 2020'],
  ],
  ['Sales may recover in May.', '2021-01-07', ['"May" = May 2021']],
  [
    "He expected the cost of potatoes to fall in the second half after last year's poor harvest.",
    '2024-07-25',
    ['"the second half" = second half of 2024 (July–December)', '"last year" = 2023'],
  ],
  // One sentence, one reading: a year the clause gives dates its other phrases.
  ['The expo will be held next year, from Jan 5 to Jan 9.', '2021-01-07', ['"next year" = 2022', '"Jan 5 to Jan 9" = 5–9 Jan 2022']],
  ['In February last year, the government signed the deal.', '2018-06-01', ['"February last year" = February 2017']],
  ['From January to October this year, output rose 30 percent.', '2020-12-18', ['"January to October this year" = January–October 2020']],
  [
    'The plant will be finished in the first quarter of next year.',
    '2021-01-07',
    ['"the first quarter of next year" = Q1 2022 (January–March)'],
  ],
  // Counted from the article's date.
  ['Exports fell 3 percent last month.', '2021-01-07', ['"last month" = December 2020']],
  ['The bridge was completed two years ago.', '2021-01-07', ['"two years ago" = 2019']],
  ['The council will vote next month.', '2021-01-07', ['"next month" = February 2021']],
  ['Prices rose 4 percent last year.', '2021-01-07', ['"last year" = 2020']],
  ['The company expects profit to double this year.', '2021-01-07', ['"this year" = 2021']],
  ['The mayor spoke to reporters yesterday.', '2021-01-07', ['"yesterday" = 6 Jan 2021']],
  ['Inspectors visited the site last week.', '2021-01-07', ['"last week" = the week of 28 Dec 2020']],
  ['The festival takes place this weekend.', '2023-09-12', ['"this weekend" = 16–17 Sep 2023']],
  ['The line was shut last December for repairs.', '2023-09-12', ['"last December" = December 2022']],
  ['She joined the club last June.', '2024-05-22', ['"last June" = June 2023']],
  // Weekdays: the last one before the article's day, or the next one after when the clause looks ahead.
  ['On Tuesday, the mayor opened the bridge.', '2021-01-07', ['"On Tuesday" = 5 Jan 2021']],
  ['The port authority said on Wednesday that cargo rose.', '2023-01-19', ['"on Wednesday" = 18 Jan 2023']],
  ['Branford will play Corby in the final on Sunday afternoon.', '2024-05-22', ['"on Sunday afternoon" = 26 May 2024']],
  ['The team lost on Tuesday night.', '2024-05-22', ['"on Tuesday night" = 21 May 2024']],
  ['Trains will run every 30 minutes from Monday to Saturday.', '2023-09-12', []],
  // Quarters, halves and runs of months.
  ['Profit fell in the third quarter.', '2021-01-07', ['"the third quarter" = Q3 2020 (July–September)']],
  ['Revenue grew in the second quarter of last year.', '2021-01-07', ['"the second quarter of last year" = Q2 2020 (April–June)']],
  ['The company will spend more on promotions in the third quarter.', '2024-07-25', ['"the third quarter" = Q3 2024 (July–September)']],
  [
    'In the first half of the year, revenue grew 5.8 percent.',
    '2024-07-25',
    ['"the first half of the year" = first half of 2024 (January–June)'],
  ],
  [
    'The first half was slow, but the second half was the busiest ever.',
    '2023-01-19',
    ['"The first half" = first half of 2022 (January–June)', '"the second half" = second half of 2022 (July–December)'],
  ],
  [
    'In the first 11 months of this year, exports rose 8 percent.',
    '2020-12-18',
    ['"the first 11 months of this year" = January–November 2020'],
  ],
  [
    'In the first three quarters of this year, income rose 12 percent.',
    '2020-11-02',
    ['"the first three quarters of this year" = January–September 2020'],
  ],
  ['There were 46 complaints between January and June.', '2023-01-19', ['"between January and June" = January–June 2022']],
  ['Net profit for the April-June quarter was 142 million euros.', '2024-07-25', ['"April-June" = April–June 2024']],
  // Parts of years and runs of years.
  ['By the end of last year, 20 companies had moved in.', '2021-01-07', ['"the end of last year" = end of 2020']],
  ['The factory will close by the end of next year.', '2024-07-25', ['"the end of next year" = end of 2025']],
  ['Sales are expected to pick up early next year.', '2021-01-07', ['"early next year" = early 2022']],
  ['Over the past decade, the city built 40 parks.', '2021-03-26', ['"the past decade" = 2011–2021']],
  ['In the past 20 years, the industry has grown tenfold.', '2023-10-10', ['"the past 20 years" = 2003–2023']],
  ['The authority will spend $45 million over the next three years.', '2024-01-24', ['"the next three years" = 2024–2027']],
  // "A year earlier" steps from the year the sentence names, else from the article's.
  ['Output rose 5 percent from a year earlier.', '2021-01-07', ['"a year earlier" = 2020']],
  ['The port handled 44.7 million tonnes in 2023, 8.5 percent more than a year earlier.', '2024-01-24', ['"a year earlier" = 2022']],
  ['The line closed in 2015; the following year it was sold.', '2021-01-07', ['"the following year" = 2016']],
  // Not relative, or not counted from the article's date: no note.
  ['The expo opened on Dec 18, 2020.', '2021-01-07', []],
  ['Revenue in Q3 2020 rose 4 percent.', '2021-01-07', []],
  ['The line reopened 58 years after it closed in 1965.', '2023-09-12', []],
  ['Cruise ships returned after two years away.', '2023-01-19', []],
  ['Wuxi is now home to 3,657 IoT enterprises.', '2020-12-18', []],
  ['Prices may fall.', '2021-01-07', []],
  ['The probe passed within 0.7 AU of the Sun last year.', '2021-01-07', ['"last year" = 2020']],
  ['He sat in the park every day last month.', '2021-01-07', ['"last month" = December 2020']],
  ['The aurora peaks about an hour before midnight.', '2021-01-07', []],
  ["We've had more enquiries in the past month than in the whole of last year.", '2023-09-12', ['"last year" = 2022']],
  // Nothing finer than the article's own date.
  ['The mayor spoke yesterday.', '2021-01', []],
  ['Exports fell last month.', '2021', []],
  ['The association was set up in July.', '2018', ['"July" = July 2018']],
  ['Sales rose last year.', null as unknown as string, []],
];

const notes = (sentence: string, date: string | null) => resolveRelativeDates(sentence, date).map((d) => `"${d.phrase}" = ${d.resolved}`);

describe('relative dates in news sentences, resolved against the article date', () => {
  it('covers at least 40 phrases', () => expect(TABLE.length).toBeGreaterThanOrEqual(40));

  it.each(TABLE)('%s (article %s)', (sentence, date, expected) => {
    expect(notes(sentence, date)).toEqual(expected);
  });

  it('quotes the phrase as written, without stray punctuation around it', () => {
    for (const [sentence, date] of TABLE) {
      for (const { phrase } of resolveRelativeDates(sentence, date)) {
        expect(sentence).toContain(phrase);
        expect(phrase).not.toMatch(/^[\s,.;:]|[\s,.;:]$/);
      }
    }
  });

  it('gives the years a question naming them must find', () => {
    expect(resolveRelativeDates('Over the past decade, the city built 40 parks.', '2021-03-26')[0]!.years).toEqual([2011, 2021]);
    expect(resolveRelativeDates('The expo will be held next year, from Jan 5 to Jan 9.', '2021-01-07').map((d) => d.years)).toEqual([
      [2022],
      [2022],
    ]);
  });
});

describe('the base of a comparison', () => {
  it('is noted but gives no year to match, since the sentence reports another', () => {
    const [base] = resolveRelativeDates('Net profit was 142 million euros, up from 118 million euros a year earlier.', '2024-07-25');
    expect(base).toEqual({ phrase: 'a year earlier', resolved: '2023', years: [] });
    expect(resolveRelativeDates('Profit rose 12 percent from the same period last year.', '2024-07-25')[0]!.years).toEqual([]);
    expect(resolveRelativeDates('Profit rose 12 percent last year.', '2024-07-25')[0]!.years).toEqual([2023]);
  });
});
