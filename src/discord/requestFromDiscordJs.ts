// Gateway mode's input half: a discord.js interaction → the plain request handlers take.
import {
  ApplicationCommandOptionType,
  InteractionContextType,
  type CommandInteractionOption,
  type Interaction,
  type User,
} from 'discord.js';
import type { Invoker, InteractionRequest, OptionValue, Place } from './interactionRequest.js';

const PLACES: Record<InteractionContextType, Place> = {
  [InteractionContextType.Guild]: 'guild',
  [InteractionContextType.BotDM]: 'bot-dm',
  [InteractionContextType.PrivateChannel]: 'private-channel',
};

export const invokerOf = (user: User): Invoker => ({ id: user.id, username: user.username, globalName: user.globalName ?? null });

/** Option values by name, subcommands flattened (none of ours nest, but a future one may). */
function flatten(options: readonly CommandInteractionOption[], into: Record<string, OptionValue> = {}): Record<string, OptionValue> {
  for (const option of options) {
    if (option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup) {
      flatten(option.options ?? [], into);
    } else if (option.value !== undefined && !option.focused) {
      into[option.name] = option.value;
    }
  }
  return into;
}

/** The request for an interaction the bot handles, or undefined for kinds it does not (modals, selects, user commands). */
export function requestFromDiscordJs(interaction: Interaction): InteractionRequest | undefined {
  const base = {
    id: interaction.id,
    user: invokerOf(interaction.user),
    place: interaction.context !== null ? PLACES[interaction.context] : interaction.inGuild() ? 'guild' : 'bot-dm',
  } as const;
  if (interaction.isChatInputCommand()) {
    return { ...base, kind: 'chat-command', command: interaction.commandName, options: flatten(interaction.options.data) };
  }
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    return {
      ...base,
      kind: 'autocomplete',
      command: interaction.commandName,
      focused: { name: focused.name, value: String(focused.value) },
      options: flatten(interaction.options.data),
    };
  }
  if (interaction.isMessageContextMenuCommand()) {
    const target = interaction.targetMessage;
    return { ...base, kind: 'message-command', command: interaction.commandName, target: { id: target.id, content: target.content, authorId: target.author.id } };
  }
  if (interaction.isButton()) {
    return { ...base, kind: 'button', customId: interaction.customId };
  }
  return undefined;
}
