// What people (and pranksters) type: the generators the fuzz tests share, and the checks
// every reply must pass whatever was typed.
import fc from 'fast-check';
import type { APIEmbed } from 'discord.js';
import type { MessageBody } from '../../src/discord/reply.js';

/**
 * A hang/blow-up guard (runaway backtracking, a loop over the whole corpus), not a performance
 * target: the engine answers in a few ms, Find source in tens, but on this shared 2-core machine
 * a busy moment has stretched single calls past 400 ms; speed is measured by the benchmarks.
 */
export const TIME_BOUND_MS = 2_000;
/** Discord's longest message (Nitro) is 4,000; a question this long must still be declined cleanly. */
export const LONG = 6_000;

const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\v', '\f', '\r', '\u001b', '\u007f', '\u0085', '\u009b'];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u034f'];
const BIDI = ['\u202e', '\u202d', '\u202b', '\u202a', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const RTL_TEXT = ['كم عدد شركات إنترنت الأشياء في ووشي', 'מי ראש העיר של ווקסי', '\u202eiXuW ni smrif ToI ynam woh', 'ووشي Wuxi 3,657'];
export const MENTIONS = [
  '@everyone',
  '@here',
  '@Everyone',
  '@HERE',
  '@everyones',
  '@hereafter',
  'x@everyone',
  '@everyone@here',
  '<@123>',
  '<@!123>',
  '<@&456>',
  '<#789>',
  '<@123456789012345678>',
  '<@&>',
  '<@ 123>',
  '@\u200beveryone',
  '＠everyone',
  '</ask:1234567890>',
  '<t:1700000000:R>',
  '<:emoji:123>',
  '<a:anim:456>',
];
const MARKDOWN = [
  '```',
  '```js\n',
  '```\n@everyone\n```',
  '`',
  '``',
  '**',
  '__',
  '*',
  '_',
  '~~',
  '||',
  '> ',
  '>>> ',
  '# ',
  '## ',
  '-# ',
  '- ',
  '1. ',
  '[click](https://evil.example)',
  '[@everyone](https://x.example)',
  '<https://x.example>',
  '\\',
  '\\\\',
  '](',
  '\\@everyone',
  '\\<@123>',
];
const EMOJI = ['😀', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇨🇳', '👍🏽', '❤️', '\u{1F600}\u{FE0F}', 'e\u0301\u0301\u0301', 'Z̴̡̢̛̛̠̞̝̠͇͓̯͎̮̫'];
const LONE_SURROGATES = ['\ud800', '\udfff', '\ud83d', 'a\udc00b'];
/** Words the engine knows, so fuzzed questions also reach ranking, not only early declines. */
const CORPUS_WORDS = [
  'how many',
  'IoT',
  'firms',
  'Wuxi',
  'who is',
  'the',
  'mayor',
  'vice-mayor',
  'Gao Yaguang',
  'Beijing',
  'when',
  'expo',
  '2023',
  '3,657',
  'enterprises',
  'internet of things',
  'what',
  'percent',
  'billion yuan',
  'Jiangsu',
  'sensor',
  'cooperation',
  'last year',
  '?',
];

/** One token of the kinds above, or any code point at all. */
export const token: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CORPUS_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...MENTIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROL, ...ZERO_WIDTH, ...BIDI) },
  { weight: 1, arbitrary: fc.constantFrom(...RTL_TEXT, ...EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom(...LONE_SURROGATES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

const joiner = fc.constantFrom(' ', '', '\n', '\u200b', ' \u202e');

/** Mixed tokens, short to about a paragraph. */
export const mixed: fc.Arbitrary<string> = fc.tuple(fc.array(token, { maxLength: 40 }), joiner).map(([parts, join]) => parts.join(join));

/** Around `LONG` characters: a mixed chunk repeated, or one character over and over. */
export const long: fc.Arbitrary<string> = fc.oneof(
  mixed.filter((s) => s.length > 0).map((chunk) => chunk.repeat(Math.ceil(LONG / chunk.length)).slice(0, LONG)),
  fc.constantFrom('a', ' ', '@everyone ', '<@123>', '`', '\u200b', 'Wuxi IoT ', '😀').map((c) => c.repeat(Math.ceil(LONG / c.length))),
);

/**
 * Just under the engine's 500-character limit, made of the corpus's own words (with a
 * few mentions mixed in): the costliest questions the engine accepts, since every word
 * reaches retrieval and ranking.
 */
export function wordSalad(vocabulary: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...vocabulary) },
        { weight: 1, arbitrary: fc.constantFrom(...MENTIONS.slice(0, 6)) },
      ),
      {
        minLength: 60,
        maxLength: 120,
      },
    )
    .map((words) => words.join(' ').slice(0, 495));
}

