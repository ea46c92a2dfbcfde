// The one renderer, without Discord: what users read, and that it always fits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/engine.js';
import type { Answer } from '../../src/engine/types.js';
import { parseSentenceButtonId, sentenceButtonId } from '../../src/discord/customIds.js';
import { renderAnswer, renderSharedCitation, type Citation } from '../../src/discord/render/citation.js';
import { renderContext } from '../../src/discord/render/context.js';
import { escapeInline, escapeText, withoutMentions } from '../../src/discord/render/escape.js';
import { clampChoices, clampMessage, embedLength, LIMITS, truncate } from '../../src/discord/render/limits.js';
import { renderNoAnswer } from '../../src/discord/render/noAnswer.js';
import { renderSources } from '../../src/discord/render/sources.js';
import { customIds } from '../support/messages.js';
import { privateReply, publicReply, updateReply } from '../../src/discord/reply.js';
import { toCallbackData, toDeferredResponse, toInteractionResponse, toWebhookEdit } from '../../src/discord/respond.js';

const answer = (over: Partial<Answer> = {}): Answer => ({
  quote: 'Statistic show that Wuxi is now home to 3,657 IoT enterprises.',
  date: '2020-12-18',
  datePrecision: 'day',
  documentId: 'wuxi-beijing-seek-cooperation',
  sentenceIndex: 5,
  title: 'Wuxi, Beijing seek cooperation on emerging industries',
  source: 'wuxinews.com.cn',
  url: null,
  score: 0.69,
  notes: [],
  ...over,
});

describe('truncate', () => {
  it('never exceeds the limit, for any text and limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 0, max: 300 }), (text, max) => {
        expect(truncate(text, max).length).toBeLessThanOrEqual(Math.max(max, 0));
      }),
    );
  });

  it('cuts at a word, ends with an ellipsis, leaves no dangling escape or unclosed bold', () => {
    expect(truncate('The quick brown fox jumps over the lazy dog', 30)).toBe('The quick brown fox jumps…');
    // A word boundary far back would waste room: then the cut is mid-word.
    expect(truncate('one two threefourfive', 12)).toBe('one two thr…');
    expect(truncate('abc\\*def ghi', 5)).toBe('abc…');
    expect(truncate('**bold words here** and more', 15)).toBe('bold words…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('never splits an emoji (a surrogate pair)', () => {
    const cut = truncate('😀😀😀😀😀', 4);
    expect(cut).toBe('😀…');
  });
});

describe('clampMessage: Discord limits, cleanly', () => {
  it('content 2,000, description 4,096, field 1,024, 25 fields, 6,000 per message, labels 80', () => {
    const long = 'word '.repeat(3000);
    const body = clampMessage({
      content: long,
      embeds: [
        {
          title: long,
          description: long,
          fields: Array.from({ length: 40 }, (_, i) => ({ name: `f${i} ${long}`, value: long })),
          footer: { text: long },
        },
      ],
      components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'a', label: long }] }],
    });
    expect(body.content!.length).toBeLessThanOrEqual(LIMITS.content);
    const embed = body.embeds![0]!;
    expect(embed.title!.length).toBeLessThanOrEqual(256);
    expect(embed.description!.length).toBeLessThanOrEqual(4096);
    expect(embed.fields!.length).toBeLessThanOrEqual(25);
    for (const f of embed.fields!) expect(f.value.length).toBeLessThanOrEqual(1024);
    expect(embedLength(embed)).toBeLessThanOrEqual(6000);
    expect(body.components![0]!.components[0]!.label!.length).toBeLessThanOrEqual(80);
    expect(body.content!.endsWith('…')).toBe(true);
  });

  it('fills an empty field and never sends an empty message', () => {
    expect(clampMessage({ embeds: [{ fields: [{ name: '', value: ' ' }] }] }).embeds![0]!.fields).toEqual([{ name: '—', value: '—' }]);
    expect(clampMessage({}).content).toBe('(nothing to show)');
  });

  it('choices: at most 25, names cut to 100, values that would change meaning dropped', () => {
    const choices = Array.from({ length: 40 }, (_, i) => ({ name: `${i} ${'n'.repeat(150)}`, value: `v${i}` }));
    choices.push({ name: 'too long value', value: 'x'.repeat(101) });
    const clamped = clampChoices(choices);
    expect(clamped).toHaveLength(25);
    for (const c of clamped) expect(c.name.length).toBeLessThanOrEqual(100);
    expect(clampChoices([{ name: 'a', value: 'x'.repeat(101) }])).toEqual([]);
  });
});

