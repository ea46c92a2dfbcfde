// "Find source" (message context menu): the corpus sentences that bear on what a message claims.
import type { APIEmbed } from 'discord.js';
import type { Answer } from '../../engine/types.js';
import type { MessageBody } from '../reply.js';
import { contextButton, row, shareButton } from './buttons.js';
import { escapeInline, escapeInlineWithin, escapeText } from './escape.js';
import { truncate } from './limits.js';
import { blockQuote, COLORS, sourceAndDate } from './style.js';

const CLAIM_ROOM = 300;
const QUOTE_ROOM = 800;

export function renderFindSource(claim: string, found: readonly Answer[]): MessageBody {
  const checked = `**Checking:** ${escapeInlineWithin(claim, CLAIM_ROOM)}`;
  if (found.length === 0) {
    return { content: `${checked}\nI couldn't find anything in the sources that bears on that message.` };
  }
  const embed: APIEmbed = {
    color: COLORS.citation,
    title: found.length === 1 ? 'What the sources say' : `What the sources say (${found.length} sentences)`,
    fields: found.map((a, i) => ({
      name: `${i + 1}. ${sourceAndDate(a)}`,
      value: `${blockQuote(truncate(escapeText(a.quote), QUOTE_ROOM))}\n— *${escapeInline(a.title)}*`,
    })),
    footer: { text: 'Quoted word for word · judge for yourself whether they support the message' },
  };
  const best = found[0]!;
  return {
    content: checked,
    embeds: [embed],
    components: row(shareButton(best, 'Share 1 in channel'), ...found.map((a, i) => contextButton(a, `Context ${i + 1}`))),
  };
}

export function renderNothingToCheck(): MessageBody {
  return { content: 'That message has no text I can check (only attachments or embeds?). Right-click a message with words in it.' };
}
