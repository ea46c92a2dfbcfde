// Previous / Next under /search: the page and a digest of the query and filter are in the custom
// id, the query and filter themselves in the first lines of the message the button is on (Discord
// sends it with the press), so any process can answer; a digest that does not match means the
// text is not ours.
import type { HandlerContext } from '../../src/app/handlerTypes.js';
import { parsePageButtonId } from '../../src/discord/customIds.js';
import type { ButtonRequest } from '../../src/discord/interactionRequest.js';
import { queryDigest, renderSearch, renderSearchGone, SEARCH_PAGE_ACTION, searchFromReply } from '../../src/discord/render/search.js';
import { privateReply, updateReply, type MessageReply } from '../../src/discord/reply.js';
import { searchHits } from '../search.js';

export const action = SEARCH_PAGE_ACTION;
/** The page replaces the list it was pressed on. */
export const updates = true;

export function execute(request: ButtonRequest, { engine }: HandlerContext): MessageReply {
  const target = parsePageButtonId(request.customId);
  const search = searchFromReply(request.message?.content);
  if (!target || !search || target.key !== queryDigest(search.query, search.filter)) return privateReply(renderSearchGone());
  return updateReply(renderSearch(search.query, searchHits(engine, search.query, search.filter), search.filter, target.page));
}
