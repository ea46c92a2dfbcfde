// Every handler, through the real dispatcher (no network), under hostile input: any text
// in any option, forged button ids, odd user names, 6,000-character messages. Each
// request gets a reply in time; no handler throws; every reply fits Discord's limits,
// sets allowed mentions to none, and shows no mention that could ping; every quote
// shown is exactly a corpus sentence.
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleSession, type ConsoleSession } from '../../src/transports/console/consoleSession.js';
import { createApp } from '../../src/app/createApp.js';
import type { Dispatcher } from '../../src/app/dispatcher.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { createLogger } from '../../src/process/logger.js';
import type { AutocompleteRequest, Invoker, MessageRequest, OptionValue, Place } from '../../src/discord/interactionRequest.js';
import { customIdAction, parsePageButtonId, parseSentenceButtonId } from '../../src/discord/customIds.js';
import { escapeText } from '../../src/discord/render/escape.js';
import { embedLength, LIMITS } from '../../src/discord/render/limits.js';
import { blockQuote } from '../../src/discord/render/style.js';
import type { MessageReply } from '../../src/discord/reply.js';
import { toCallbackData, toInteractionResponse, toWebhookEdit } from '../../src/discord/respond.js';
import type { Engine } from '../../src/engine/engine.js';
import { checkChoices, checkMessage } from '../fake-discord/validation.js';
import { anyText, MENTIONS, mixed, NASTY, pingProblem, timedAsync, TIME_BOUND_MS, visibleTexts, vocabularyOf } from './inputs.js';

