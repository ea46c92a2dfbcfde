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

/** A slash command with its (flattened) option values. */
export interface ChatCommandRequest extends RequestBase {
  kind: 'chat-command';
  command: string;
  options: Readonly<Record<string, OptionValue>>;
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
  options: Readonly<Record<string, OptionValue>>;
}

export interface ButtonRequest extends RequestBase {
  kind: 'button';
  customId: string;
}

export type CommandRequest = ChatCommandRequest | MessageCommandRequest;
/** Requests answered with a message (everything but autocomplete). */
export type MessageRequest = CommandRequest | ButtonRequest;
export type InteractionRequest = MessageRequest | AutocompleteRequest;

export function stringOption(request: { options: Readonly<Record<string, OptionValue>> }, name: string): string | undefined {
  const value = request.options[name];
  return typeof value === 'string' ? value : undefined;
}

export function booleanOption(request: { options: Readonly<Record<string, OptionValue>> }, name: string): boolean | undefined {
  const value = request.options[name];
  return typeof value === 'boolean' ? value : undefined;
}

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
