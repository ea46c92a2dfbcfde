// "Not it?" under an answer: the next best sentences for the same question, privately, each
// shareable; and a feedback record. The quote shown is in the custom id, the question in the
// first line of the message the button is on (Discord sends it with the press).
import type { HandlerContext } from '../../src/app/handlerTypes.js';
import { parseSentenceButtonId, type SentenceRef } from '../../src/discord/customIds.js';
import type { ButtonRequest } from '../../src/discord/interactionRequest.js';
import { renderAlternatives, renderQuestionGone } from '../../src/discord/render/alternatives.js';
import { NOT_IT_ACTION } from '../../src/discord/render/buttons.js';
import { questionFromReply } from '../../src/discord/render/citation.js';
import { withoutMentions } from '../../src/discord/render/escape.js';
import { filterFromReply } from '../../src/discord/render/filterLine.js';
import { privateReply, type MessageReply } from '../../src/discord/reply.js';
import { articleMask, hasFilter, type AnswerFilter } from '../../src/engine/articleFilter.js';
import type { Engine } from '../../src/engine/engine.js';
import { ANSWERS } from '../ask.js';

export const action = NOT_IT_ACTION;

/** Sentences offered instead: fields and two rows of buttons stay well inside Discord's limits. */
const ALTERNATIVES = 4;
/** How far down the ranking a filtered "Not it?" looks for sentences the filter keeps. */
const RANKED = 50;

export const quoteId = (ref: SentenceRef): string => `${ref.documentId}:${ref.sentenceIndex}`;

/** The quotes the answer to `question` showed, `answer` (the one "Not it?" was pressed on) first: asked again, the engine answers alike. */
export function shownFor(engine: Engine, question: string, answer?: SentenceRef, filter: AnswerFilter = {}): string[] {
  const again = engine.ask(withoutMentions(question), { limit: ANSWERS, ...filter }).answers.map(quoteId);
  return answer ? [quoteId(answer), ...again.filter((id) => id !== quoteId(answer))] : again;
}

export async function execute(request: ButtonRequest, { engine, feedback }: HandlerContext): Promise<MessageReply> {
  const answer = parseSentenceButtonId(request.customId);
  const question = questionFromReply(request.message?.content);
  const filter = filterFromReply(request.message?.content);
  if (!answer || question === undefined || filter === undefined) return privateReply(renderQuestionGone());
  // Within the filter the question was asked in: the ranking's articles the filter keeps.
  const mask = articleMask(engine.corpus.articles, filter);
  const kept = new Set(engine.corpus.articles.filter((_, i) => mask.allowed[i]).map((a) => a.id));
  const alternatives = engine
    .rank(withoutMentions(question), { limit: hasFilter(filter) ? RANKED : ALTERNATIVES + 1 })
    .filter((a) => kept.has(a.documentId) && quoteId(a) !== quoteId(answer))
    .slice(0, ALTERNATIVES);
  await feedback.record({
    // As the engine reads it: mentions (other people's ids) are not kept.
    question: withoutMentions(question),
    shown: shownFor(engine, question, answer, filter),
    choice: 'not-it',
    offered: alternatives.map(quoteId),
    userId: request.user.id,
  });
  return privateReply(renderAlternatives(question, alternatives, feedback.enabled, filter));
}
