// Buttons under citations. Their custom ids name a sentence (see customIds.ts); the
// button modules in commands/buttons/ answer them.
import { ButtonStyle, ComponentType } from 'discord.js';
import { sentenceButtonId, type SentenceRef } from '../customIds.js';
import type { Button, ButtonRow } from '../reply.js';

export const SHARE_ACTION = 'share';
export const CONTEXT_ACTION = 'context';
/** "Not it?" under an answer: the next best sentences, privately, and a feedback record. */
export const NOT_IT_ACTION = 'not-it';
/** Share one of the sentences "Not it?" offered: posts it, and records which. */
export const SHARE_ALTERNATIVE_ACTION = 'share-alt';

export function shareButton(ref: SentenceRef, label = 'Share in channel'): Button {
  return { type: ComponentType.Button, style: ButtonStyle.Primary, label, custom_id: sentenceButtonId(SHARE_ACTION, ref) };
}

export function contextButton(ref: SentenceRef, label = 'Show context'): Button {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: sentenceButtonId(CONTEXT_ACTION, ref) };
}

export function notItButton(ref: SentenceRef): Button {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Not it?', custom_id: sentenceButtonId(NOT_IT_ACTION, ref) };
}

export function shareAlternativeButton(ref: SentenceRef, label: string): Button {
  return { type: ComponentType.Button, style: ButtonStyle.Primary, label, custom_id: sentenceButtonId(SHARE_ALTERNATIVE_ACTION, ref) };
}

/** A link to the article itself, when the corpus knows its address. */
export function articleLinkButton(url: string | null): Button[] {
  return url ? [{ type: ComponentType.Button, style: ButtonStyle.Link, label: 'Read the article', url }] : [];
}

export function row(...buttons: Button[]): ButtonRow[] {
  return buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}
