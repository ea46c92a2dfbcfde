// Collects command and button modules, checks each one, and answers "who handles this?".
// Everything wrong is reported at once, file by file, and the bot refuses to start.
import { ApplicationCommandType, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { z } from 'zod';
import type { CommandSummary } from '../discord/render/help.js';
import { buttonActionSchema, chatInputCommandSchema, messageCommandSchema, usesAutocomplete } from './commandSchema.js';
import type { ButtonModule, ChatCommandModule, MessageCommandModule, OptionDefinition } from './handlerTypes.js';

/** A module as imported, with where it came from for error messages. */
export interface ModuleEntry {
  source: string;
  module: unknown;
}

export class CommandLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `refusing to start: ${problems.length === 1 ? 'a command is' : 'commands are'} malformed\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'CommandLoadError';
  }
}

/** A slash command's module with the options its definition declares (what the dispatcher checks requests against). */
export type RegisteredChatCommand = ChatCommandModule & { readonly definedOptions: readonly OptionDefinition[] };

export interface Registry {
  chatCommand(name: string): RegisteredChatCommand | undefined;
  messageCommand(name: string): MessageCommandModule | undefined;
  button(action: string): ButtonModule | undefined;
  /** What deploy-commands registers with Discord. */
  readonly definitions: readonly RESTPostAPIApplicationCommandsJSONBody[];
  readonly catalog: readonly CommandSummary[];
}

const isFunction = (value: unknown): value is (...args: unknown[]) => unknown => typeof value === 'function';

function zodProblems(source: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${source}: ${['data', ...issue.path.map(String)].join('.')}: ${issue.message}`);
}

export function buildRegistry(commandEntries: readonly ModuleEntry[], buttonEntries: readonly ModuleEntry[]): Registry {
  const problems: string[] = [];
  const chat = new Map<string, RegisteredChatCommand>();
  const message = new Map<string, MessageCommandModule>();
  const buttons = new Map<string, ButtonModule>();
  const definitions: RESTPostAPIApplicationCommandsJSONBody[] = [];
  const catalog: CommandSummary[] = [];

  for (const { source, module } of commandEntries) {
    const m = (module ?? {}) as Record<string, unknown>;
    const data = m.data as { name?: unknown; toJSON?: unknown } | undefined;
    if (!data || (!isFunction(data.toJSON) && typeof data.name !== 'string')) {
      problems.push(`${source}: no \`data\` export (a command definition, or a SlashCommandBuilder or ContextMenuCommandBuilder)`);
      continue;
    }
    if (!isFunction(m.execute)) problems.push(`${source}: no \`execute\` function export`);
    let json: RESTPostAPIApplicationCommandsJSONBody;
    try {
      // A builder gives its JSON; a definition is its JSON.
      json = (isFunction(data.toJSON) ? data.toJSON() : data) as RESTPostAPIApplicationCommandsJSONBody;
    } catch (error) {
      problems.push(`${source}: data.toJSON() failed: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const type = json.type ?? ApplicationCommandType.ChatInput;
    if (type === ApplicationCommandType.ChatInput) {
      const parsed = chatInputCommandSchema.safeParse(json);
      if (!parsed.success) problems.push(...zodProblems(source, parsed.error));
      const wantsAutocomplete = usesAutocomplete(json as { options?: unknown });
      if (wantsAutocomplete && !isFunction(m.autocomplete))
        problems.push(`${source}: an option has autocomplete but there is no \`autocomplete\` function export`);
      if (!wantsAutocomplete && m.autocomplete !== undefined)
        problems.push(`${source}: exports \`autocomplete\` but no option sets autocomplete`);
      if (m.visibility !== undefined && !isFunction(m.visibility))
        problems.push(`${source}: \`visibility\` must be a function of the request`);
      if (chat.has(json.name)) problems.push(`${source}: a second command named /${json.name}`);
      const definedOptions = ('options' in json ? (json.options ?? []) : []) as readonly OptionDefinition[];
      chat.set(json.name, { ...(m as unknown as ChatCommandModule), definedOptions });
      catalog.push({ label: `/${json.name}`, description: ('description' in json && json.description) || '' });
    } else if (type === ApplicationCommandType.Message) {
      const parsed = messageCommandSchema.safeParse(json);
      if (!parsed.success) problems.push(...zodProblems(source, parsed.error));
      if (message.has(json.name)) problems.push(`${source}: a second message command named "${json.name}"`);
      message.set(json.name, m as unknown as MessageCommandModule);
      catalog.push({ label: json.name, description: 'right-click a message → Apps → ' + json.name });
    } else {
      problems.push(`${source}: command type ${type} is not supported (only slash and message commands)`);
      continue;
    }
    definitions.push(json);
  }

  for (const { source, module } of buttonEntries) {
    const m = (module ?? {}) as Record<string, unknown>;
    const action = buttonActionSchema.safeParse(m.action);
    if (!action.success) problems.push(`${source}: \`action\`: ${action.error.issues[0]?.message}`);
    if (!isFunction(m.execute)) problems.push(`${source}: no \`execute\` function export`);
    if (m.visibility !== undefined && m.visibility !== 'private' && m.visibility !== 'public')
      problems.push(`${source}: \`visibility\` must be "private" or "public"`);
    if (m.updates !== undefined && typeof m.updates !== 'boolean') problems.push(`${source}: \`updates\` must be true or false`);
    if (action.success) {
      if (buttons.has(action.data)) problems.push(`${source}: a second button module for action "${action.data}"`);
      buttons.set(action.data, m as unknown as ButtonModule);
    }
  }

  if (problems.length) throw new CommandLoadError(problems);
  return {
    chatCommand: (name) => chat.get(name),
    messageCommand: (name) => message.get(name),
    button: (action) => buttons.get(action),
    definitions,
    catalog,
  };
}
