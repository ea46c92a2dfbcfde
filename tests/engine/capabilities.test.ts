import { describe, expect, it } from 'vitest';
import type { AskResult } from '../../src/engine/types.js';
import { tinyEngine } from '../support/tinyCorpus.js';

/** Each capability of the answer engine on a few sentences made for it. */
const port = tinyEngine([
  {
    id: 'port-2023',
    title: 'Harbour town port reports a busy year',
    date: '2023-01-19',
    text: [
      'The Port of Kestrel Bay handled a record 41.2 million tonnes of cargo last year, up 3.8 percent.',
      'The port authority employs 2,300 people at its three terminals.',
      'Work on a new container berth at South Quay will start in April.',
      'Mayor Lena Ortiz opened the new ferry terminal on Tuesday.',
      'The harbour board approved a budget of 85 million dollars for dredging.',
    ].join(' '),
  },
  {
    id: 'port-2024',
    title: 'Kestrel Bay port posts second record year',
    date: '2024-01-24',
    text: [
      'The Port of Kestrel Bay handled 44.7 million tonnes of cargo in 2023.',
      'The port authority now employs 2,450 people.',
      'Kestrel Bay is the busiest grain port on the coast.',
      'It also opened a rail freight terminal that takes 300 trucks a day off the highway.',
      'One hundred shipping firms now call at the port every month.',
    ].join(' '),
  },
]);

const quote = (r: AskResult) => (r.answered ? r.answers[0]!.quote : `(declined: ${r.reason})`);

describe('the answer engine', () => {
  it('answers the same whatever the letter case, spacing or question mark', () => {
    const asked = quote(port.ask('How many people does the Port of Kestrel Bay employ?'));
    expect(asked).toContain('2,450 people');
    expect(quote(port.ask('how many people does the port of kestrel bay employ'))).toBe(asked);
    expect(quote(port.ask('  HOW MANY PEOPLE DOES THE PORT OF KESTREL BAY EMPLOY  '))).toBe(asked);
  });

  it('understands typos in common words, not only in names', () => {
    expect(quote(port.ask('how many peple does the port of kestrel bay employ'))).toContain('2,450 people');
    expect(quote(port.ask('how much cargo did the prot of kestrel bay handle in 2023'))).toContain('44.7 million tonnes');
  });

  it('understands chat shorthand', () => {
    expect(quote(port.ask('how many ppl r employed by the kestrel bay port authority'))).toContain('2,450 people');
    expect(quote(port.ask('how many trucks a day does the rail freight terminal take off the highway thx'))).toContain('300 trucks');
  });

  it('answers greetings, thanks and requests for help with a pointer, never a quote', () => {
    for (const chat of ['hi', 'thanks!', 'help', 'ok', 'lol', 'clear', 'gm', 'who are you']) {
      const reply = port.ask(chat);
      expect(reply.answered, chat).toBe(false);
      expect(reply.reason, chat).toBe('chat');
    }
  });

  it('asks for the kind of answer the question wants: "how much cargo" is an amount of cargo, not money', () => {
    expect(quote(port.ask('How much cargo did Kestrel Bay handle in 2023?'))).toContain('44.7 million tonnes');
    expect(quote(port.ask('How much money did the harbour board approve for dredging?'))).toContain('85 million dollars');
  });

  it('matches a year in the question to a relative date in the sentence ("last year" in a 2023 article is 2022)', () => {
    const reply = port.ask('How much cargo did the Port of Kestrel Bay handle in 2022?');
    expect(quote(reply)).toContain('41.2 million tonnes');
    expect(reply.answers[0]!.notes).toContain('"last year" = 2022');
  });

  it('finds a sentence whose subject is a pronoun through the sentence before it', () => {
    expect(quote(port.ask('How many trucks does the Kestrel Bay rail freight terminal take off the highway?'))).toContain(
      'It also opened a rail freight terminal',
    );
  });

  it('counts number words as numbers ("one hundred shipping firms")', () => {
    expect(quote(port.ask('How many shipping firms call at Kestrel Bay?'))).toContain('One hundred shipping firms');
  });

  it('gives the newest source first and the older one as the history of the fact', () => {
    const reply = port.ask('How many people does the Kestrel Bay port authority employ?');
    expect(reply.answers.map((a) => a.date)).toEqual(['2024-01-24', '2023-01-19']);
    expect(reply.answers[1]!.quote).toContain('2,300 people');
  });

  it('declines a name the sources never mention, in any letter case', () => {
    for (const q of ['How much cargo did the port of Rotterdam handle?', 'how much cargo did the port of rotterdam handle']) {
      const reply = port.ask(q);
      expect(reply.reason, q).toBe('unknown-name');
      expect(reply.message, q).toMatch(/never mention rotterdam/i);
    }
  });

  it('declines a question the sources do not answer rather than quote a near miss', () => {
    const reply = port.ask('What is the population of Kestrel Bay?');
    expect(reply.answered).toBe(false);
    expect(reply.reason).toBe('low-confidence');
  });

  it('gives a confidence that is a probability: high for a plain answer, low for the best of near misses', () => {
    const plain = port.ask('How many people does the Port of Kestrel Bay employ?').answers[0]!.score;
    expect(plain).toBeGreaterThan(0.5);
    expect(plain).toBeLessThanOrEqual(1);
    const nearMiss = port.rank('What is the population of Kestrel Bay?')[0]!.score;
    expect(nearMiss).toBeGreaterThanOrEqual(0);
    expect(nearMiss).toBeLessThan(0.5);
  });
});
