// Previous / Next under /search: the page and the query's digest are in the custom id, the
// query itself in the first line of the message the button is on (Discord sends it with the
// press), so any process can answer; a digest that does not match means the text is not ours.
import type { HandlerContext } from '../../src/app/handlerTypes.js';
import { parsePageButtonId } from '../../src/discord/customIds.js';
import type { ButtonRequest } from '../../src/discord/interactionRequest.js';
import { queryDigest, queryFromSearchReply, renderSearch, renderSearchGone, SEARCH_PAGE_ACTION } from '../../src/discord/render/search.js';
import { privateReply, updateReply, type MessageReply } from '../../src/discord/reply.js';
import { searchHits } from '../search.js';

export const action = SEARCH_PAGE_ACTION;
/** The page replaces the list it was pressed on. */
export const updates = true;

export function execute(request: ButtonRequest, { engine }: HandlerContext): MessageReply {
  const target = parsePageButtonId(request.customId);
  const query = queryFromSearchReply(request.message?.content);
  if (!target || query === undefined || target.key !== queryDigest(query)) return privateReply(renderSearchGone());
  return updateReply(renderSearch(query, searchHits(engine, query), target.page));
}
