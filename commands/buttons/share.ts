// "Share in channel": posts the citation publicly, attributed to whoever pressed it, with the
// answer words in bold as the reply it was pressed on showed them.
import type { ButtonRequest } from '../../src/discord/interactionRequest.js';
import { parseSentenceButtonId } from '../../src/discord/customIds.js';
import { SHARE_ACTION } from '../../src/discord/render/buttons.js';
import { questionFromReply, renderSharedCitation } from '../../src/discord/render/citation.js';
import { renderMissingSentence } from '../../src/discord/render/context.js';
import { privateReply, publicReply, type MessageReply } from '../../src/discord/reply.js';
import type { HandlerContext } from '../../src/app/handlerTypes.js';

export const action = SHARE_ACTION;
export const visibility = 'public';

export function execute(request: ButtonRequest, { engine }: HandlerContext): MessageReply {
  const ref = parseSentenceButtonId(request.customId);
  // The question the reply echoes, so the shared quote shows the same words in bold.
  const question = questionFromReply(request.message?.content);
  const citation = ref && engine.answerAt(ref.documentId, ref.sentenceIndex, { question });
  if (!citation) return privateReply(renderMissingSentence());
  return publicReply(renderSharedCitation(citation, request.user));
}
