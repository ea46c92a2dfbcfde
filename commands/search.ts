// /search query:<text> [since:<date>] [source:<publisher>]: up to five matching sentences with dates, private.
import { ApplicationCommandOptionType } from 'discord.js';
import { readFilter, SINCE_OPTION, SOURCE_OPTION } from '../src/app/filterOptions.js';
import type { ArgumentsOf, ChatCommandDefinition, HandlerContext } from '../src/app/handlerTypes.js';
import { USABLE_EVERYWHERE } from '../src/discord/commandScope.js';
import type { AutocompleteRequest, ChatCommandRequest } from '../src/discord/interactionRequest.js';
import { withoutMentions } from '../src/discord/render/escape.js';
import { renderSearch } from '../src/discord/render/search.js';
import { privateReply, type Choice, type MessageReply } from '../src/discord/reply.js';
import { MAX_QUESTION_LENGTH } from '../src/engine/engine.js';

const HITS = 5;

export const data = {
  name: 'search',
  description: 'Browse: up to five sentences from the sources that match your words, with dates',
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
  return privateReply(renderSearch(query, engine.search(withoutMentions(query), { limit: HITS, ...read.filter }), read.filter));
}

export function autocomplete(request: AutocompleteRequest, { suggestions }: HandlerContext): Choice[] {
  const { name, value } = request.focused;
  return name === SOURCE_OPTION.name ? suggestions.sources(value) : suggestions.searches(value);
}
