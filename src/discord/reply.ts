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
  /**
   * Replace the message the pressed button is on (a list's next page) instead of sending a new
   * one; its visibility stays what that message had. Only for button replies.
   */
  update?: true;
}

export type Choice = APIApplicationCommandOptionChoice<string>;

export interface ChoicesReply {
  kind: 'choices';
  choices: Choice[];
}

export type Reply = MessageReply | ChoicesReply;

export const privateReply = (body: MessageBody): MessageReply => ({ kind: 'message', visibility: 'private', body });
export const publicReply = (body: MessageBody): MessageReply => ({ kind: 'message', visibility: 'public', body });
/** The next page of a list, in place of the message whose button was pressed (citebot's lists are all private). */
export const updateReply = (body: MessageBody): MessageReply => ({ kind: 'message', visibility: 'private', body, update: true });
export const choicesReply = (choices: Choice[]): ChoicesReply => ({ kind: 'choices', choices });
