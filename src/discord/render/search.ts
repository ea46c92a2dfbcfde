// /search: matching sentences with their dates, five to a page, for browsing. The query is
// echoed in the first line and a filter in the second (filterLine.ts), which is also where a Previous / Next
// press reads them back: they can be longer than a custom id, so the buttons carry only a digest.
import { createHash } from 'node:crypto';
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { describeFilter, hasFilter, type AnswerFilter } from '../../engine/articleFilter.js';
import type { SearchHit } from '../../engine/types.js';
import type { MessageBody } from '../reply.js';
import { contextButton, row } from './buttons.js';
import { echoedText, escapeInline, escapeInlineWithin, escapeText, withoutMentions } from './escape.js';
import { filterFromReply, withinLine } from './filterLine.js';
import { truncate } from './limits.js';
import { pageLabel, pageOf, pagerButtons } from './pager.js';
import { blockQuote, COLORS, sourceAndDate } from './style.js';

export const SEARCH_PAGE_ACTION = 'search-page';
export const HITS_PER_PAGE = 5;

const QUOTE_ROOM = 800;
const HEADING = '**Search:** ';

/**
 * Twelve hex digits of the SHA-256 of the query as the engine reads it (mentions dropped,
 * whitespace folded, zero-width spaces gone) and of the filter, so what is read back digests the same.
 */
export function queryDigest(query: string, filter: AnswerFilter = {}): string {
  const normalized = withoutMentions(query.replace(/\u200B/g, ''));
  return createHash('sha256')
    .update([normalized, filter.since ?? '', filter.source ?? ''].join('\n'))
    .digest('hex')
    .slice(0, 12);
}

/** The query and filter a /search reply echoes, or undefined when the text is not one. */
export function searchFromReply(content: string | undefined): { query: string; filter: AnswerFilter } | undefined {
  const query = echoedText(content, HEADING);
  const filter = filterFromReply(content);
  return query === undefined || filter === undefined ? undefined : { query, filter };
}

/** A listed sentence: "3. publisher · date", the quote, the article's title. */
export function numberedQuote(hit: Omit<SearchHit, 'score' | 'rank'>, n: number): APIEmbedField {
  return {
    name: `${n}. ${sourceAndDate(hit)}`,
    value: `${blockQuote(truncate(escapeText(hit.quote), QUOTE_ROOM))}\n— *${escapeInline(hit.title)}*`,
  };
}

export function renderSearch(query: string, hits: readonly SearchHit[], filter: AnswerFilter = {}, page = 0): MessageBody {
  const filtered = hasFilter(filter);
  const heading = `${HEADING}${escapeInlineWithin(query, 1500)}${withinLine(filter)}`;
  if (hits.length === 0 && filtered)
    return {
      content: `${heading}\nNo sentence ${escapeInline(describeFilter(filter))} matches that. Try without the filter, or /sources to see the articles' dates and publishers.`,
    };
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
    components: [...row(...context), ...row(...pagerButtons(SEARCH_PAGE_ACTION, shown, queryDigest(query, filter)))],
  };
}

/** A press on a list whose query cannot be read back (an edited or foreign message). */
export function renderSearchGone(): MessageBody {
  return { content: 'This list can no longer be paged: run /search again.' };
}
