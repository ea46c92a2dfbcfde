// The `since` and `source` options /ask and /search share: their definitions, and reading them
// through the engine's own schema (engine/articleFilter.ts) so a bad date gets a private
// explanation instead of an answer from the wrong articles.
import { ApplicationCommandOptionType } from 'discord.js';
import { privateReply, type MessageReply } from '../discord/reply.js';
import { FilterError, parseAnswerFilter, type AnswerFilter } from '../engine/articleFilter.js';
import { escapeText } from '../discord/render/escape.js';

export const SINCE_OPTION = {
  type: ApplicationCommandOptionType.String,
  name: 'since',
  description: 'Only articles dated from then on: 2020, 2020-06 or 2020-12-01 (undated articles are left out)',
  max_length: 10,
} as const;

export const SOURCE_OPTION = {
  type: ApplicationCommandOptionType.String,
  name: 'source',
  description: 'Only articles from this publisher, e.g. wuxinews.com.cn',
  max_length: 200,
  autocomplete: true,
} as const;

/** The filter from the options, or the private reply saying what is wrong with it. */
export function readFilter(options: { since?: string; source?: string }): { filter: AnswerFilter } | { reply: MessageReply } {
  try {
    return { filter: parseAnswerFilter(options) };
  } catch (error) {
    if (!(error instanceof FilterError)) throw error;
    return { reply: privateReply({ content: `${escapeText(error.message)}. Nothing was searched; try again with a corrected filter.` }) };
  }
}
