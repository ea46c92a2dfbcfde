// /sources: the articles, dated, with sentence counts.
import { SlashCommandBuilder } from 'discord.js';
import type { ChatCommandRequest } from '../src/discord/interactionRequest.js';
import { usableEverywhere } from '../src/discord/commandScope.js';
import { renderSources } from '../src/discord/render/sources.js';
import { privateReply, type MessageReply } from '../src/discord/reply.js';
import type { HandlerContext } from '../src/app/handlerTypes.js';

export const data = usableEverywhere(new SlashCommandBuilder().setName('sources').setDescription('List the news articles I quote from, with their dates'));

export function execute(_request: ChatCommandRequest, { engine }: HandlerContext): MessageReply {
  return privateReply(renderSources(engine.corpus.articles));
}
