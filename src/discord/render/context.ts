// "Show context": the cited sentence among its neighbours, so a reader can judge the quote.
import type { APIEmbed } from 'discord.js';
import type { Article, Sentence } from '../../corpus/schema.js';
import type { MessageBody } from '../reply.js';
import { escapeInline, escapeText } from './escape.js';
import { LIMITS, truncate } from './limits.js';
import { COLORS, sourceAndDate } from './style.js';

export function renderContext(article: Article, sentences: readonly Sentence[], citedIndex: number): MessageBody {
  const first = sentences[0]?.index ?? 0;
  const last = sentences.at(-1)?.index ?? 0;
  const lines: string[] = [];
  if (first > 0) lines.push('…');
  let section: string | null | undefined;
  for (const s of sentences) {
    if (s.section && s.section !== section) lines.push(`**${escapeInline(s.section)}**`);
    section = s.section;
    const text = escapeText(s.text);
    lines.push(s.index === citedIndex ? `▶ **${text}**` : text);
  }
  if (last < article.sentences.length - 1) lines.push('…');
  const embed: APIEmbed = {
    color: COLORS.context,
    title: truncate(escapeInline(article.title), LIMITS.embedTitle),
    ...(article.url ? { url: article.url } : {}),
    description: lines.join('\n\n'),
    footer: { text: `Sentences ${first + 1}–${last + 1} of ${article.sentences.length} · ${sourceAndDate(article)}` },
  };
  return { embeds: [embed] };
}

export function renderMissingSentence(): MessageBody {
  return { content: 'That sentence is no longer in the sources (the corpus may have been updated). Ask again to get a fresh citation.' };
}
