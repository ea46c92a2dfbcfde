// "Not it?": the next best sentences for the same question, privately, each with its own
// Share button (and Show context), for when the quoted answer was not what was asked.
import type { AnswerFilter } from '../../engine/articleFilter.js';
import type { Answer } from '../../engine/types.js';
import type { MessageBody } from '../reply.js';
import { contextButton, row, shareAlternativeButton } from './buttons.js';
import { askedLine } from './citation.js';
import { numberedQuote } from './search.js';
import { COLORS } from './style.js';

/** `recorded`: whether feedback is kept (CITEBOT_FEEDBACK), so the footer says only what is true. */
export function renderAlternatives(
  question: string,
  alternatives: readonly Answer[],
  recorded: boolean,
  filter?: AnswerFilter,
): MessageBody {
  const heading = askedLine(question, filter);
  if (alternatives.length === 0) return { content: `${heading}\nNo other sentence in the sources bears on this question.` };
  return {
    content: `${heading}\nNot the sentence you needed? The next best in the sources, best first. Share one if it answers the question.`,
    embeds: [
      {
        color: COLORS.list,
        fields: alternatives.map((a, i) => numberedQuote(a, i + 1)),
        ...(recorded ? { footer: { text: "Thanks: this is noted (without your name) for the sources' curators." } } : {}),
      },
    ],
    components: [
      ...row(...alternatives.map((a, i) => shareAlternativeButton(a, `Share ${i + 1}`))),
      ...row(...alternatives.map((a, i) => contextButton(a, `Context ${i + 1}`))),
    ],
  };
}

/** A press on a reply whose question cannot be read back (an edited or foreign message). */
export function renderQuestionGone(): MessageBody {
  return { content: 'I can no longer tell which question that answer was for: ask it again.' };
}
