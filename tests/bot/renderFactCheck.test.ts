// The answer in bold and Find source's reply, rendered without Discord: the quote stays word
// for word whatever it holds, and the reply fits Discord's limits.
import { withoutBold } from '../support/messages.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaimCheck, Evidence } from '../../src/engine/checkClaim.js';
import { quoteMarkdown } from '../../src/discord/render/answerQuote.js';
import { escapeText } from '../../src/discord/render/escape.js';
import { renderFindSource } from '../../src/discord/render/findSource.js';
import { clampMessage, embedLength, LIMITS } from '../../src/discord/render/limits.js';

describe('quoteMarkdown', () => {
  it('wraps the escaped words of each span in **, and escapes the rest as any quote', () => {
    const quote = 'Sales rose *5%* to 3_000 units, said @everyone';
    const start = quote.indexOf('*5%*');
    expect(quoteMarkdown({ quote, answerSpans: [{ start, end: start + 4 }] })).toBe(
      `${escapeText('Sales rose ')}**${escapeText('*5%*')}**${escapeText(' to 3_000 units, said @everyone')}`,
    );
    expect(quoteMarkdown({ quote })).toBe(escapeText(quote));
  });

  it('adds only ** around escaped text: for any quote and spans, removing them gives the escaped quote', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.array(fc.tuple(fc.nat(80), fc.nat(10)), { maxLength: 4 }), (quote, raw) => {
        const spans = raw.map(([start, length]) => ({ start, end: start + length }));
        const marked = quoteMarkdown({ quote, answerSpans: spans });
        // Escaping piece by piece may escape more, never less: unescaped, it is the quote.
        const unescape = (text: string) => text.replace(/\\([\\*_~`|>#\-[\]()<@.])/g, '$1').replace(/\u200B/g, '');
        expect(unescape(withoutBold(marked))).toBe(unescape(escapeText(quote)));
      }),
    );
  });
});

describe('renderFindSource', () => {
  const evidence = (i: number): Evidence => ({
    quote: `${'A long sentence about the IoT industry of Wuxi. '.repeat(40)}It has ${i},000 firms.`,
    date: `20${10 + i}-01-01`,
    datePrecision: 'day',
    documentId: `article-${i}`,
    sentenceIndex: i,
    title: 'T'.repeat(300),
    source: 'example.com',
    url: null,
    score: 0.5,
    notes: [],
    stance: i === 0 ? 'newer' : 'states',
    answerSpans: [{ start: 1960 + String(i).length, end: 1970 }],
  });

  it('leads with the verdict, one Share and one Context button per sentence, and fits every limit', () => {
    const check: ClaimCheck = { claim: 'x'.repeat(6000), verdict: 'newer-figure', evidence: [0, 1, 2, 3].map(evidence) };
    const body = clampMessage(renderFindSource(check.claim, check));
    expect(body.content!.split('\n')[1]).toMatch(/^\*\*Newer figure:\*\*/);
    expect(body.content!.length).toBeLessThanOrEqual(LIMITS.content);
    expect(body.embeds!.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
    for (const f of body.embeds![0]!.fields!) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(body.components!.map((r) => r.components.map((b) => b.label))).toEqual([
      ['Share 1 in channel', 'Share 2 in channel', 'Share 3 in channel', 'Share 4 in channel'],
      ['Context 1', 'Context 2', 'Context 3', 'Context 4'],
    ]);
  });
});
