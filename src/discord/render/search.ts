// /search: a few matching sentences with their dates, for browsing.
import type { APIEmbed } from 'discord.js';
import { describeFilter, hasFilter, type AnswerFilter } from '../../engine/articleFilter.js';
import type { SearchHit } from '../../engine/types.js';
import type { MessageBody } from '../reply.js';
import { contextButton, row } from './buttons.js';
import { escapeInline, escapeInlineWithin, escapeText } from './escape.js';
import { truncate } from './limits.js';
import { blockQuote, COLORS, sourceAndDate } from './style.js';

const QUOTE_ROOM = 800;

export function renderSearch(query: string, hits: readonly SearchHit[], filter?: AnswerFilter): MessageBody {
  const within = hasFilter(filter) ? escapeInlineWithin(describeFilter(filter), 300) : '';
  const heading = `**Search:** ${escapeInlineWithin(query, 1500)}${within ? ` (${within})` : ''}`;
  if (hits.length === 0 && within)
    return {
      content: `${heading}\nNo sentence ${within} matches that. Try without the filter, or /sources to see the articles' dates and publishers.`,
    };
  if (hits.length === 0)
    return { content: `${heading}\nNo sentence in the sources matches that. Try other words, or /sources to see what the sources cover.` };
  const embed: APIEmbed = {
    color: COLORS.list,
    fields: hits.map((hit, i) => ({
      name: `${i + 1}. ${sourceAndDate(hit)}`,
      value: `${blockQuote(truncate(escapeText(hit.quote), QUOTE_ROOM))}\n— *${escapeInline(hit.title)}*`,
    })),
  };
  const buttons = hits.map((hit, i) => contextButton(hit, `Context ${i + 1}`));
  return { content: heading, embeds: [embed], components: row(...buttons) };
}
