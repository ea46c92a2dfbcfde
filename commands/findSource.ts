// Message context menu "Find source": the engine's verdict on what a message claims
// (supported, a newer figure, contradicted, not in the sources) and the sentences behind it.
import { ApplicationCommandType } from 'discord.js';
import type { HandlerContext, MessageCommandDefinition } from '../src/app/handlerTypes.js';
import { USABLE_EVERYWHERE } from '../src/discord/commandScope.js';
import type { MessageCommandRequest } from '../src/discord/interactionRequest.js';
import { withoutMentions } from '../src/discord/render/escape.js';
import { renderFindSource, renderNothingToCheck } from '../src/discord/render/findSource.js';
import { privateReply, type MessageReply } from '../src/discord/reply.js';
import { MAX_QUESTION_LENGTH } from '../src/engine/engine.js';

/** Enough for a newer figure, the older one it replaces and what else bears on it. */
const MAX_FOUND = 4;

export const data = {
  type: ApplicationCommandType.Message,
  name: 'Find source',
  ...USABLE_EVERYWHERE,
} as const satisfies MessageCommandDefinition;

// A message can be long, and checking it is a search on arbitrary text: acknowledge first.
export const defer = true;

/** The claim as a query: mentions dropped, cut at a word boundary to what the engine accepts. */
function claimQuery(content: string): string {
  const text = withoutMentions(content);
  if (text.length <= MAX_QUESTION_LENGTH) return text;
  const cut = text.slice(0, MAX_QUESTION_LENGTH);
  return cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : undefined);
}

export function execute(request: MessageCommandRequest, { engine }: HandlerContext): MessageReply {
  const query = claimQuery(request.target.content);
  if (!/[\p{L}\p{N}]/u.test(query)) return privateReply(renderNothingToCheck());
  return privateReply(renderFindSource(request.target.content, engine.checkClaim(query, { limit: MAX_FOUND })));
}
