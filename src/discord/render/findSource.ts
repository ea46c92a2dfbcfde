// "Find source" (message context menu): the engine's verdict on what a message claims, in
// words first, then the sentences behind it, each quoted word for word and each shareable.
import type { APIEmbed } from 'discord.js';
import type { ClaimCheck, Stance, Verdict } from '../../engine/checkClaim.js';
import type { MessageBody } from '../reply.js';
import { quoteMarkdown } from './answerQuote.js';
import { contextButton, row, shareButton } from './buttons.js';
import { escapeInline, escapeInlineWithin, escapeText } from './escape.js';
import { LIMITS, truncate } from './limits.js';
import { blockQuote, sourceAndDate } from './style.js';

const CLAIM_ROOM = 300;
const QUOTE_ROOM = 800;

/** The verdict as the reader sees it first: its name, and what it means for this message. */
const VERDICTS: Record<Verdict, { name: string; meaning: string; color: number }> = {
  supported: { name: 'Supported', meaning: 'a source states it.', color: 0x2e8b57 },
  'newer-figure': {
    name: 'Newer figure',
    meaning: 'it matches an older source, but a later source gives a different value (newest first).',
    color: 0xd4a017,
  },
  contradicted: { name: 'Contradicted', meaning: 'the sources give a different value, and none states this one.', color: 0xc0392b },
  'not-in-sources': { name: 'Not in the sources', meaning: 'no source states it; the nearest sentences are below.', color: 0x6c757d },
};

/** What each sentence is to the verdict, in the field's heading. */
const STANCES: Record<Stance, string> = {
  states: 'States it',
  newer: 'Newer figure',
  differs: 'Gives another value',
  older: 'Older figure',
  related: 'Related',
};

export function renderFindSource(claim: string, check: ClaimCheck): MessageBody {
  const checked = `**Checking:** ${escapeInlineWithin(claim, CLAIM_ROOM)}`;
  const verdict = VERDICTS[check.verdict];
  if (check.evidence.length === 0) {
    const why = check.message ? escapeText(check.message) : "I couldn't find anything in the sources that bears on that message.";
    return { content: `${checked}\n**${verdict.name}:** ${why}` };
  }
  const embed: APIEmbed = {
    color: verdict.color,
    title: check.evidence.length === 1 ? 'What the sources say' : `What the sources say (${check.evidence.length} sentences)`,
    fields: check.evidence.map((e, i) => ({
      name: `${i + 1}. ${STANCES[e.stance]} · ${sourceAndDate(e)}`,
      value: `${blockQuote(truncate(quoteMarkdown(e), QUOTE_ROOM))}\n— *${escapeInline(e.title)}*`,
    })),
    footer: { text: 'Quoted word for word · the verdict compares the figures and dates in bold with the message' },
  };
  // Every sentence can be shared, and its context shown: a row of each, as many as Discord allows in a row.
  const shown = check.evidence.slice(0, LIMITS.buttonsPerRow);
  return {
    content: `${checked}\n**${verdict.name}:** ${verdict.meaning}`,
    embeds: [embed],
    components: [
      ...row(...shown.map((e, i) => shareButton(e, `Share ${i + 1} in channel`))),
      ...row(...shown.map((e, i) => contextButton(e, `Context ${i + 1}`))),
    ],
  };
}

export function renderNothingToCheck(): MessageBody {
  return { content: 'That message has no text I can check (only attachments or embeds?). Right-click a message with words in it.' };
}
