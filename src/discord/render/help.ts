// /help: what the bot does and how to ask.
import type { MessageBody } from '../reply.js';
import { escapeInline } from './escape.js';
import { COLORS } from './style.js';

export interface CommandSummary {
  /** "/ask" for slash commands, "Find source" for context-menu ones. */
  label: string;
  description: string;
}

/** `mention` gives a slash command's clickable `</ask:ID>` when its id is known; otherwise it is written in bold. */
export function renderHelp(
  commands: readonly CommandSummary[],
  examples: readonly string[],
  articleCount: number,
  mention: (name: string) => string | undefined = () => undefined,
): MessageBody {
  const label = (c: CommandSummary) => (c.label.startsWith('/') && mention(c.label.slice(1))) || `**${c.label}**`;
  const fields = [
    {
      name: 'How to ask',
      value:
        'Ask in plain words, the way you would ask a person: `/ask question: how many IoT enterprises in Wuxi`. ' +
        "You'll get one sentence quoted word for word from a news article, with the article, publisher and date. " +
        "If the sources don't say, I tell you so rather than guess.",
    },
    { name: 'Commands', value: commands.map((c) => `${label(c)}: ${c.description}`).join('\n') || '—' },
  ];
  if (examples.length) fields.push({ name: 'Try', value: examples.map((q) => `• ${escapeInline(q)}`).join('\n') });
  fields.push({
    name: 'Privacy',
    value:
      'Answers are visible only to you until you press **Share in channel** (or ask with `public: true`). Nobody is ever pinged. ' +
      "Not the sentence you needed? **Not it?** shows the next best; what you choose there may be noted for the sources' curators, never with your name.",
  });
  return {
    embeds: [
      {
        color: COLORS.help,
        title: 'citebot: answers with a quote and a date',
        description: `I answer factual questions from ${articleCount} news articles. No generative model: every answer is a real sentence from a source, with its date.`,
        fields,
      },
    ],
  };
}