const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
/** Raise with FUZZ_RUNS=2000 for a deeper local run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);

let engine: Engine;
let dispatcher: Dispatcher;
let session: ConsoleSession;
let text: fc.Arbitrary<string>;
let feedbackFolder: string;
const logs: { level: string; msg: string }[] = [];

beforeAll(async () => {
  const log = createLogger('debug', { write: (line: string) => logs.push(JSON.parse(line) as { level: string; msg: string }) });
  feedbackFolder = mkdtempSync(join(tmpdir(), 'citebot-fuzz-feedback-'));
  const env = { CITEBOT_FEEDBACK_FILE: join(feedbackFolder, 'feedback.jsonl') };
  const app = await createApp(loadConfig('local', { corpus: CORPUS, env, envFile: null }), { log, rateLimit: false });
  ({ engine, dispatcher } = app);
  const { registry } = app;
  const user = { id: 'console', username: '@everyone', globalName: null };
  session = createConsoleSession({
    dispatcher,
    definitions: registry.definitions,
    user,
    style: { width: 80, color: false, mentionName: () => '@here' },
  });
  text = anyText(vocabularyOf(engine.corpus.articles.flatMap((a) => a.sentences)));
  await dispatcher.answer({
    id: 'warm-up',
    user,
    place: 'guild',
    kind: 'chat-command',
    command: 'ask',
    options: { question: 'how many IoT enterprises in Wuxi' },
  });
});

afterAll(() => rmSync(feedbackFolder, { recursive: true, force: true }));

// ── generators ────────────────────────────────────────────────────────────────

const snowflake = fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n }).map(String);
const invoker: fc.Arbitrary<Invoker> = fc.record({
  id: fc.oneof({ weight: 4, arbitrary: snowflake }, { weight: 1, arbitrary: fc.oneof(mixed, fc.constantFrom(...MENTIONS)) }),
  username: fc.oneof(mixed, fc.constantFrom(...MENTIONS)),
  globalName: fc.option(fc.oneof(mixed, fc.constantFrom(...MENTIONS))),
});
const place: fc.Arbitrary<Place> = fc.constantFrom('guild', 'bot-dm', 'private-channel');
const optionValue = (): fc.Arbitrary<OptionValue> =>
  fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.double() });

function realRef(): fc.Arbitrary<string> {
  const articles = engine.corpus.articles;
  return fc.tuple(fc.constantFrom(...articles.map((a) => a.id)), fc.integer({ min: -2, max: 80 })).map(([id, index]) => `${id}:${index}`);
}

function messageRequest(): fc.Arbitrary<MessageRequest> {
  const base = { id: fc.constant('fuzz'), user: invoker, place };
  const chat = (command: fc.Arbitrary<string>, options: fc.Arbitrary<Record<string, OptionValue>>) =>
    fc.record({ ...base, kind: fc.constant('chat-command' as const), command, options });
  const articleIds = engine.corpus.articles.map((a) => a.id);
  return fc.oneof(
    chat(fc.constant('ask'), fc.record({ question: text, public: fc.boolean() }, { requiredKeys: ['question'] })),
    chat(fc.constant('ask'), fc.dictionary(fc.constantFrom('question', 'public', 'junk'), optionValue())),
    chat(fc.constant('search'), fc.record({ query: text })),
    chat(fc.constant('source'), fc.record({ id: fc.oneof(fc.constantFrom(...articleIds), text) })),
    chat(fc.constantFrom('sources', 'help'), fc.constant({})),
    chat(fc.oneof(mixed, fc.constantFrom('__proto__', 'constructor', 'Find source')), fc.constant({})),
    fc.record({
      ...base,
      kind: fc.constant('message-command' as const),
      command: fc.constant('Find source'),
      target: fc.record({ id: snowflake, content: text, authorId: snowflake }),
    }),
    fc.record({
      ...base,
      kind: fc.constant('button' as const),
      customId: fc.oneof(
        realRef().chain((ref) => fc.constantFrom(...SENTENCE_ACTIONS.map((action) => `${action}:${ref}`))),
        realRef().chain((ref) => fc.constantFrom(`read:${ref}`, `read-page:${ref}`, `sources-page:${ref.split(':')[1]}`)),
        fc
          .tuple(
            fc.constantFrom('sources-page:', 'search-page:', 'read:', 'not-it:', 'share-alt:', ...SENTENCE_ACTIONS.map((a) => `${a}:`), ''),
            mixed,
          )
          .map(([a, b]) => a + b),
      ),
      // The message the button is on: what a paging or "Not it?" press reads its query or question from.
      message: fc.option(
        fc.record({
          content: fc.oneof(
            text,
            text.map((t) => `**Search:** ${t}`),
            text.map((t) => `**Asked:** ${t}`),
          ),
        }),
        { nil: undefined },
      ),
    }),
  );
}

function autocompleteRequest(): fc.Arbitrary<AutocompleteRequest> {
  return fc.record({
    id: fc.constant('fuzz'),
    user: invoker,
    place,
    kind: fc.constant('autocomplete' as const),
    command: fc.constantFrom('ask', 'source', 'search', 'nope'),
    focused: fc.record({ name: fc.constantFrom('question', 'id', 'query'), value: text }),
    options: fc.constant({}),
  });
}

// ── checks ────────────────────────────────────────────────────────────────────

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function expectWithinDiscordLimits(reply: MessageReply) {
  const wire = toCallbackData(reply);
  expect(checkMessage(wire as Record<string, unknown>, [], true)).toBeNull();
  const embeds = wire.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  expect(embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const f of e.fields ?? []) {
      expect(f.name.trim().length).toBeGreaterThan(0);
      expect(f.value.trim().length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  }
  const rows = (wire.components ?? []) as { components: { label?: string; custom_id?: string; url?: string }[] }[];
  expect(rows.length).toBeLessThanOrEqual(LIMITS.actionRows);
  for (const row of rows) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const button of row.components) {
      expect(button.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
      if (button.custom_id !== undefined) expect(button.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
    }
  }
}

function expectNoMentionsAllowed(reply: MessageReply) {
  // The real guard: every way a reply can leave says "notify nobody".
  expect(toCallbackData(reply).allowed_mentions).toEqual({ parse: [] });
  expect(toWebhookEdit(reply).allowed_mentions).toEqual({ parse: [] });
}

function expectNothingPings(reply: MessageReply, request: MessageRequest) {
  const body = toCallbackData(reply);
  for (const piece of visibleTexts(body as MessageReply['body'])) {
    // "Shared by <@id>" names who pressed Share: a mention, inert under allowed mentions none.
    const problem = pingProblem(piece, request.kind === 'button' ? [request.user.id] : []);
    expect(problem, `for ${JSON.stringify(request).slice(0, 300)}`).toBeNull();
  }
}

/** Buttons whose custom id names a sentence; the others name a page of a list. */
const SENTENCE_ACTIONS = ['share', 'context', 'not-it', 'share-alt'];
const PAGE_ACTIONS = ['sources-page', 'search-page', 'read', 'read-page'];

