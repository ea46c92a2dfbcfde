import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loadCorpus.js';

describe('the bundled corpus', () => {
  it('loads five dated articles', () => {
    const corpus = loadCorpus('corpus');
    expect(corpus.articles.map((a) => a.date).sort()).toEqual(['2017-03-03', '2018', '2020-12-18', '2021-03-26', '2023-10-10']);
  });
});
