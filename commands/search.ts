// /search query:<text>: up to five matching sentences with dates, private.
import { SlashCommandBuilder } from 'discord.js';
import { stringOption, type ChatCommandRequest } from '../src/discord/interactionRequest.js';
import { MAX_QUESTION_LENGTH } from '../src/engine/engine.js';
import { usableEverywhere } from '../src/discord/commandScope.js';
import { withoutMentions } from '../src/discord/render/escape.js';
import { renderSearch } from '../src/discord/render/search.js';
import { privateReply, type MessageReply } from '../src/discord/reply.js';
import type { HandlerContext } from '../src/app/handlerTypes.js';

const HITS = 5;

export const data = usableEverywhere(
  new SlashCommandBuilder()
    .setName('search')
    .setDescription('Browse: up to five sentences from the sources that match your words, with dates')
    .addStringOption((o) => o.setName('query').setDescription('Words to look for, e.g. "IoT enterprises"').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH)),
);

export function execute(request: ChatCommandRequest, { engine }: HandlerContext): MessageReply {
  const query = stringOption(request, 'query') ?? '';
  return privateReply(renderSearch(query, engine.search(withoutMentions(query), { limit: HITS })));
}
