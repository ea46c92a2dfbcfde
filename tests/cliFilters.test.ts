// `citebot ask` and `search` with --since and --source, as a person runs them (the built CLI).
import { describe, expect, it } from 'vitest';
import { citebot, CRASH } from './support/cli.js';

const QUESTION = 'how many IoT enterprises in Wuxi';

describe('ask and search with --since and --source', () => {
  it('ask --since 2019 --json gives the 3,657 answer without the 2018 history, in the usual contract', () => {
    const run = citebot(['ask', '--json', '--since', '2019', QUESTION]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { answered: boolean; answers: { date: string; quote: string }[] };
    expect(result.answered).toBe(true);
    expect(result.answers[0]?.quote).toContain('3,657 IoT enterprises');
    expect(result.answers.every((a) => a.date >= '2019')).toBe(true);
  });

  it('ask --json says reason filtered-out when the filter keeps no article', () => {
    const run = citebot(['ask', '--json', '--source', 'nyt.com', QUESTION]);
    expect(JSON.parse(run.stdout)).toEqual({
      question: QUESTION,
      answered: false,
      answers: [],
      reason: 'filtered-out',
      message: 'No article in the sources is from nyt.com: the publishers are wuxinews.com.cn, chinadaily.com.cn.',
      nearTitles: [],
    });
  });

  it('search with a filter nothing passes says the filter may be why', () => {
    expect(citebot(['search', '--since', '2030', 'IoT']).stdout).toBe(
      'No sentence dated 2030 or later matches that (try without the filter).\n',
    );
  });

  it('search --source lists only that publisher', () => {
    const run = citebot(['search', '--json', '--source', 'chinadaily.com.cn', '--limit', '3', 'IoT industry']);
    const hits = JSON.parse(run.stdout) as { source: string }[];
    expect(hits.length).toBe(3);
    expect(hits.every((h) => h.source === 'chinadaily.com.cn')).toBe(true);
  });

  it('a date it cannot read is a usage error naming the flag and the formats', () => {
    for (const command of ['ask', 'search']) {
      const run = citebot([command, '--since', '2020-02-30', 'IoT']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('citebot: --since must be a day that exists in the calendar (not 2021-02-30)');
      expect(run.stderr).toContain('[--since DATE] [--source PUBLISHER]');
      expect(run.stderr).not.toMatch(CRASH);
    }
  });
});
