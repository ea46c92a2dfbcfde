// /help: what the bot does and how to ask.
import { SlashCommandBuilder } from 'discord.js';
import type { ChatCommandRequest } from '../src/discord/interactionRequest.js';
import { usableEverywhere } from '../src/discord/commandScope.js';
import { renderHelp } from '../src/discord/render/help.js';
import { privateReply, type MessageReply } from '../src/discord/reply.js';
import type { HandlerContext } from '../src/app/handlerTypes.js';

export const data = usableEverywhere(new SlashCommandBuilder().setName('help').setDescription('What I do and how to ask me'));

export function execute(_request: ChatCommandRequest, { catalog, examples, engine }: HandlerContext): MessageReply {
  return privateReply(renderHelp(catalog, examples, engine.corpus.articles.length));
}
