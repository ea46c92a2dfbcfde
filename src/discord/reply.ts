// What a handler answers, independent of how it travels. Handlers build these; the
// gateway bot, `serve` and the console each deliver them, so none of the handlers knows
// or cares which transport is in use.
import type {
  APIActionRowComponent,
  APIApplicationCommandOptionChoice,
  APIButtonComponentWithCustomId,
  APIButtonComponentWithURL,
  APIEmbed,
} from 'discord.js';

export type Button = APIButtonComponentWithCustomId | APIButtonComponentWithURL;
export type ButtonRow = APIActionRowComponent<Button>;

/** The visible parts of a message, in Discord's own JSON shapes. */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: ButtonRow[];
}

/** Private = ephemeral: only the person who asked sees it. */
export type Visibility = 'private' | 'public';

export interface MessageReply {
  kind: 'message';
  visibility: Visibility;
  body: MessageBody;
}

export type Choice = APIApplicationCommandOptionChoice<string>;

export interface ChoicesReply {
  kind: 'choices';
  choices: Choice[];
}

export type Reply = MessageReply | ChoicesReply;

export const privateReply = (body: MessageBody): MessageReply => ({ kind: 'message', visibility: 'private', body });
export const publicReply = (body: MessageBody): MessageReply => ({ kind: 'message', visibility: 'public', body });
export const choicesReply = (choices: Choice[]): ChoicesReply => ({ kind: 'choices', choices });
