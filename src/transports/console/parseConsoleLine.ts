// What the person typed at the console, read the way Discord's client would send it:
// `/ask question: how many IoT firms in Wuxi public: true`, `Find source: <message text>`,
// `press 1` for a button of the latest reply, `press 2.1` for reply 2's first button.
// Plain text is a question for /ask.
import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { OptionValue } from '../../discord/interactionRequest.js';

export type ConsoleAction =
  | { kind: 'empty' }
  | { kind: 'quit' }
  | { kind: 'help' }
  /** `reply` undefined: the latest reply. */
  | { kind: 'press'; reply?: number; button: number }
  | { kind: 'chat-command'; command: string; options: Record<string, OptionValue> }
  | { kind: 'message-command'; command: string; text: string }
  | { kind: 'error'; message: string };

interface OptionDef {
  name: string;
  type: number;
  required?: boolean;
}

const optionsOf = (def: RESTPostAPIApplicationCommandsJSONBody): OptionDef[] =>
  'options' in def && Array.isArray(def.options) ? (def.options as OptionDef[]) : [];

function coerce(option: OptionDef, raw: string): OptionValue | { error: string } {
  switch (option.type) {
    case ApplicationCommandOptionType.Boolean:
      if (/^(true|yes|on)$/i.test(raw)) return true;
      if (/^(false|no|off)$/i.test(raw)) return false;
      return { error: `${option.name}: expects true or false, got "${raw}"` };
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const n = Number(raw);
      const ok = raw !== '' && Number.isFinite(n) && (option.type === ApplicationCommandOptionType.Number || Number.isInteger(n));
      return ok ? n : { error: `${option.name}: expects a number, got "${raw}"` };
    }
    default:
      return raw;
  }
}

function parseSlash(line: string, definitions: readonly RESTPostAPIApplicationCommandsJSONBody[]): ConsoleAction {
  const [, name = '', rest = ''] = /^\/(\S*)\s*(.*)$/s.exec(line) ?? [];
  const def = definitions.find(
    (d) => (d.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput && d.name === name.toLowerCase(),
  );
  if (!def)
    return {
      kind: 'error',
      message: `no command /${name}: try ${definitions
        .filter((d) => (d.type ?? 1) === 1)
        .map((d) => `/${d.name}`)
        .join(', ')}`,
    };
  const defs = optionsOf(def);
  const options: Record<string, OptionValue> = {};
  // Find each "name:" of a known option; its value runs to the next one.
  const marks = [...rest.matchAll(new RegExp(`(?:^|\\s)(${defs.map((o) => o.name).join('|') || '(?!)'}):`, 'gi'))];
  const strings = defs.filter((o) => o.type === ApplicationCommandOptionType.String);
  if (marks.length === 0 && rest.trim()) {
    // "/ask how many IoT firms": the words belong to the command's one required text option.
    const only = strings.find((o) => o.required) ?? strings[0];
    if (!only) return { kind: 'error', message: `/${def.name} takes no text` };
    options[only.name] = rest.trim();
  }
  for (const [i, mark] of marks.entries()) {
    const option = defs.find((o) => o.name.toLowerCase() === mark[1]!.toLowerCase())!;
    const start = mark.index + mark[0].length;
    const raw = rest.slice(start, marks[i + 1]?.index ?? rest.length).trim();
    const value = coerce(option, raw);
    if (typeof value === 'object') return { kind: 'error', message: value.error };
    options[option.name] = value;
  }
  const missing = defs.filter((o) => o.required && (options[o.name] === undefined || options[o.name] === ''));
  if (missing.length) return { kind: 'error', message: `/${def.name} needs ${missing.map((o) => `${o.name}: …`).join(' ')}` };
  return { kind: 'chat-command', command: def.name, options };
}

export function parseConsoleLine(input: string, definitions: readonly RESTPostAPIApplicationCommandsJSONBody[]): ConsoleAction {
  const line = input.trim();
  if (!line) return { kind: 'empty' };
  if (/^(quit|exit|\.exit|:q)$/i.test(line)) return { kind: 'quit' };
  if (/^(\?|help|\.help)$/i.test(line)) return { kind: 'help' };
  const press = /^(?:press|click)?\s*\[?(?:(\d{1,4})\.)?(\d{1,2})\]?$/i.exec(line);
  if (press) return { kind: 'press', ...(press[1] === undefined ? {} : { reply: Number(press[1]) }), button: Number(press[2]) };
  if (line.startsWith('/')) return parseSlash(line, definitions);
  for (const def of definitions) {
    if (def.type !== ApplicationCommandType.Message) continue;
    const prefix = `${def.name}:`;
    if (line.toLowerCase().startsWith(prefix.toLowerCase()))
      return { kind: 'message-command', command: def.name, text: line.slice(prefix.length).trim() };
  }
  return { kind: 'chat-command', command: 'ask', options: { question: line } };
}
