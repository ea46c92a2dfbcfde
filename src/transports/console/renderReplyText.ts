// A Reply drawn in the terminal the way Discord would show it: who sees it, the
// message text, each embed as a bar-edged card (title, quote, fields, footer), and the
// buttons numbered so the console can "press" them. It reads the very payload the
// gateway would send (after respond.ts), so what you see here is what Discord gets.
import type { APIEmbed } from 'discord.js';
import type { Button, MessageReply } from '../../discord/reply.js';
import { toCallbackData } from '../../discord/respond.js';
import { wrap } from '../../terminal/wrap.js';

export interface TerminalStyle {
  width: number;
  color: boolean;
  /** How `<@id>` mentions read: the console user's name for their id. */
  mentionName(id: string): string;
}

const ansi = (on: boolean, code: string) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** Discord Markdown as plain (optionally bold/italic) terminal text. */
export function markdownToTerminal(text: string, style: TerminalStyle): string {
  const bold = ansi(style.color, '1');
  const italic = ansi(style.color, '3');
  return text
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 <$2>')
    .replace(/<@!?(\d+)>/g, (_m, id: string) => `@${style.mentionName(id)}`)
    .replace(/(?<!\\)\*\*(.+?)(?<!\\)\*\*/g, (_m, inner: string) => bold(inner))
    .replace(/(?<![\\*])\*(?!\*)(.+?)(?<![\\*])\*(?!\*)/g, (_m, inner: string) => italic(inner))
    .replace(/\\([\\*_~`|>#\-[\]()<@.])/g, '$1')
    .replace(/\u200B/g, '');
}

function wrapBlock(text: string, width: number, prefix: string): string[] {
  return text.split('\n').flatMap((line) => {
    const quote = /^> ?(.*)$/.exec(line);
    const inner = quote ? quote[1]! : line;
    const lead = quote ? `${prefix}│ ` : prefix;
    return inner.trim() ? wrap(inner, width, lead).split('\n') : [prefix.trimEnd()];
  });
}

function renderEmbed(embed: APIEmbed, style: TerminalStyle): string[] {
  const bar = '┃ ';
  const md = (t: string) => markdownToTerminal(t, style);
  const out: string[] = [];
  if (embed.title)
    out.push(...wrapBlock(ansi(style.color, '1;4')(md(embed.title)) + (embed.url ? ` <${embed.url}>` : ''), style.width, bar));
  if (embed.description) out.push(...wrapBlock(md(embed.description), style.width, bar));
  for (const field of embed.fields ?? []) {
    out.push(
      bar.trimEnd(),
      ...wrapBlock(ansi(style.color, '1')(md(field.name)), style.width, bar),
      ...wrapBlock(md(field.value), style.width, bar),
    );
  }
  if (embed.footer) out.push(bar.trimEnd(), ...wrapBlock(ansi(style.color, '2')(md(embed.footer.text)), style.width, bar));
  return out;
}

export function buttonsOf(reply: MessageReply): Button[] {
  return (reply.body.components ?? []).flatMap((row) => row.components);
}

/** `label`: which reply this is ("reply 2"), for pressing its buttons later (`press 2.1`). */
export function renderReplyText(reply: MessageReply, style: TerminalStyle, label?: string): string {
  const data = toCallbackData(reply);
  const who = `${label ? `${label} · ` : ''}${reply.visibility === 'private' ? 'only you can see this' : 'posted in the channel for everyone'}`;
  const out = [ansi(style.color, '2')(`── citebot · ${who} ${'─'.repeat(Math.max(3, style.width - who.length - 14))}`)];
  if (data.content) out.push(...wrapBlock(markdownToTerminal(data.content, style), style.width, ''));
  for (const embed of data.embeds ?? []) out.push('', ...renderEmbed(embed, style));
  const buttons = buttonsOf(reply);
  if (buttons.length) {
    const labels = buttons.map((b, i) => ('url' in b ? `[${b.label ?? 'link'} ↗ ${b.url}]` : `[${i + 1}] ${b.label ?? b.custom_id}`));
    const number = /^reply (\d+)/.exec(label ?? '')?.[1];
    const later = number ? `; "press ${number}.N" after other replies` : '';
    out.push('', labels.join('   '), ansi(style.color, '2')(`(type "press N" to press a button${later})`));
  }
  return out.join('\n');
}
