// Share one of the sentences "Not it?" offered: posted like Share in channel, and recorded
// as the answer the person chose instead (the question is read from the message's first line).
import type { HandlerContext } from '../../src/app/handlerTypes.js';
import { parseSentenceButtonId } from '../../src/discord/customIds.js';
import type { ButtonRequest } from '../../src/discord/interactionRequest.js';
import { SHARE_ALTERNATIVE_ACTION } from '../../src/discord/render/buttons.js';
import { questionFromReply, renderSharedCitation } from '../../src/discord/render/citation.js';
import { withoutMentions } from '../../src/discord/render/escape.js';
import { filterFromReply } from '../../src/discord/render/filterLine.js';
import { renderMissingSentence } from '../../src/discord/render/context.js';
import { privateReply, publicReply, type MessageReply } from '../../src/discord/reply.js';
import { quoteId, shownFor } from './notIt.js';

export const action = SHARE_ALTERNATIVE_ACTION;
export const visibility = 'public';

export async function execute(request: ButtonRequest, { engine, feedback }: HandlerContext): Promise<MessageReply> {
  const ref = parseSentenceButtonId(request.customId);
  const question = questionFromReply(request.message?.content);
  const citation = ref && engine.answerAt(ref.documentId, ref.sentenceIndex, { question });
  if (!citation) return privateReply(renderMissingSentence());
  if (question !== undefined) {
    await feedback.record({
      question: withoutMentions(question),
      shown: shownFor(engine, question, undefined, filterFromReply(request.message?.content)),
      choice: 'shared-alternative',
      alternative: quoteId(citation),
      userId: request.user.id,
    });
  }
  return publicReply(renderSharedCitation(citation, request.user));
}
