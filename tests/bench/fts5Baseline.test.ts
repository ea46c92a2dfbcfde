import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../bench/selqa/buildCorpus.js';
import { buildSystem, fts5Query } from '../../bench/selqa/systems.js';

const sentences = [
  'The river floods the valley every spring.',
  'Wuxi is home to 3,657 IoT enterprises, according to the city bureau.',
  'The museum opened its new wing in 2019.',
  'Enterprises in the port city export machinery.',
  'A new bridge crosses the river near the old town.',
];

describe('SQLite FTS5 baseline', () => {
  it('ranks the obviously right sentence first on a 5-sentence corpus', async () => {
    const corpus = buildCorpus([{ id: 'five', title: 'five', heading: null, source: 'test', candidates: sentences }]);
    const fts5 = await buildSystem('fts5', corpus);
    try {
      const hits = fts5.rank('How many IoT enterprises are in Wuxi?', 10);
      expect(hits[0]?.quote).toBe(sentences[1]);
      expect(hits[0]?.documentId).toBe('five');
      expect(hits[0]!.score).toBeGreaterThan(hits[1]?.score ?? -Infinity);
      expect(fts5.ask).toBeUndefined(); // never declines: its answer is its top hit
      // Words FTS5 would read as syntax, and a question with no words, do no harm.
      expect(fts5.rank('river NOT "bridge" OR NEAR(', 10)[0]?.quote).toMatch(/river/);
      expect(fts5.rank('?!', 10)).toEqual([]);
    } finally {
      fts5.close?.();
    }
  });

  it('quotes each distinct word and ORs them', () => {
    expect(fts5Query('What is "NOT" near-by? what')).toBe('"what" OR "is" OR "not" OR "near" OR "by"');
  });
});
