// A quote as Discord shows it: escaped so it displays as written, with the words the engine says
// answer the question in bold. Markdown is only added around escaped text: remove the `**` and it
// is the escaped quote, character for character.
import type { Answer } from '../../engine/types.js';
import { markSpans } from '../../text/markSpans.js';
import { escapeText } from './escape.js';

export function quoteMarkdown(answer: Pick<Answer, 'quote' | 'answerSpans'>): string {
  const whole = escapeText(answer.quote);
  if (!answer.answerSpans?.length) return whole;
  // Escaping piece by piece reads as escaping the whole but in odd corners (a link's underscore
  // cut by a span): there the quote goes without bold rather than escaped differently.
  const pieces = markSpans(answer.quote, answer.answerSpans, escapeText, escapeText);
  return pieces === whole ? markSpans(answer.quote, answer.answerSpans, (part) => `**${escapeText(part)}**`, escapeText) : whole;
}
