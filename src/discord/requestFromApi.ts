// Discord's interaction JSON → the plain request handlers take. The one reader for both
// Discord transports: the gateway bot gets this JSON in INTERACTION_CREATE, `serve` in a
// signed POST. Subcommands are flattened (none of citebot's nest, but a future one may).
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIUser,
} from 'discord.js';
import type { Invoker, InteractionRequest, OptionValue, Place } from './interactionRequest.js';

const PLACES: Record<InteractionContextType, Place> = {
  [InteractionContextType.Guild]: 'guild',
  [InteractionContextType.BotDM]: 'bot-dm',
  [InteractionContextType.PrivateChannel]: 'private-channel',
};

const invokerOf = (user: APIUser): Invoker => ({ id: user.id, username: user.username, globalName: user.global_name ?? null });

function flatten(
  options: readonly APIApplicationCommandInteractionDataOption[] = [],
  into: Record<string, OptionValue> = {},
): Record<string, OptionValue> {
  for (const option of options) {
    if (option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup) {
      flatten(option.options ?? [], into);
    } else if ('value' in option && !('focused' in option && option.focused)) {
      into[option.name] = option.value;
    }
  }
  return into;
}

function focusedOf(options: readonly APIApplicationCommandInteractionDataOption[] = []): { name: string; value: string } | undefined {
  for (const option of options) {
    if ('options' in option && option.options) {
      const inner = focusedOf(option.options as APIApplicationCommandInteractionDataOption[]);
      if (inner) return inner;
    }
    if ('focused' in option && option.focused) return { name: option.name, value: String(option.value) };
  }
  return undefined;
}

export function requestFromApi(payload: APIInteraction): InteractionRequest | undefined {
  const user = payload.member?.user ?? payload.user;
  if (!user) return undefined;
  const base = {
    id: payload.id,
    user: invokerOf(user),
    place: payload.context !== undefined ? PLACES[payload.context] : payload.guild_id ? 'guild' : 'bot-dm',
  } as const;
  switch (payload.type) {
    case InteractionType.ApplicationCommand: {
      const data = payload.data;
      if (data.type === ApplicationCommandType.ChatInput) {
        return { ...base, kind: 'chat-command', command: data.name, options: flatten(data.options) };
      }
      if (data.type === ApplicationCommandType.Message) {
        const target = data.resolved.messages[data.target_id];
        if (!target) return undefined;
        return {
          ...base,
          kind: 'message-command',
          command: data.name,
          target: { id: target.id, content: target.content, authorId: target.author.id },
        };
      }
      return undefined;
    }
    case InteractionType.ApplicationCommandAutocomplete: {
      const focused = focusedOf(payload.data.options);
      if (!focused) return undefined;
      return { ...base, kind: 'autocomplete', command: payload.data.name, focused, options: flatten(payload.data.options) };
    }
    case InteractionType.MessageComponent:
      return payload.data.component_type === ComponentType.Button
        ? {
            ...base,
            kind: 'button',
            customId: payload.data.custom_id,
            ...(typeof payload.message?.content === 'string' ? { message: { content: payload.message.content } } : {}),
          }
        : undefined;
    default:
      return undefined;
  }
}