/** The corpus's words, as a tokenizer-free split of its sentences. */
export function vocabularyOf(sentences: Iterable<{ text: string }>): string[] {
  const words = new Set<string>();
  for (const s of sentences) for (const w of s.text.split(/\s+/)) if (w) words.add(w);
  return [...words];
}

/** Any question at all: mostly mixed tokens, some word salads, some 6,000-character ones, some raw code points. */
export function anyText(vocabulary: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: mixed },
    { weight: 2, arbitrary: wordSalad(vocabulary) },
    { weight: 1, arbitrary: long },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  );
}

/** Always tried, whatever the random run picks. */
export const NASTY: string[] = [
  '',
  ' ',
  '\u200b',
  '@everyone',
  '@here how many IoT enterprises in Wuxi',
  '@everyone how many IoT enterprises in Wuxi <@123> <@&456> <#789>',
  '```\nhow many IoT enterprises in Wuxi\n```',
  '> @everyone\n# how many IoT enterprises in Wuxi',
  '\u202ehow many IoT enterprises in Wuxi',
  'how\u200bmany\u200bIoT\u200bfirms\u200bin\u200bWuxi',
  'how many IoT enterprises in Wuxi\u0000\u0007\u001b[31m',
  'كم عدد شركات إنترنت الأشياء في ووشي',
  '😀'.repeat(3000),
  'a'.repeat(LONG),
  `${'how many IoT enterprises in Wuxi '.repeat(240)}`.slice(0, LONG),
  '\ud800 how many IoT firms \udfff',
  '@everyonex @herey <@!1> <@&2>',
];

// ── checks ───────────────────────────────────────────────────────────────────

/** Runs `call`, timing it. Over the bound, once more: a real blow-up repeats, a GC pause or a busy CPU does not. */
export function timed<T>(call: () => T): { value: T; ms: number } {
  let started = performance.now();
  let value = call();
  let ms = performance.now() - started;
  if (ms > TIME_BOUND_MS) {
    started = performance.now();
    value = call();
    ms = Math.min(ms, performance.now() - started);
  }
  return { value, ms };
}

export async function timedAsync<T>(call: () => Promise<T>): Promise<{ value: T; ms: number }> {
  let started = performance.now();
  let value = await call();
  let ms = performance.now() - started;
  if (ms > TIME_BOUND_MS) {
    started = performance.now();
    value = await call();
    ms = Math.min(ms, performance.now() - started);
  }
  return { value, ms };
}

/** Every piece of text a message shows: content, embed parts, button labels. */
export function visibleTexts(body: MessageBody): string[] {
  const embeds: APIEmbed[] = body.embeds ?? [];
  return [
    body.content ?? '',
    ...embeds.flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      e.footer?.text ?? '',
      e.author?.name ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
    ...(body.components ?? []).flatMap((row) => row.components.map((b) => b.label ?? '')),
  ];
}

/**
 * @everyone/@here as Discord may still read them: case-insensitive, glued to whatever
 * follows, and through invisible format characters or combining marks after the @
 * (discord/discord-api-docs#1241, discord.js#3606) — except the bot's own escape, a
 * zero-width space right after the @.
 */
const EVERYONE_OR_HERE = /@(?!\u200b)[\p{Cf}\p{Mn}]*(everyone|here)/iu;
/** User and role mentions: `<@123>`, `<@!123>`, `<@&123>`. Channel mentions (`<#1>`) notify nobody. */
const USER_OR_ROLE_MENTION = /<@[!&]?\d+>/g;

/**
 * Why `text` could ping someone, or null. Allowed mentions (none) already stop every
 * ping; this is the second guard: no live-looking @everyone/@here at all, and no user
 * or role mention except `allowedUserIds` (the "Shared by <@id>" line names the person
 * who pressed Share, inert because of allowed mentions).
 */
export function pingProblem(text: string, allowedUserIds: readonly string[] = []): string | null {
  const everyone = EVERYONE_OR_HERE.exec(text);
  if (everyone) return `unescaped ${everyone[0]} in ${JSON.stringify(text.slice(Math.max(0, everyone.index - 20), everyone.index + 30))}`;
  for (const match of text.matchAll(USER_OR_ROLE_MENTION)) {
    if (!allowedUserIds.some((id) => match[0] === `<@${id}>`)) return `live mention ${match[0]} in ${JSON.stringify(text.slice(0, 200))}`;
  }
  return null;
}
