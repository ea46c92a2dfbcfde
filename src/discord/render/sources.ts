// /sources: the articles, newest first, a page at a time, dated, with sentence counts.
import type { Article } from '../../corpus/schema.js';
import type { MessageBody } from '../reply.js';
import { row } from './buttons.js';
import { escapeInline } from './escape.js';
import { truncate } from './limits.js';
import { pageLabel, pageOf, pagerButtons } from './pager.js';
import { COLORS, pluralize, sourceAndDate } from './style.js';

export const SOURCES_PAGE_ACTION = 'sources-page';

/**
 * Articles per page. Each line is at most ~320 characters (title and publisher are cut below),
 * so a page stays inside an embed description's 4,096.
 */
export const SOURCES_PER_PAGE = 12;

function articleLine(a: Article): string {
  const meta = `${truncate(escapeInline(sourceAndDate(a)), 80)} · ${pluralize(a.sentences.length, 'sentence')} · id \`${a.id}\``;
  return `**${truncate(escapeInline(a.title), 140)}**\n${meta}`;
}

export function renderSources(articles: readonly Article[], page = 0): MessageBody {
  const sorted = [...articles].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
  const shown = pageOf(sorted, page, SOURCES_PER_PAGE);
  const range = shown.pageCount > 1 ? ` · ${shown.first + 1}–${shown.first + shown.items.length} of ${shown.total}` : '';
  return {
    embeds: [
      {
        color: COLORS.list,
        title: `The sources: ${pluralize(articles.length, 'article')}`,
        description: shown.items.map(articleLine).join('\n\n') || 'The corpus is empty.',
        footer: { text: [`Newest first${range}`, pageLabel(shown), '/source shows one article'].filter(Boolean).join(' · ') },
      },
    ],
    components: row(...pagerButtons(SOURCES_PAGE_ACTION, shown)),
  };
}