const sentenceOf = (customId: string | undefined) => {
  const ref = customId === undefined ? undefined : parseSentenceButtonId(customId);
  return ref && engine.context(ref.documentId, ref.sentenceIndex, 0)?.sentences[0];
};

/** Quotes shown are corpus sentences verbatim (escaped for display only), matched to their buttons. */
/** The quote as shown, the bold around the answer words taken out (escaped asterisks stay). */
const unmarked = (text: string) => text.replace(/(?<!\\)\*\*/g, '');
/** A field's quote line, unmarked, without the ellipsis a long one is cut with: a prefix of the escaped quote. */
const shownQuote = (value: string) => unmarked(value.split('\n')[0]!).replace(/…$/, '');

function expectExactQuotes(reply: MessageReply, request: MessageRequest) {
  const buttons = (reply.body.components ?? [])
    .flatMap((r) => r.components)
    .filter((b): b is typeof b & { custom_id: string } => 'custom_id' in b);
  for (const b of buttons) {
    const action = customIdAction(b.custom_id);
    if (PAGE_ACTIONS.includes(action)) expect(parsePageButtonId(b.custom_id), `button ${b.custom_id} names no page`).toBeDefined();
    else expect(sentenceOf(b.custom_id), `button ${b.custom_id} names no sentence`).toBeDefined();
  }
  const embed = reply.body.embeds?.[0];
  if (!embed) return;
  const answered = request.kind === 'chat-command' && request.command === 'ask';
  const shared = request.kind === 'button' && /^share(-alt)?:/.test(request.customId);
  if (answered || shared) {
    const sentence = sentenceOf(buttons.find((b) => b.custom_id.startsWith('context:'))?.custom_id);
    expect(unmarked(embed.description!).startsWith(blockQuote(escapeText(sentence!.text)))).toBe(true);
  }
  const listed = (request.kind === 'chat-command' && request.command === 'search') || request.kind === 'message-command';
  if (listed) {
    buttons
      .filter((b) => /^Context \d+$/.test(b.label ?? ''))
      .forEach((b, i) =>
        expect(blockQuote(escapeText(sentenceOf(b.custom_id)!.text)).startsWith(shownQuote(embed.fields![i]!.value))).toBe(true),
      );
  }
}

async function answerChecked(request: MessageRequest) {
  const errorsBefore = logs.filter((l) => l.level === 'error').length;
  const { value: reply, ms } = await timedAsync(() => dispatcher.answer(request));
  expect(ms, `${request.kind} took ${ms.toFixed(0)} ms`).toBeLessThanOrEqual(TIME_BOUND_MS);
  // A throwing handler would show as a "handler failed" error line (and a generic apology).
  expect(logs.filter((l) => l.level === 'error').slice(errorsBefore)).toEqual([]);
  expect(reply.kind).toBe('message');
  expect(['private', 'public']).toContain(reply.visibility);
  expectNoMentionsAllowed(reply);
  expectWithinDiscordLimits(reply);
  expectNothingPings(reply, request);
  expectExactQuotes(reply, request);
  return reply;
}

// ── properties ────────────────────────────────────────────────────────────────

