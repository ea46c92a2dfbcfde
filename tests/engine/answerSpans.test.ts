// The words of the quote that answer the question, from the engine: what every shell shows in bold.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../../src/engine/engine.js';
import { markSpans } from '../../src/text/markSpans.js';

let engine: Engine;
beforeAll(() => {
  engine = loadEngine('corpus');
});

/** The best answer's quote with its answer words in [brackets]. */
const marked = (question: string) => {
  const best = engine.ask(question).answers[0]!;
  return markSpans(best.quote, best.answerSpans, (part) => `[${part}]`);
};

describe('answer spans', () => {
  it('"how many" marks the count of the thing asked about, for every dated answer', () => {
    const result = engine.ask('how many IoT firms in Wuxi');
    const [best, older] = result.answers.map((a) => markSpans(a.quote, a.answerSpans, (part) => `[${part}]`));
    expect(best).toContain('Wuxi is now home to [3,657] IoT enterprises');
    expect(older).toContain('The [2,000]-plus IoT companies generated combined income of more than 243 billion yuan');
  });

  it('"who" marks the name, "when" the date, "where" the place, "which ministry" the whole name', () => {
    expect(marked('who is the vice-mayor of Wuxi')).toMatch(/^\[Gao Yaguang\], vice-mayor of Wuxi, said/);
    expect(marked('when was the Expo held')).toContain('from [October 2023] to 10');
    expect(marked('where was the signing ceremony held')).toContain('held in [Nanjing] on Feb 28');
    expect(marked('which ministry supports the IoT cluster')).toContain('from the [Ministry of Industry and Information Technology],');
  });

  it('amounts and percentages are marked with their unit', () => {
    expect(marked('how many people did the IoT sector employ')).toContain('employed more than [180,000] people');
    expect(marked('how much will China Electronics Technology Hik Group invest in the IoT projects')).toContain(
      'a total of [10 billion yuan] ([$1.5 billion])',
    );
    expect(marked("what was the growth rate of Wuxi's IoT industry")).toContain('higher than [20 percent] in the five years');
  });

  it('a question with no particular answer type marks nothing, and the quote is never changed', () => {
    const best = engine.ask('what does Wuxi plan for the IoT industry cluster').answers[0]!;
    expect(best.answerSpans).toBeUndefined();
    for (const q of ['how many IoT firms in Wuxi', 'who is the vice-mayor of Wuxi', 'when was the Expo held']) {
      const answer = engine.ask(q).answers[0]!;
      expect(markSpans(answer.quote, answer.answerSpans, (part) => part)).toBe(answer.quote);
    }
  });
});
