// Discord's size limits, and the one helper that makes any outgoing payload fit them.
// Renderers may truncate pieces earlier for looks; clampMessage/clampChoices are the
// last word, so a reply never fails at Discord because something was too long.
import type { APIApplicationCommandOptionChoice, APIEmbed, APIEmbedField } from 'discord.js';
import type { MessageBody } from '../reply.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Sum of every embed's title, description, field names and values, footer and author in one message. */
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  optionDescription: 100,
  buttonLabel: 80,
  customId: 100,
  buttonsPerRow: 5,
  actionRows: 5,
} as const;

const ELLIPSIS = '…';

/**
 * Shortens `text` to at most `max` UTF-16 units (what Discord counts), ending in "…".
 * Cuts at a word boundary when one is near, never inside a surrogate pair, and never
 * leaves a dangling backslash that would escape the ellipsis or an unclosed `**`.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let cut = text.slice(0, max - ELLIPSIS.length);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.search(/\s\S*$/);
  // Prefer a whole word unless that throws away more than a fifth of the room.
  if (space > cut.length * 0.8) cut = cut.slice(0, space);
  cut = cut.replace(/[\s\\]+$/, '');
  if (countOf(cut, '**') % 2 === 1) cut = cut.replace(/\*\*(?!.*\*\*)/s, '');
  return cut + ELLIPSIS;
}

const countOf = (text: string, needle: string) => text.split(needle).length - 1;

/** Discord refuses empty field values and names; a dash reads as "nothing here". */
const nonEmpty = (text: string) => (text.trim() ? text : '—');

function clampField(field: APIEmbedField): APIEmbedField {
  return {
    ...field,
    name: truncate(nonEmpty(field.name), LIMITS.fieldName),
    value: truncate(nonEmpty(field.value), LIMITS.fieldValue),
  };
}

function clampEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.embedTitle);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.embedDescription);
  if (out.fields) out.fields = out.fields.slice(0, LIMITS.embedFields).map(clampField);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.authorName) };
  return out;
}

export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** Drops trailing fields, then shortens descriptions, until all embeds together fit 6,000 characters. */
function fitTotal(embeds: APIEmbed[]): APIEmbed[] {
  const total = () => embeds.reduce((sum, e) => sum + embedLength(e), 0);
  for (let i = embeds.length - 1; i >= 0 && total() > LIMITS.embedTotal; i--) {
    const embed = embeds[i]!;
    while (embed.fields?.length && total() > LIMITS.embedTotal) embed.fields = embed.fields.slice(0, -1);
    const over = total() - LIMITS.embedTotal;
    if (over > 0 && embed.description) embed.description = truncate(embed.description, Math.max(1, embed.description.length - over));
  }
  return embeds;
}

/** The whole message, inside every limit that applies to it. */
export function clampMessage(body: MessageBody): MessageBody {
  const out: MessageBody = {};
  if (body.content !== undefined) out.content = truncate(body.content, LIMITS.content);
  if (body.embeds) out.embeds = fitTotal(body.embeds.slice(0, LIMITS.embeds).map(clampEmbed));
  if (body.components) {
    out.components = body.components.slice(0, LIMITS.actionRows).map((row) => ({
      ...row,
      components: row.components
        .slice(0, LIMITS.buttonsPerRow)
        .map((button) => (button.label === undefined ? button : { ...button, label: truncate(button.label, LIMITS.buttonLabel) })),
    }));
  }
  // Discord refuses a message with nothing in it; say so rather than fail.
  if (!out.content && !out.embeds?.length && !out.components?.length) out.content = '(nothing to show)';
  return out;
}

/** At most 25 choices, names 1-100 characters, string values at most 100 (longer values are dropped: a cut value would mean something else). */
export function clampChoices(choices: readonly APIApplicationCommandOptionChoice<string>[]): APIApplicationCommandOptionChoice<string>[] {
  return choices
    .filter((c) => c.value.length <= LIMITS.choiceValue && c.name.trim().length > 0)
    .slice(0, LIMITS.choices)
    .map((c) => ({ ...c, name: truncate(c.name, LIMITS.choiceName) }));
}
