// "Read the opening" on /source, and Previous / Next from there: an article's own text,
// paragraph by paragraph under its section headings, a page at a time. Pages are cut at
// whole sentences from the start of the article, the same way in every process, so the
// page number in a button's custom id is all the state a press needs.
import type { Article, Sentence } from '../../corpus/schema.js';
import { ButtonStyle, ComponentType } from 'discord.js';
import { pageButtonId } from '../customIds.js';
import type { Button, MessageBody } from '../reply.js';
import { articleLinkButton, row } from './buttons.js';
import { escapeInline, escapeText } from './escape.js';
import { LIMITS, truncate } from './limits.js';
import { pagerButtons } from './pager.js';
import { COLORS, sourceAndDate } from './style.js';

/** The first press (from the article's card) opens a new message; Previous / Next replace it. */
export const READ_ACTION = 'read';
export const READ_PAGE_ACTION = 'read-page';

/** The card's button: the article's first page, in a message of its own. */
export function readButton(articleId: string, label = 'Read the opening'): Button {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: pageButtonId(READ_ACTION, 0, articleId) };
}

/** Characters of text per page: an embed description holds 4,096, headings and breaks need a little. */
const PAGE_ROOM = 3_500;

/** One sentence's share of a page: escaped, and cut only if it alone is longer than a page. */
const shownSentence = (s: Sentence) => truncate(escapeText(s.text), PAGE_ROOM);

/** The first sentence index of every page. */
export function pageStarts(article: Article): number[] {
  const starts: number[] = [];
  let used = Infinity;
  for (const s of article.sentences) {
    const cost = shownSentence(s).length + (s.section ? s.section.length + 8 : 0) + 2;
    if (used + cost > PAGE_ROOM) {
      starts.push(s.index);
      used = 0;
    }
    used += cost;
  }
  return starts.length ? starts : [0];
}

function pageText(sentences: readonly Sentence[]): string {
  const blocks: string[] = [];
  let section: string | null | undefined;
  let paragraph: number | undefined;
  for (const s of sentences) {
    if (s.section !== section && s.section) blocks.push(`**${escapeInline(s.section)}**`);
    if (s.section !== section || s.paragraph !== paragraph || !blocks.length) blocks.push(shownSentence(s));
    else blocks[blocks.length - 1] += ` ${shownSentence(s)}`;
    section = s.section;
    paragraph = s.paragraph;
  }
  return blocks.join('\n\n');
}

export function renderArticleText(article: Article, page: number): MessageBody {
  const starts = pageStarts(article);
  const shown = Math.min(Math.max(0, page), starts.length - 1);
  const from = starts[shown]!;
  const to = starts[shown + 1] ?? article.sentences.length;
  const sentences = article.sentences.slice(from, to);
  const where = sentences.length ? `Sentences ${from + 1}–${to} of ${article.sentences.length}` : 'No text';
  const pager = { page: shown, pageCount: starts.length };
  return {
    embeds: [
      {
        color: COLORS.context,
        title: truncate(escapeInline(article.title), LIMITS.embedTitle),
        ...(article.url ? { url: article.url } : {}),
        description:
          (from > 0 ? '…\n\n' : '') + (pageText(sentences) || 'This article has no text.') + (to < article.sentences.length ? '\n\n…' : ''),
        footer: {
          text: [where, starts.length > 1 ? `page ${shown + 1} of ${starts.length}` : '', sourceAndDate(article)]
            .filter(Boolean)
            .join(' · '),
        },
      },
    ],
    components: row(...pagerButtons(READ_PAGE_ACTION, pager, article.id), ...articleLinkButton(article.url)),
  };
}
