// A slash command's option values checked against its definition before its handler runs,
// so the handler's typed arguments (ArgumentsOf) are true whatever arrived: a stale client,
// a hand-made HTTP request or a console line. Required options are present, each value has
// its option's type (and is one of its choices, when it has some); options the definition
// does not name are dropped. Lengths and ranges are Discord's to enforce: the handlers and
// the engine cope with any text.
import { ApplicationCommandOptionType } from 'discord.js';
import type { OptionValue, OptionValues } from '../discord/interactionRequest.js';
import type { OptionDefinition } from './handlerTypes.js';

export type ReadArguments = { ok: true; args: OptionValues } | { ok: false; problem: string };

function typeProblem(option: OptionDefinition, value: OptionValue): string | undefined {
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      return typeof value === 'string' ? undefined : 'a string';
    case ApplicationCommandOptionType.Integer:
      return Number.isSafeInteger(value) ? undefined : 'a whole number';
    case ApplicationCommandOptionType.Number:
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number';
    case ApplicationCommandOptionType.Boolean:
      return typeof value === 'boolean' ? undefined : 'true or false';
    default:
      // Users, channels, roles, mentionables and attachments arrive as their ids.
      return typeof value === 'string' && /^\d{1,20}$/.test(value) ? undefined : 'an id';
  }
}

export function readArguments(options: readonly OptionDefinition[], values: OptionValues): ReadArguments {
  const args: Record<string, OptionValue> = {};
  for (const option of options) {
    const value = Object.hasOwn(values, option.name) ? values[option.name] : undefined;
    if (value === undefined) {
      if (option.required) return { ok: false, problem: `"${option.name}" is missing` };
      continue;
    }
    const expected = typeProblem(option, value);
    if (expected) return { ok: false, problem: `"${option.name}" should be ${expected}` };
    const choices = 'choices' in option ? (option.choices as readonly { value: OptionValue }[] | undefined) : undefined;
    if (choices && !choices.some((choice) => choice.value === value))
      return { ok: false, problem: `"${option.name}" is not one of its choices` };
    args[option.name] = value;
  }
  return { ok: true, args };
}
