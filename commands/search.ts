// /search query:<text> [since:<date>] [source:<publisher>]: matching sentences with dates, five to a page, private.
import { ApplicationCommandOptionType } from 'discord.js';
import { readFilter, SINCE_OPTION, SOURCE_OPTION } from '../src/app/filterOptions.js';
import type { ArgumentsOf, ChatCommandDefinition, HandlerContext } from '../src/app/handlerTypes.js';
import { USABLE_EVERYWHERE } from '../src/discord/commandScope.js';
import type { AutocompleteRequest, ChatCommandRequest } from '../src/discord/interactionRequest.js';
import { withoutMentions } from '../src/discord/render/escape.js';
import { renderSearch } from '../src/discord/render/search.js';
import { privateReply, type Choice, type MessageReply } from '../src/discord/reply.js';
import type { AnswerFilter } from '../src/engine/articleFilter.js';
import { MAX_QUESTION_LENGTH, type Engine } from '../src/engine/engine.js';
import type { SearchHit } from '../src/engine/types.js';

/** Every sentence the engine ranks for a query (it ranks its 50 best candidates): the pages are slices of these. */
const HITS = 50;

/** The whole ranked list, the same in every process: Previous / Next (buttons/searchPage.ts) recompute it. */
export const searchHits = (engine: Engine, query: string, filter: AnswerFilter = {}): SearchHit[] =>
  engine.search(withoutMentions(query), { limit: HITS, ...filter });

export const data = {
  name: 'search',
  description: 'Browse: the sentences from the sources that match your words, with dates, five to a page',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'query',
      description: 'Words to look for, e.g. "IoT enterprises"',
      required: true,
      max_length: MAX_QUESTION_LENGTH,
      autocomplete: true,
    },
    SINCE_OPTION,
    SOURCE_OPTION,
  ],
  ...USABLE_EVERYWHERE,
} as const satisfies ChatCommandDefinition;

export function execute(request: ChatCommandRequest<ArgumentsOf<typeof data>>, { engine }: HandlerContext): MessageReply {
  const { query } = request.options;
  const read = readFilter(request.options);
  if ('reply' in read) return read.reply;
  return privateReply(renderSearch(query, searchHits(engine, query, read.filter), read.filter));
}

export function autocomplete(request: AutocompleteRequest, { suggestions }: HandlerContext): Choice[] {
  const { name, value } = request.focused;
  return name === SOURCE_OPTION.name ? suggestions.sources(value) : suggestions.searches(value);
}