describe('escaping what people typed', () => {
  it('defuses mentions, markdown, code fences and line-start formatting', () => {
    const text = escapeText(
      '@everyone @here <@123> <@!456> <@&789> **b** _i_ ~~s~~ ||sp|| `c` ```fence``` [x](https://e.invalid)\n# h\n> q\n-# small\n- item',
    );
    expect(text).not.toMatch(/@everyone|@here|<@\d|<@!\d|<@&\d/);
    expect(text).toContain('\\*\\*b\\*\\*');
    expect(text).toContain('\\`\\`\\`fence\\`\\`\\`');
    expect(text).toContain('\\[x](https://e.invalid)');
    expect(text.split('\n').slice(1)).toEqual(['\\# h', '\\> q', '\\-# small', '\\- item']);
  });

  it('folds echoed text onto one line', () => {
    expect(escapeInline('a\n> b')).toBe('a > b');
  });

  it('drops mentions from a question before it reaches the engine', () => {
    expect(withoutMentions('@everyone <@123> how many IoT enterprises <#5> @here in Wuxi')).toBe('how many IoT enterprises in Wuxi');
  });
});

describe('citation view', () => {
  it('quote as a block quote, title linked when there is a url, date at its precision, notes, other dated answers', () => {
    const best = answer({ url: 'https://news.invalid/a', notes: ['"this year" = 2020'] });
    const other = answer({
      quote: 'The 2,000-plus IoT companies generated income.',
      date: '2018',
      datePrecision: 'year',
      title: 'In Jiangsu province',
      source: null,
      documentId: 'j',
      sentenceIndex: 2,
    });
    const body = renderAnswer('how many *IoT* firms', best, [other], 'private');
    const embed = body.embeds![0]!;
    expect(body.content).toBe('**Asked:** how many \\*IoT\\* firms');
    expect(embed.title).toBe('Wuxi, Beijing seek cooperation on emerging industries');
    expect(embed.url).toBe('https://news.invalid/a');
    expect(embed.description).toBe('> Statistic show that Wuxi is now home to 3,657 IoT enterprises.\n— wuxinews.com.cn · 18 Dec 2020');
    expect(embed.fields).toEqual([
      { name: 'Dates in the quote', value: '• "this year" = 2020' },
      {
        name: 'Also reported · 2018',
        value: '> The 2,000-plus IoT companies generated income.\n— *In Jiangsu province* · publisher unknown · 2018',
      },
    ]);
    expect(embed.footer?.text).toBe('Quoted word for word from the source · confidence 0.69');
    expect(JSON.stringify(embed)).not.toContain('1 Jan 2018');
    expect(embed.timestamp).toBeUndefined(); // a timestamp would claim a day the source never gave
    const buttons = body.components![0]!.components;
    expect(buttons.map((b) => b.label)).toEqual(['Share in channel', 'Show context', 'Not it?', 'Read the article']);
  });

  it('a shared citation is attributed with a mention and has no confidence', () => {
    const citation: Citation = { ...answer() };
    delete citation.score;
    const body = renderSharedCitation(citation, { id: '42', username: 'ann', globalName: null });
    expect(body.content).toBe('Shared by <@42>');
    expect(body.embeds![0]!.footer?.text).toBe('Quoted word for word from the source');
    // Outside Discord (the console) there is no snowflake: the name, escaped, in bold.
    expect(renderSharedCitation(citation, { id: 'console', username: 'a_b', globalName: null }).content).toBe('Shared by **a\\_b**');
  });

  it('a very long sentence is cut cleanly to fit the description', () => {
    const body = clampMessage(renderAnswer('q', answer({ quote: 'long '.repeat(2000) }), [], 'private'));
    expect(body.embeds![0]!.description!.length).toBeLessThanOrEqual(4096);
  });

  it('no answer: plain text, the engine message escaped, closest titles listed', () => {
    const body = renderNoAnswer('who is @everyone', {
      message: "I couldn't find that in the sources. The sources never mention @everyone.",
      nearTitles: ['A *title*'],
    });
    expect(body.embeds).toBeUndefined();
    expect(body.content).toBe(
      "**Asked:** who is @\u200Beveryone\nI couldn't find that in the sources. The sources never mention @\u200Beveryone.\n\nThese articles came closest:\n• A \\*title\\*",
    );
  });
});

