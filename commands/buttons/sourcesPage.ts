// Previous / Next under /sources: the page is in the custom id.
import type { HandlerContext } from '../../src/app/handlerTypes.js';
import { parsePageButtonId } from '../../src/discord/customIds.js';
import type { ButtonRequest } from '../../src/discord/interactionRequest.js';
import { renderSources, SOURCES_PAGE_ACTION } from '../../src/discord/render/sources.js';
import { updateReply, type MessageReply } from '../../src/discord/reply.js';

export const action = SOURCES_PAGE_ACTION;
/** The page replaces the list it was pressed on. */
export const updates = true;

export function execute(request: ButtonRequest, { engine }: HandlerContext): MessageReply {
  return updateReply(renderSources(engine.corpus.articles, parsePageButtonId(request.customId)?.page ?? 0));
}
