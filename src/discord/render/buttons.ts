// Buttons under citations. Their custom ids name a sentence (see customIds.ts); the
// button modules in commands/buttons/ answer them.
import { ButtonStyle, ComponentType } from 'discord.js';
import { sentenceButtonId, type SentenceRef } from '../customIds.js';
import type { Button, ButtonRow } from '../reply.js';

export const SHARE_ACTION = 'share';
export const CONTEXT_ACTION = 'context';

export function shareButton(ref: SentenceRef, label = 'Share in channel'): Button {
  return { type: ComponentType.Button, style: ButtonStyle.Primary, label, custom_id: sentenceButtonId(SHARE_ACTION, ref) };
}

export function contextButton(ref: SentenceRef, label = 'Show context'): Button {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: sentenceButtonId(CONTEXT_ACTION, ref) };
}

/** A link to the article itself, when the corpus knows its address. */
export function articleLinkButton(url: string | null): Button[] {
  return url ? [{ type: ComponentType.Button, style: ButtonStyle.Link, label: 'Read the article', url }] : [];
}

export function row(...buttons: Button[]): ButtonRow[] {
  return buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}
