// /source id:<autocomplete>: one article's card.
import { ApplicationCommandOptionType } from 'discord.js';
import type { ArgumentsOf, ChatCommandDefinition, HandlerContext } from '../src/app/handlerTypes.js';
import { formatDate } from '../src/corpus/articleDate.js';
import { USABLE_EVERYWHERE } from '../src/discord/commandScope.js';
import type { AutocompleteRequest, ChatCommandRequest } from '../src/discord/interactionRequest.js';
import { LIMITS } from '../src/discord/render/limits.js';
import { renderSourceCard, renderUnknownSource } from '../src/discord/render/sourceCard.js';
import { privateReply, type Choice, type MessageReply } from '../src/discord/reply.js';

export const data = {
  name: 'source',
  description: "Show one article's card: title, publisher, date, notes",
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'id',
      description: 'The article (start typing its title or id)',
      required: true,
      autocomplete: true,
    },
  ],
  ...USABLE_EVERYWHERE,
} as const satisfies ChatCommandDefinition;

export function execute(request: ChatCommandRequest<ArgumentsOf<typeof data>>, { engine }: HandlerContext): MessageReply {
  const id = request.options.id.trim();
  const article = engine.article(id);
  return privateReply(article ? renderSourceCard(article) : renderUnknownSource(id));
}

/**
 * Articles whose id or title contains every typed word, those whose id starts with what was
 * typed first (so an id can be completed: the console's Tab takes only those); all of them
 * (up to 25) when nothing is typed.
 */
export function autocomplete(request: AutocompleteRequest, { engine }: HandlerContext): Choice[] {
  const value = request.focused.value.trim().toLowerCase();
  const typed = value.split(/\s+/).filter(Boolean);
  const idFirst = (a: { id: string }) => (a.id.toLowerCase().startsWith(value) ? 0 : 1);
  return engine.corpus.articles
    .filter((a) => typed.every((w) => a.id.toLowerCase().includes(w) || a.title.toLowerCase().includes(w)))
    .sort((a, b) => idFirst(a) - idFirst(b))
    .slice(0, LIMITS.choices)
    .map((a) => ({ name: `${a.title} (${formatDate(a.date)})`, value: a.id }));
}
