// /source id:<autocomplete>: one article's card.
import { SlashCommandBuilder } from 'discord.js';
import { formatDate } from '../src/corpus/articleDate.js';
import { stringOption, type AutocompleteRequest, type ChatCommandRequest } from '../src/discord/interactionRequest.js';
import { usableEverywhere } from '../src/discord/commandScope.js';
import { LIMITS } from '../src/discord/render/limits.js';
import { renderSourceCard, renderUnknownSource } from '../src/discord/render/sourceCard.js';
import { privateReply, type Choice, type MessageReply } from '../src/discord/reply.js';
import type { HandlerContext } from '../src/app/handlerTypes.js';

export const data = usableEverywhere(
  new SlashCommandBuilder()
    .setName('source')
    .setDescription("Show one article's card: title, publisher, date, notes")
    .addStringOption((o) => o.setName('id').setDescription('The article (start typing its title or id)').setRequired(true).setAutocomplete(true)),
);

export function execute(request: ChatCommandRequest, { engine }: HandlerContext): MessageReply {
  const id = (stringOption(request, 'id') ?? '').trim();
  const article = engine.article(id);
  return privateReply(article ? renderSourceCard(article) : renderUnknownSource(id));
}

/** Articles whose id or title contains every typed word; all of them (up to 25) when nothing is typed. */
export function autocomplete(request: AutocompleteRequest, { engine }: HandlerContext): Choice[] {
  const typed = request.focused.value.toLowerCase().split(/\s+/).filter(Boolean);
  return engine.corpus.articles
    .filter((a) => typed.every((w) => a.id.toLowerCase().includes(w) || a.title.toLowerCase().includes(w)))
    .slice(0, LIMITS.choices)
    .map((a) => ({ name: `${a.title} (${formatDate(a.date)})`, value: a.id }));
}
