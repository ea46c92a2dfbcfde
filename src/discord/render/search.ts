// /search: matching sentences with their dates, five to a page, for browsing. The query is
// echoed in the first line, which is also where a Previous / Next press reads it back: a
// query can be longer than a custom id, so the buttons carry only its digest.
import { createHash } from 'node:crypto';
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { SearchHit } from '../../engine/types.js';
import type { MessageBody } from '../reply.js';
import { contextButton, row } from './buttons.js';
import { echoedText, escapeInline, escapeInlineWithin, escapeText, withoutMentions } from './escape.js';
import { truncate } from './limits.js';
import { pageLabel, pageOf, pagerButtons } from './pager.js';
import { blockQuote, COLORS, sourceAndDate } from './style.js';

export const SEARCH_PAGE_ACTION = 'search-page';
export const HITS_PER_PAGE = 5;

const QUOTE_ROOM = 800;
const HEADING = '**Search:** ';

/**
 * Twelve hex digits of the query's SHA-256, as the engine reads it (mentions dropped,
 * whitespace folded, zero-width spaces gone), so the echoed query read back digests the same.
 */
export function queryDigest(query: string): string {
  const normalized = withoutMentions(query.replace(/\u200B/g, ''));
  return createHash('sha256').update(normalized).digest('hex').slice(0, 12);
}

/** The query a /search reply echoes in its first line, or undefined when the text is not one. */
export const queryFromSearchReply = (content: string | undefined): string | undefined => echoedText(content, HEADING);

/** A listed sentence: "3. publisher · date", the quote, the article's title. */
export function numberedQuote(hit: Omit<SearchHit, 'score' | 'rank'>, n: number): APIEmbedField {
  return {
    name: `${n}. ${sourceAndDate(hit)}`,
    value: `${blockQuote(truncate(escapeText(hit.quote), QUOTE_ROOM))}\n— *${escapeInline(hit.title)}*`,
  };
}

export function renderSearch(query: string, hits: readonly SearchHit[], page = 0): MessageBody {
  const heading = `${HEADING}${escapeInlineWithin(query, 1500)}`;
  if (hits.length === 0)
    return { content: `${heading}\nNo sentence in the sources matches that. Try other words, or /sources to see what the sources cover.` };
  const shown = pageOf(hits, page, HITS_PER_PAGE);
  const embed: APIEmbed = {
    color: COLORS.list,
    fields: shown.items.map((hit, i) => numberedQuote(hit, shown.first + i + 1)),
    ...(shown.pageCount > 1 ? { footer: { text: `${pageLabel(shown)} · ${shown.total} sentences, best first` } } : {}),
  };
  const context = shown.items.map((hit, i) => contextButton(hit, `Context ${shown.first + i + 1}`));
  return {
    content: heading,
    embeds: [embed],
    components: [...row(...context), ...row(...pagerButtons(SEARCH_PAGE_ACTION, shown, queryDigest(query)))],
  };
}

/** A press on a list whose query cannot be read back (an edited or foreign message). */
export function renderSearchGone(): MessageBody {
  return { content: 'This list can no longer be paged: run /search again.' };
}
