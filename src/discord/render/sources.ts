// /sources: every article, dated, with its sentence count.
import type { Article } from '../../corpus/schema.js';
import type { MessageBody } from '../reply.js';
import { escapeInline } from './escape.js';
import { LIMITS } from './limits.js';
import { COLORS, pluralize, sourceAndDate } from './style.js';

export function renderSources(articles: readonly Article[]): MessageBody {
  const sorted = [...articles].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const lines: string[] = [];
  let used = 0;
  for (const [i, a] of sorted.entries()) {
    const line = `**${escapeInline(a.title)}**\n${sourceAndDate(a)} · ${pluralize(a.sentences.length, 'sentence')} · id \`${a.id}\``;
    // Stop at a whole article, with room left to say how many did not fit.
    if (used + line.length + 2 > LIMITS.embedDescription - 80) {
      lines.push(`…and ${sorted.length - i} more: use /source with an id to see one.`);
      break;
    }
    lines.push(line);
    used += line.length + 2;
  }
  return {
    embeds: [
      {
        color: COLORS.list,
        title: `The sources: ${pluralize(articles.length, 'article')}`,
        description: lines.join('\n\n') || 'The corpus is empty.',
        footer: { text: 'Newest first · /source shows one article' },
      },
    ],
  };
}
