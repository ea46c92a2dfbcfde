// `citebot ask` in a terminal: the words that answer the question in bold inside the verbatim
// quote when a person reads it (FORCE_COLOR stands in for a terminal here), plain when piped or
// with NO_COLOR, and as offsets in `ask --json`.
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { citebot } from './support/cli.js';

const QUESTION = 'how many IoT firms in Wuxi';
const BOLD = (text: string) => `\u001b[1m${text}\u001b[22m`;

describe('citebot ask shows the answer in bold', () => {
  it('in a terminal, 3,657 is bold inside the quote, and the quote is otherwise the corpus sentence', () => {
    const run = citebot(['ask', QUESTION], { env: { FORCE_COLOR: '1' } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`home to ${BOLD('3,657')} IoT`);
    expect(stripVTControlCharacters(run.stdout)).toMatch(/“Statistic show that Wuxi is now home to 3,657 IoT\s+enterprises/);
  });

  it('piped or with NO_COLOR, no colour codes at all', () => {
    expect(citebot(['ask', QUESTION]).stdout).not.toContain('\u001b[');
    expect(citebot(['ask', QUESTION], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('ask --json carries the spans as offsets into the quote', () => {
    const { answers } = JSON.parse(citebot(['ask', '--json', QUESTION]).stdout) as {
      answers: { quote: string; answerSpans?: { start: number; end: number }[] }[];
    };
    const [best] = answers;
    expect(best!.answerSpans!.map((s) => best!.quote.slice(s.start, s.end))).toEqual(['3,657']);
    const open = JSON.parse(citebot(['ask', '--json', 'what does Wuxi plan for the IoT industry cluster']).stdout) as {
      answers: { answerSpans?: unknown }[];
    };
    expect(open.answers[0]).not.toHaveProperty('answerSpans');
  });
});
