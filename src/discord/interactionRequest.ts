// An interaction as handlers see it: plain data, no discord.js objects. The gateway bot
// and `serve` read them from Discord's interaction JSON (requestFromApi.ts), the console
// from a typed line.

export type OptionValue = string | number | boolean;
/** Where the interaction happened (Discord's interaction context types 0, 1, 2). */
export type Place = 'guild' | 'bot-dm' | 'private-channel';

export interface Invoker {
  id: string;
  username: string;
  /** The name people see, when it differs from the username. */
  globalName: string | null;
}

interface RequestBase {
  /** Interaction id (for logs). */
  id: string;
  user: Invoker;
  place: Place;
}

/** Option values by name, as they arrived. */
export type OptionValues = Readonly<Record<string, OptionValue>>;

/**
 * A slash command with its (flattened) option values. A command's `execute` gets them
 * typed from its definition (`ChatCommandRequest<ArgumentsOf<typeof data>>`), checked
 * against it by the dispatcher first.
 */
export interface ChatCommandRequest<Args extends object = OptionValues> extends RequestBase {
  kind: 'chat-command';
  command: string;
  options: Args;
}

/** A message context-menu command: the right-clicked message. */
export interface MessageCommandRequest extends RequestBase {
  kind: 'message-command';
  command: string;
  target: { id: string; content: string; authorId: string };
}

export interface AutocompleteRequest extends RequestBase {
  kind: 'autocomplete';
  command: string;
  focused: { name: string; value: string };
  /** What the other options hold so far (unchecked: the person is still typing). */
  options: OptionValues;
}

export interface ButtonRequest extends RequestBase {
  kind: 'button';
  customId: string;
  /**
   * The message the button is on, as Discord sends it with every press: state too long for the
   * custom id (a search query, the question asked) is read back from its text.
   */
  message?: { content: string };
}

export type CommandRequest = ChatCommandRequest | MessageCommandRequest;
/** Requests answered with a message (everything but autocomplete). */
export type MessageRequest = CommandRequest | ButtonRequest;
export type InteractionRequest = MessageRequest | AutocompleteRequest;

/** The words that name a command in logs: "/ask", "Find source", "button share". */
export function describeRequest(request: InteractionRequest): string {
  switch (request.kind) {
    case 'chat-command':
      return `/${request.command}`;
    case 'autocomplete':
      return `/${request.command} (autocomplete ${request.focused.name})`;
    case 'message-command':
      return request.command;
    case 'button':
      return `button ${request.customId.split(':')[0]}`;
  }
}
