// Small pieces with rules of their own: rate limiter, deferral timing, autocomplete material.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { answerInTime } from '../../src/transports/deferral.js';
import { answerableExamples } from '../../src/app/examples.js';
import { createRateLimiter } from '../../src/app/rateLimit/rateLimiter.js';
import { buildSuggestions } from '../../src/app/suggestions.js';
import { corpusEntities } from '../../src/engine/corpusEntities.js';
import { loadEngine } from '../../src/engine/engine.js';

describe('rate limiter', () => {
  it('allows max per window per user, says when to retry, and forgets old requests', () => {
    const limiter = createRateLimiter(2, 10_000);
    expect(limiter.take('a', 0)).toEqual({ allowed: true });
    expect(limiter.take('a', 1_000)).toEqual({ allowed: true });
    expect(limiter.take('a', 2_000)).toEqual({ allowed: false, retryAfterMs: 8_000 });
    expect(limiter.take('b', 2_000)).toEqual({ allowed: true });
    expect(limiter.take('a', 10_001)).toEqual({ allowed: true });
  });

  it('0 turns it off', () => {
    const limiter = createRateLimiter(0, 1_000);
    for (let i = 0; i < 100; i++) expect(limiter.take('a', 0)).toEqual({ allowed: true });
  });
});

describe('answerInTime', () => {
  it('does not defer fast work', async () => {
    let deferred = 0;
    const outcome = await answerInTime(async () => 'x', { deferFirst: false, deferAfterMs: 50, defer: async () => void deferred++ });
    expect(outcome).toEqual({ value: 'x', deferred: false });
    await sleep(80);
    expect(deferred).toBe(0);
  });

  it('defers slow work once the threshold passes, and waits for the deferral before returning', async () => {
    const order: string[] = [];
    const outcome = await answerInTime(
      async () => {
        await sleep(80);
        order.push('work done');
        return 'x';
      },
      {
        deferFirst: false,
        deferAfterMs: 20,
        defer: async () => {
          order.push('defer sent');
          await sleep(100);
          order.push('defer acked');
        },
      },
    );
    expect(outcome.deferred).toBe(true);
    expect(order).toEqual(['defer sent', 'work done', 'defer acked']);
  });

  it('defers before starting when the command asks', async () => {
    const order: string[] = [];
    await answerInTime(async () => void order.push('work'), {
      deferFirst: true,
      deferAfterMs: 10_000,
      defer: async () => void order.push('defer'),
    });
    expect(order).toEqual(['defer', 'work']);
  });
});

describe('autocomplete material', () => {
  const engine = loadEngine('corpus');

  it('finds the named things of the corpus, not sentence-opening words or months', () => {
    const entities = corpusEntities(engine.corpus.articles);
    expect(entities).toEqual(
      expect.arrayContaining([
        'Wuxi',
        'Gao Yaguang',
        'China Electronics Technology Hik Group',
        'Ministry of Industry and Information Technology',
      ]),
    );
    for (const word of ['The', 'In', 'February', 'Statistic']) expect(entities).not.toContain(word);
  });

  it('only advertises sample questions the engine answers', () => {
    expect(answerableExamples(engine, ['how many IoT enterprises in Wuxi', 'what is the capital of France'])).toEqual([
      'how many IoT enterprises in Wuxi',
    ]);
  });

  it('completes the word being typed into a name, keeps what was typed first, stays within 25 × 100', () => {
    const suggestions = buildSuggestions(engine.index, ['how many IoT enterprises in Wuxi']);
    const values = suggestions.questions('how much will china el').map((c) => c.value);
    expect(values[0]).toBe('how much will china el');
    expect(values).toContain('how much will China Electronics Technology Hik Group');
    expect(suggestions.questions('who is yag').map((c) => c.value)).toContain('who is Gao Yaguang');
    const long = suggestions.questions('x'.repeat(300));
    expect(long.every((c) => c.value.length <= 100)).toBe(true);
    expect(suggestions.questions('').length).toBeLessThanOrEqual(25);
    expect(suggestions.questions('how many iot').map((c) => c.value)).toContain('how many IoT enterprises in Wuxi');
  });

  it('offers whole questions before names, matched by word and by the prefix being typed', () => {
    const suggestions = buildSuggestions(engine.index, engine.suggestedQuestions());
    const values = suggestions.questions('who is the vice').map((c) => c.value);
    expect(values.slice(0, 3)).toEqual([
      'who is the vice',
      'Who is the vice-mayor of Wuxi?',
      'Who is the Vice Governor of Jiangsu Province?',
    ]);
    expect(suggestions.questions('how many iot ').map((c) => c.value)).toContain('How many IoT enterprises are in Wuxi?');
    expect(suggestions.questions('how many iot ').map((c) => c.value)).not.toContain("Wuxi's IoT");
  });

  it('suggests names and topics for /search and publishers for source', () => {
    const suggestions = buildSuggestions(engine.index, [], ['wuxinews.com.cn', 'chinadaily.com.cn']);
    expect(suggestions.searches('gao').map((c) => c.value)).toEqual(['gao', 'Gao Yaguang']);
    expect(suggestions.searches('').length).toBe(25);
    expect(suggestions.sources('daily').map((c) => c.value)).toEqual(['chinadaily.com.cn']);
    expect(suggestions.sources('').map((c) => c.value)).toEqual(['wuxinews.com.cn', 'chinadaily.com.cn']);
  });
});
