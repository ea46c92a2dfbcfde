// The product's main view: one verbatim sentence as a block quote, its article (linked
// when it has a url), publisher and date at its precision, the engine's notes, and the
// same fact as other sources dated it.
import type { AnswerFilter } from '../../engine/articleFilter.js';
import { withinLine } from './filterLine.js';
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { formatDate } from '../../corpus/articleDate.js';
import type { Answer } from '../../engine/types.js';
import type { Invoker } from '../interactionRequest.js';
import type { MessageBody } from '../reply.js';
import { quoteMarkdown } from './answerQuote.js';
import { articleLinkButton, contextButton, notItButton, row, shareButton } from './buttons.js';
import { echoedText, escapeInline, escapeInlineWithin, escapeText } from './escape.js';
import { LIMITS, truncate } from './limits.js';
import { blockQuote, COLORS, sourceAndDate } from './style.js';

/** An answer as the share button rebuilds it from ids: everything but the confidence. */
export type Citation = Omit<Answer, 'score'> & { score?: number };

/** Room for each other source's quote, so three fit beside the main one. */
const OTHER_QUOTE_ROOM = 700;

export function citationEmbed(citation: Citation, others: readonly Citation[] = []): APIEmbed {
  const fields: APIEmbedField[] = [];
  if (citation.notes.length) {
    fields.push({ name: 'Dates in the quote', value: citation.notes.map((n) => `• ${escapeText(n)}`).join('\n') });
  }
  for (const other of others) {
    fields.push({
      name: `Also reported · ${formatDate(other.date)}`,
      value: `${blockQuote(truncate(quoteMarkdown(other), OTHER_QUOTE_ROOM))}\n— ${articleTitle(other)} · ${sourceAndDate(other)}`,
    });
  }
  const footer = ['Quoted word for word from the source'];
  if (citation.score !== undefined) footer.push(`confidence ${citation.score.toFixed(2)}`);
  return {
    color: COLORS.citation,
    title: truncate(escapeInline(citation.title), LIMITS.embedTitle),
    ...(citation.url ? { url: citation.url } : {}),
    description: `${blockQuote(quoteMarkdown(citation))}\n— ${sourceAndDate(citation)}`,
    ...(fields.length ? { fields: fields.slice(0, LIMITS.embedFields) } : {}),
    footer: { text: footer.join(' · ') },
  };
}

/** Article title for inline use: a Markdown link when there is a url. */
function articleTitle(c: Pick<Citation, 'title' | 'url'>): string {
  const title = `*${escapeInline(c.title)}*`;
  return c.url ? `[${title}](${c.url})` : title;
}

const ASKED = '**Asked:** ';

/** "**Asked:** how many IoT firms in Wuxi", the question escaped so it displays as typed, and the filter it was asked within. */
export const askedLine = (question: string, filter?: AnswerFilter): string =>
  `${ASKED}${escapeInlineWithin(question, 1500)}${withinLine(filter)}`;

/** The question a reply's first line echoes (what "Not it?" asks again), or undefined when it echoes none. */
export const questionFromReply = (content: string | undefined): string | undefined => echoedText(content, ASKED);

/** /ask's reply: private with Share, Show context and Not it?, or public (already shared) with Show context and Not it?. */
export function renderAnswer(
  question: string,
  best: Citation,
  others: readonly Citation[],
  visibility: 'private' | 'public',
  filter?: AnswerFilter,
): MessageBody {
  const ref = { documentId: best.documentId, sentenceIndex: best.sentenceIndex };
  const buttons = [...(visibility === 'private' ? [shareButton(ref)] : []), contextButton(ref), notItButton(ref)];
  return {
    content: askedLine(question, filter),
    embeds: [citationEmbed(best, others)],
    components: row(...buttons, ...articleLinkButton(best.url)),
  };
}

/** What Share in channel posts: the citation, attributed to who shared it (a mention that pings nobody). */
export function renderSharedCitation(citation: Citation, sharedBy: Invoker): MessageBody {
  const ref = { documentId: citation.documentId, sentenceIndex: citation.sentenceIndex };
  return {
    content: `Shared by ${userMention(sharedBy)}`,
    embeds: [citationEmbed(citation)],
    components: row(contextButton(ref), ...articleLinkButton(citation.url)),
  };
}

/** `<@id>` renders as the person's name; with allowed mentions none it notifies nobody. */
export function userMention(user: Invoker): string {
  return /^\d{1,20}$/.test(user.id) ? `<@${user.id}>` : `**${escapeInline(user.globalName ?? user.username)}**`;
}
