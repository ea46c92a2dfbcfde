// No answer is a plain, private sentence: never a confident wrong quote.
import type { AnswerFilter } from '../../engine/articleFilter.js';
import { NO_ANSWER } from '../../engine/engine.js';
import type { AskResult } from '../../engine/types.js';
import type { MessageBody } from '../reply.js';
import { askedLine } from './citation.js';
import { escapeInline, escapeText } from './escape.js';

export function renderNoAnswer(question: string, result: Pick<AskResult, 'message' | 'nearTitles'>, filter?: AnswerFilter): MessageBody {
  // The engine's message can quote the question ("never mention <name>"), so it is escaped like user text.
  const lines = [askedLine(question, filter), escapeText(result.message ?? NO_ANSWER)];
  if (result.nearTitles.length) {
    lines.push('', 'These articles came closest:', ...result.nearTitles.map((t) => `• ${escapeInline(t)}`));
  }
  return { content: lines.join('\n') };
}
