// Previous / Next while reading an article: the article id and page are in the custom id; the page replaces the one shown.
import type { HandlerContext } from '../../src/app/handlerTypes.js';
import type { ButtonRequest } from '../../src/discord/interactionRequest.js';
import { READ_PAGE_ACTION } from '../../src/discord/render/articleText.js';
import { updateReply, type MessageReply } from '../../src/discord/reply.js';
import { readArticle } from './read.js';

export const action = READ_PAGE_ACTION;
/** The page replaces the list it was pressed on. */
export const updates = true;

export function execute(request: ButtonRequest, context: HandlerContext): MessageReply {
  return readArticle(request, context, updateReply);
}