describe('views over the real corpus', () => {
  const engine = loadEngine('corpus');

  it('context marks the quoted sentence and says where it sits', () => {
    const found = engine.context('wuxi-beijing-seek-cooperation', 0, 2)!;
    const embed = renderContext(found.article, found.sentences, 0).embeds![0]!;
    expect(embed.description!.startsWith('▶ **Wuxi introduced')).toBe(true);
    expect(embed.description!.endsWith('…')).toBe(true);
    expect(embed.footer?.text).toBe('Sentences 1–3 of 14 · wuxinews.com.cn · 18 Dec 2020');
  });

  it('a corpus too big for one message is listed a page at a time, every page inside the limits, even with the longest titles', () => {
    const long = { ...engine.corpus.articles[0]!, title: 'T*'.repeat(300), source: '_'.repeat(300) };
    const many = Array.from({ length: 200 }, (_, i) => ({ ...long, id: `article-${String(i).padStart(3, '0')}-${'x'.repeat(50)}` }));
    const first = renderSources(many);
    expect(first.embeds![0]!.footer?.text).toBe('Newest first · 1–12 of 200 · Page 1 of 17 · /source shows one article');
    expect(customIds(first)).toEqual(['sources-page:1']);
    const last = renderSources(many, 16);
    expect(last.embeds![0]!.footer?.text).toContain('193–200 of 200 · Page 17 of 17');
    expect(customIds(last)).toEqual(['sources-page:15']);
    for (let page = 0; page < 17; page++) {
      const body = renderSources(many, page);
      expect(body.embeds![0]!.description!.length).toBeLessThanOrEqual(4096);
      expect(clampMessage(body)).toEqual(body); // nothing had to be cut to fit
    }
    // A page past the end (the corpus shrank since the button was made) shows the last one.
    expect(renderSources(many, 99)).toEqual(last);
  });
});

describe('respond: the one place for allowed mentions and ephemerality', () => {
  it('every shape Discord receives says "ping nobody", and is ephemeral exactly when private', () => {
    const priv = privateReply({ content: 'hi' });
    const pub = publicReply({ content: 'hi' });
    expect(toCallbackData(priv)).toEqual({ content: 'hi', allowed_mentions: { parse: [] }, flags: 64 });
    expect(toInteractionResponse(pub)).toEqual({ type: 4, data: { content: 'hi', allowed_mentions: { parse: [] } } });
    expect(toInteractionResponse({ kind: 'choices', choices: [{ name: 'a', value: 'a' }] })).toEqual({
      type: 8,
      data: { choices: [{ name: 'a', value: 'a' }] },
    });
    expect(toDeferredResponse('private')).toEqual({ type: 5, data: { flags: 64 } });
    expect(toDeferredResponse('public')).toEqual({ type: 5, data: {} });
    expect(toDeferredResponse('private', true)).toEqual({ type: 6 }); // a page being turned: no new message
    expect(toInteractionResponse(updateReply({ content: 'page 2' }))).toEqual({
      type: 7,
      data: { content: 'page 2', allowed_mentions: { parse: [] } },
    });
    expect(toWebhookEdit(priv)).toEqual({ content: 'hi', allowed_mentions: { parse: [] } });
  });

  it('clamps on the way out even if a renderer forgot', () => {
    expect(toCallbackData(privateReply({ content: 'x'.repeat(5000) })).content!.length).toBe(2000);
  });
});

describe('button custom ids', () => {
  it('fit in 100 characters for the longest article id and round-trip', () => {
    const longest = 'a'.repeat(64);
    const id = sentenceButtonId('context', { documentId: longest, sentenceIndex: 99999 });
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseSentenceButtonId(id)).toEqual({ documentId: longest, sentenceIndex: 99999 });
  });

  it('reject anything malformed', () => {
    for (const bad of ['share', 'share:doc', 'share:doc:x', 'share:../x:1', 'share:doc:1:2', `share:${'a'.repeat(65)}:1`]) {
      expect(parseSentenceButtonId(bad)).toBeUndefined();
    }
  });
});
