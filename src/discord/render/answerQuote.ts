// A quote as Discord shows it: escaped so it displays as written, with the words the engine says
// answer the question in bold. Markdown is only added around escaped text: remove the `**` and
// unescape, and it is the corpus sentence, character for character.
import type { Answer } from '../../engine/types.js';
import { markSpans } from '../../text/markSpans.js';
import { escapeText } from './escape.js';

export function quoteMarkdown(answer: Pick<Answer, 'quote' | 'answerSpans'>): string {
  return markSpans(answer.quote, answer.answerSpans, (part) => `**${escapeText(part)}**`, escapeText);
}
