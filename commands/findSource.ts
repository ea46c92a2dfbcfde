// Message context menu "Find source": the corpus sentences that support, or bear on,
// what a message claims, for checking a fact someone posted.
import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import type { MessageCommandRequest } from '../src/discord/interactionRequest.js';
import { ANSWER_THRESHOLD, MAX_QUESTION_LENGTH } from '../src/engine/engine.js';
import type { Answer } from '../src/engine/types.js';
import { usableEverywhere } from '../src/discord/commandScope.js';
import { withoutMentions } from '../src/discord/render/escape.js';
import { renderFindSource, renderNothingToCheck } from '../src/discord/render/findSource.js';
import { privateReply, type MessageReply } from '../src/discord/reply.js';
import type { HandlerContext } from '../src/bot/handlerTypes.js';

const MAX_FOUND = 3;
/** A search hit "bears on" a claim below the answer threshold, but not far below (nearTitles uses half). */
const BEARS_ON = ANSWER_THRESHOLD * 0.75;

export const data = usableEverywhere(new ContextMenuCommandBuilder().setName('Find source').setType(ApplicationCommandType.Message));

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
  // What answers the message as a question first, then sentences that share its substance.
  const asked = engine.ask(query, { limit: MAX_FOUND }).answers;
  const searched = engine.search(query, { limit: MAX_FOUND * 2 }).filter((h) => h.score >= BEARS_ON);
  const found: Answer[] = [];
  for (const a of [...asked, ...searched]) {
    if (found.length < MAX_FOUND && !found.some((f) => f.documentId === a.documentId && f.sentenceIndex === a.sentenceIndex)) found.push(a);
  }
  return privateReply(renderFindSource(request.target.content, found));
}
