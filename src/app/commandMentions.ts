// Slash commands as clickable mentions (`</ask:123…>`) in /help, once their ids are known. Discord
// gives a command its id when it is registered, so the bot learns them from Discord: `bot` lists
// the application's commands when it connects (it has the token), and both `bot` and `serve`
// learn the id of every command someone uses, since each interaction names its command's id and
// name. Until an id is known, and at the console, /help writes the command as text (**/ask**).
import { ApplicationCommandType, REST, Routes, type APIApplicationCommand } from 'discord.js';
import type { DiscordConfig } from '../config/loadConfig.js';

export interface CommandMentions {
  /** `</ask:ID>` when /ask's id is known. */
  mention(name: string): string | undefined;
  /** Chat commands' ids, from a command listing or an interaction. A name already known keeps its id. */
  learn(commands: readonly { id: string; name: string; type?: number }[]): void;
}

export function createCommandMentions(): CommandMentions {
  const ids = new Map<string, string>();
  return {
    mention: (name) => {
      const id = ids.get(name);
      return id ? `</${name}:${id}>` : undefined;
    },
    learn(commands) {
      for (const { id, name, type } of commands) {
        if ((type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput && /^\d{1,20}$/.test(id) && !ids.has(name))
          ids.set(name, id);
      }
    },
  };
}

/** The application's registered commands: global ones, then those of DISCORD_GUILD_ID (where development registers them). */
export async function fetchCommands(config: DiscordConfig, rest?: REST): Promise<APIApplicationCommand[]> {
  const client = rest ?? new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const global = (await client.get(Routes.applicationCommands(config.applicationId))) as APIApplicationCommand[];
  const guild = config.guildId
    ? ((await client.get(Routes.applicationGuildCommands(config.applicationId, config.guildId))) as APIApplicationCommand[])
    : [];
  return [...global, ...guild];
}
