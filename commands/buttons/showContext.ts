// "Show context": the sentences around a quote, privately, for whoever pressed it.
import type { ButtonRequest } from '../../src/discord/interactionRequest.js';
import { parseSentenceButtonId } from '../../src/discord/customIds.js';
import { CONTEXT_ACTION } from '../../src/discord/render/buttons.js';
import { renderContext, renderMissingSentence } from '../../src/discord/render/context.js';
import { privateReply, type MessageReply } from '../../src/discord/reply.js';
import type { HandlerContext } from '../../src/app/handlerTypes.js';

export const action = CONTEXT_ACTION;

/** Sentences shown either side of the quote. */
const RADIUS = 2;

export function execute(request: ButtonRequest, { engine }: HandlerContext): MessageReply {
  const ref = parseSentenceButtonId(request.customId);
  const found = ref && engine.context(ref.documentId, ref.sentenceIndex, RADIUS);
  if (!ref || !found) return privateReply(renderMissingSentence());
  return privateReply(renderContext(found.article, found.sentences, ref.sentenceIndex));
}
