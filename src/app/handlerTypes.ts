// The contract between command files (commands/*.ts, commands/buttons/*.ts) and the
// transports. Handlers take plain request data and return a Reply; they never touch
// discord.js objects, sockets or HTTP, which is what lets the gateway bot, the local
// console and the HTTP interactions server share every one of them.
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Engine } from '../engine/engine.js';
import type {
  AutocompleteRequest,
  ButtonRequest,
  ChatCommandRequest,
  MessageCommandRequest,
} from '../discord/interactionRequest.js';
import type { CommandSummary } from '../discord/render/help.js';
import type { Choice, MessageReply, Visibility } from '../discord/reply.js';
import type { QuestionSuggestions } from './suggestions.js';

/** What every handler may use: read-only, shared by all interactions. */
export interface HandlerContext {
  readonly engine: Engine;
  /** Autocomplete material for /ask, built once from the corpus. */
  readonly suggestions: QuestionSuggestions;
  /** Sample questions the engine answers from this corpus. */
  readonly examples: readonly string[];
  /** Every registered command, for /help. */
  readonly catalog: readonly CommandSummary[];
}

type MaybePromise<T> = T | Promise<T>;

/** A discord.js builder (SlashCommandBuilder, ContextMenuCommandBuilder) or anything with the same JSON. */
export interface CommandData {
  readonly name: string;
  toJSON(): RESTPostAPIApplicationCommandsJSONBody;
}

interface CommandModuleBase {
  data: CommandData;
  /**
   * Acknowledge ("thinking…") before running execute. For handlers whose work could be
   * long; Discord drops an interaction not acknowledged within 3 seconds.
   */
  defer?: boolean;
}

export interface ChatCommandModule extends CommandModuleBase {
  execute(request: ChatCommandRequest, context: HandlerContext): MaybePromise<MessageReply>;
  autocomplete?(request: AutocompleteRequest, context: HandlerContext): MaybePromise<Choice[]>;
  /** Who will see the answer, known before it exists (a deferred reply's visibility cannot change). Default private. */
  visibility?(request: ChatCommandRequest): Visibility;
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
}
