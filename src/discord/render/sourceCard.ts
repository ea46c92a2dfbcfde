// /source: one article's card.
import type { APIEmbedField } from 'discord.js';
import type { Article } from '../../corpus/schema.js';
import type { MessageBody } from '../reply.js';
import { readButton } from './articleText.js';
import { articleLinkButton, row } from './buttons.js';
import { escapeInline, escapeInlineWithin, escapeText } from './escape.js';
import { LIMITS, truncate } from './limits.js';
import { blockQuote, COLORS, pluralize, sourceAndDate } from './style.js';
import { formatDate } from '../../corpus/articleDate.js';

export function renderSourceCard(article: Article): MessageBody {
  const fields: APIEmbedField[] = [
    { name: 'Publisher', value: escapeInline(article.source ?? 'unknown'), inline: true },
    { name: 'Date', value: formatDate(article.date), inline: true },
    { name: 'Sentences', value: String(article.sentences.length), inline: true },
  ];
  const sections = article.sections.map((s) => s.heading).filter((h): h is string => h !== null);
  if (sections.length) fields.push({ name: 'Sections', value: sections.map((h) => `• ${escapeInline(h)}`).join('\n') });
  const notes = [article.dateNote, article.titleNote, article.sourceNote].filter((n): n is string => Boolean(n));
  if (notes.length) fields.push({ name: "Curator's notes", value: notes.map((n) => escapeText(n)).join('\n\n') });
  fields.push({ name: 'Id', value: `\`${article.id}\`` });
  const lede = article.sentences[0];
  return {
    embeds: [
      {
        color: COLORS.list,
        title: truncate(escapeInline(article.title), LIMITS.embedTitle),
        ...(article.url ? { url: article.url } : {}),
        description: lede
          ? `${blockQuote(truncate(escapeText(lede.text), 1500))}\n— ${sourceAndDate(article)}`
          : 'This article has no text.',
        fields,
        footer: { text: `${pluralize(article.sentences.length, 'sentence')} · /ask quotes them word for word` },
      },
    ],
    components: lede ? row(readButton(article.id), ...articleLinkButton(article.url)) : row(...articleLinkButton(article.url)),
  };
}

export function renderUnknownSource(id: string): MessageBody {
  return { content: `No article has the id “${escapeInlineWithin(id, 200)}”. /sources lists them, and /source suggests ids as you type.` };
}
