// /sources: the articles, dated, with sentence counts.
import type { ChatCommandDefinition, HandlerContext } from '../src/app/handlerTypes.js';
import { USABLE_EVERYWHERE } from '../src/discord/commandScope.js';
import type { ChatCommandRequest } from '../src/discord/interactionRequest.js';
import { renderSources } from '../src/discord/render/sources.js';
import { privateReply, type MessageReply } from '../src/discord/reply.js';

export const data = {
  name: 'sources',
  description: 'List the news articles I quote from, with their dates',
  ...USABLE_EVERYWHERE,
} as const satisfies ChatCommandDefinition;

export function execute(_request: ChatCommandRequest, { engine }: HandlerContext): MessageReply {
  return privateReply(renderSources(engine.corpus.articles));
}
