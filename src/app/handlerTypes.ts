// The contract between command files (commands/*.ts, commands/buttons/*.ts) and the
// transports. Handlers take plain request data and return a Reply; they never touch
// discord.js objects, sockets or HTTP, which is what lets the gateway bot, the local
// console and the HTTP interactions server share every one of them.
//
// A command file has the discord.js guide's shape — `data` (its definition) and
// `execute` — with the definition written as Discord's JSON `as const`, so that
// `ArgumentsOf<typeof data>` types its options (model: discordjs/discord-utils-bot's
// ArgumentsOf): `request.options.question` is a string when `question` is a required
// string option. The dispatcher checks every request against the same definition
// before `execute` runs (readArguments.ts), so the types hold whatever a client sent.
import type {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type {
  AutocompleteRequest,
  ButtonRequest,
  ChatCommandRequest,
  MessageCommandRequest,
  OptionValues,
} from '../discord/interactionRequest.js';
import type { CommandSummary } from '../discord/render/help.js';
import type { Choice, MessageReply, Visibility } from '../discord/reply.js';
import type { Engine } from '../engine/engine.js';
import type { CommandMentions } from './commandMentions.js';
import type { FeedbackLog } from './feedback/feedbackLog.js';
import type { Suggestions } from './suggestions.js';

/** What every handler may use: read-only, shared by all interactions. */
export interface HandlerContext {
  readonly engine: Engine;
  /** Autocomplete for /ask, /search and their `source`, built once from the corpus. */
  readonly suggestions: Suggestions;
  /** Sample questions the engine answers from this corpus. */
  readonly examples: readonly string[];
  /** Every registered command, for /help. */
  readonly catalog: readonly CommandSummary[];
  /** Where "Not it?" and what it leads to are recorded (a no-op when CITEBOT_FEEDBACK=off). */
  readonly feedback: FeedbackLog;
  /** Slash commands as clickable mentions once their ids are known. */
  readonly mentions: Pick<CommandMentions, 'mention'>;
}

// ── Definitions: Discord's application-command JSON, read-only so `as const` fits ──

interface OptionBase {
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
}

/** A slash-command option that carries a value (subcommands are not used by citebot's commands). */
export type OptionDefinition =
  | (OptionBase & {
      readonly type: ApplicationCommandOptionType.String;
      readonly choices?: readonly { readonly name: string; readonly value: string }[];
      readonly min_length?: number;
      readonly max_length?: number;
      readonly autocomplete?: boolean;
    })
  | (OptionBase & {
      readonly type: ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number;
      readonly choices?: readonly { readonly name: string; readonly value: number }[];
      readonly min_value?: number;
      readonly max_value?: number;
      readonly autocomplete?: boolean;
    })
  | (OptionBase & { readonly type: ApplicationCommandOptionType.Boolean })
  | (OptionBase & {
      readonly type:
        | ApplicationCommandOptionType.User
        | ApplicationCommandOptionType.Channel
        | ApplicationCommandOptionType.Role
        | ApplicationCommandOptionType.Mentionable
        | ApplicationCommandOptionType.Attachment;
    });

interface Scope {
  readonly integration_types?: readonly ApplicationIntegrationType[];
  readonly contexts?: readonly InteractionContextType[];
}

export interface ChatCommandDefinition extends Scope {
  readonly type?: ApplicationCommandType.ChatInput;
  readonly name: string;
  readonly description: string;
  readonly options?: readonly OptionDefinition[];
}

export interface MessageCommandDefinition extends Scope {
  readonly type: ApplicationCommandType.Message;
  readonly name: string;
}

/** The value an option arrives with: a choice's value, or the JSON type its option type carries (ids as strings). */
type ValueOf<O> = O extends { readonly choices: readonly { readonly value: infer V }[] }
  ? V
  : O extends { readonly type: ApplicationCommandOptionType.String }
    ? string
    : O extends { readonly type: ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number }
      ? number
      : O extends { readonly type: ApplicationCommandOptionType.Boolean }
        ? boolean
        : string;

type OptionsOf<D> = D extends { readonly options: readonly (infer O extends OptionDefinition)[] } ? O : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** A command's option values by name, typed from its definition: required options present, the others optional. */
export type ArgumentsOf<D extends ChatCommandDefinition> = Simplify<
  { readonly [O in Extract<OptionsOf<D>, { readonly required: true }> as O['name']]: ValueOf<O> } & {
    readonly [O in Exclude<OptionsOf<D>, { readonly required: true }> as O['name']]?: ValueOf<O>;
  }
>;

// ── Modules: what a command file exports ──

type MaybePromise<T> = T | Promise<T>;

/** A definition as above, or a discord.js builder (SlashCommandBuilder, ContextMenuCommandBuilder): anything with Discord's JSON. */
export type CommandData =
  ChatCommandDefinition | MessageCommandDefinition | { readonly name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };

interface CommandModuleBase {
  data: CommandData;
  /**
   * Acknowledge ("thinking…") before running execute. For handlers whose work could be
   * long; Discord drops an interaction not acknowledged within 3 seconds.
   */
  defer?: boolean;
}

export interface ChatCommandModule<Args extends object = OptionValues> extends CommandModuleBase {
  execute(request: ChatCommandRequest<Args>, context: HandlerContext): MaybePromise<MessageReply>;
  autocomplete?(request: AutocompleteRequest, context: HandlerContext): MaybePromise<Choice[]>;
  /** Who will see the answer, known before it exists (a deferred reply's visibility cannot change). Default private. */
  visibility?(request: ChatCommandRequest<Args>): Visibility;
}

export interface MessageCommandModule extends CommandModuleBase {
  execute(request: MessageCommandRequest, context: HandlerContext): MaybePromise<MessageReply>;
}

export type CommandModule = ChatCommandModule | MessageCommandModule;

/** Answers buttons whose custom id starts with `${action}:`. */
export interface ButtonModule {
  action: string;
  execute(request: ButtonRequest, context: HandlerContext): MaybePromise<MessageReply>;
  /** Default private. */
  visibility?: Visibility;
  /**
   * Its answer replaces the message the button is on (`updateReply`: a list's next page), so
   * slow work is acknowledged as an update, not as a new "thinking…" message.
   */
  updates?: boolean;
}