describe('handlers through the dispatcher', () => {
  it('every command, message and button request gets a safe reply in time', async () => {
    await fc.assert(
      fc.asyncProperty(messageRequest(), async (request) => void (await answerChecked(request))),
      { numRuns: RUNS * 2 },
    );
  });

  it('the nasty classics, as /ask (public), /search and Find source, by a user named @everyone', async () => {
    const user = { id: '123456789012345678', username: '@everyone', globalName: '<@&456> @here' };
    for (const q of NASTY) {
      await answerChecked({ id: 'n', user, place: 'guild', kind: 'chat-command', command: 'ask', options: { question: q, public: true } });
      await answerChecked({ id: 'n', user, place: 'guild', kind: 'chat-command', command: 'search', options: { query: q } });
      await answerChecked({
        id: 'n',
        user,
        place: 'guild',
        kind: 'message-command',
        command: 'Find source',
        target: { id: '1', content: q, authorId: '2' },
      });
    }
  });

  it('mention injection around a real question still gets the answer, with every mention defused', async () => {
    const reply = await answerChecked({
      id: 'm',
      user: { id: '123456789012345678', username: 'u', globalName: null },
      place: 'guild',
      kind: 'chat-command',
      command: 'ask',
      options: { question: '@everyone <@123> how many IoT enterprises in Wuxi <@&456> @here ```', public: true },
    });
    expect(reply.visibility).toBe('public');
    expect(reply.body.embeds?.[0]?.description).toContain('3,657');
    expect(reply.body.content).toContain('@\u200beveryone');
    expect(reply.body.content).toContain('<@\u200b123>');
  });

  it('Share attributes the quote to whoever pressed it, without pinging anyone whatever their name', async () => {
    await fc.assert(
      fc.asyncProperty(invoker, realRef(), async (user, ref) => {
        const request: MessageRequest = { id: 's', user, place: 'guild', kind: 'button', customId: `share:${ref}` };
        const reply = await answerChecked(request);
        if (reply.visibility === 'public') expect(reply.body.content).toMatch(/^Shared by /);
      }),
      { numRuns: RUNS },
    );
  });

  it('autocomplete answers in time with choices Discord accepts', async () => {
    await fc.assert(
      fc.asyncProperty(autocompleteRequest(), async (request) => {
        const { value: choices, ms } = await timedAsync(() => dispatcher.complete(request));
        expect(ms).toBeLessThanOrEqual(TIME_BOUND_MS);
        expect(logs.filter((l) => l.msg === 'autocomplete failed')).toEqual([]);
        expect(checkChoices((toInteractionResponse({ kind: 'choices', choices }) as { data: Record<string, unknown> }).data)).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it('no reply ever carried a lone surrogate the input did not have', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 3000 }), async (question) => {
        const user = { id: '1', username: 'u', globalName: null };
        const reply = await answerChecked({ id: 'w', user, place: 'guild', kind: 'chat-command', command: 'ask', options: { question } });
        for (const piece of visibleTexts(toCallbackData(reply) as MessageReply['body'])) expect(LONE_SURROGATE.test(piece)).toBe(false);
      }),
      { numRuns: RUNS / 2 },
    );
  });
});

describe('the console (same dispatcher, typed lines)', () => {
  it('any typed line or Tab completion comes back as text in time, never an exception', async () => {
    const line = fc.oneof(
      text,
      fc
        .tuple(
          fc.constantFrom(
            '/ask question: ',
            '/search query: ',
            '/source id: ',
            'Find source: ',
            '/',
            'press ',
            '/ask public: true question: ',
          ),
          text,
        )
        .map(([a, b]) => a + b),
    );
    await fc.assert(
      fc.asyncProperty(line, async (typed) => {
        const { value: out, ms } = await timedAsync(() => session.handle(typed));
        expect(ms).toBeLessThanOrEqual(TIME_BOUND_MS);
        expect(typeof out.text).toBe('string');
        const { value: completions, ms: completeMs } = await timedAsync(() => session.complete(typed));
        expect(completeMs).toBeLessThanOrEqual(TIME_BOUND_MS);
        expect(Array.isArray(completions)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
