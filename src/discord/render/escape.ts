// Text that came from a person (or from the corpus) must display as itself in Discord:
// not as formatting, not as a code fence that swallows the rest of the reply, not as a
// mention. Allowed mentions already stop pings; escaping also stops the *look* of one.
import { escapeMarkdown } from 'discord.js';
import { truncate } from './limits.js';

const ZERO_WIDTH_SPACE = '\u200B';

/**
 * `@everyone`, `@here`, `<@123>`, `<@!123>`, `<@&123>` lose their power by a zero-width space after the @.
 * Also when glued to more letters ("@everyones") or with invisible format characters or
 * combining marks between the @ and the word, which Discord has read as the mention.
 */
export function escapeMentions(text: string): string {
  return text
    .replace(/@([\p{Cf}\p{Mn}]*(?:everyone|here))/giu, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<@([!&]?\d)/g, `<@${ZERO_WIDTH_SPACE}$1`);
}

/**
 * Markdown and mentions escaped, for text shown inline (questions, queries, quotes).
 * Line-level markdown (headings, lists, block quotes, subtext) only works at the start
 * of a line, so every line start is escaped too.
 */
export function escapeText(text: string): string {
  // discord.js's escapeMarkdown grows with the square of the length, and replies escape the same
  // corpus sentences again and again: remember recent results (pure function of the text).
  const known = escapedCache.get(text);
  if (known !== undefined) return known;
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  const result = escapeMentions(escaped)
    .split('\n')
    .map((line) => line.replace(/^(\s*)(>|-#)/, '$1\\$2'))
    .join('\n');
  if (text.length <= CACHEABLE_LENGTH) {
    if (escapedCache.size >= CACHE_ENTRIES) escapedCache.clear();
    escapedCache.set(text, result);
  }
  return result;
}

const escapedCache = new Map<string, string>();
const CACHE_ENTRIES = 10_000;
const CACHEABLE_LENGTH = 2_000;

/** User text for a single line: whitespace (including newlines) folded, then escaped. */
export function escapeInline(text: string): string {
  return escapeText(text.replace(/\s+/g, ' ').trim());
}

/**
 * escapeInline, then cut to `max` characters ("…" when cut). User text can be 6,000
 * characters and discord.js's escapeMarkdown is quadratic on long runs without spaces
 * (hundreds of ms), so only what can be shown is escaped: escaping never shortens text,
 * so one character past `max` is enough for the cut to show.
 */
export function escapeInlineWithin(text: string, max: number): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return truncate(escapeText(folded.slice(0, max + 1)), max);
}

/**
 * Mentions are addressing, not words about the corpus: "@everyone how many IoT firms"
 * asks about IoT firms. Used before a question reaches the engine (the echo keeps them, escaped).
 */
export function withoutMentions(text: string): string {
  return text
    .replace(/<@[!&]?\d+>|<#\d+>|@(everyone|here)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * escapeInline undone: the text a person typed (whitespace folded), read back from a line
 * citebot wrote, so a button on that message can act on it again. escapeMarkdown escapes
 * backslashes too, so every `\x` stands for `x`; zero-width spaces are escapeMentions' own.
 */
export function unescapeInline(escaped: string): string {
  return escaped.replace(/\u200B/g, '').replace(/\\(.)/gs, '$1');
}

/** What a message's first line echoes after `lead` ("**Asked:** "), as typed; undefined when it does not start so. */
export function echoedText(content: string | undefined, lead: string): string | undefined {
  const first = content?.split('\n', 1)[0];
  return first?.startsWith(lead) ? unescapeInline(first.slice(lead.length)) : undefined;
}
