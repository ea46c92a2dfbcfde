// /help: what the bot does and how to ask.
import type { ChatCommandDefinition, HandlerContext } from '../src/app/handlerTypes.js';
import { USABLE_EVERYWHERE } from '../src/discord/commandScope.js';
import type { ChatCommandRequest } from '../src/discord/interactionRequest.js';
import { renderHelp } from '../src/discord/render/help.js';
import { privateReply, type MessageReply } from '../src/discord/reply.js';

export const data = {
  name: 'help',
  description: 'What I do and how to ask me',
  ...USABLE_EVERYWHERE,
} as const satisfies ChatCommandDefinition;

export function execute(_request: ChatCommandRequest, { catalog, examples, engine, mentions }: HandlerContext): MessageReply {
  return privateReply(renderHelp(catalog, examples, engine.corpus.articles.length, (name) => mentions.mention(name)));
}
