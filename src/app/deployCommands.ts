// `citebot deploy-commands`: registers the command definitions with Discord through
// discord.js REST (bulk overwrite), to one guild for development or globally.
import { REST, Routes, type APIApplicationCommand, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { DiscordConfig } from '../config/loadConfig.js';
import type { Registry } from './registry.js';

export interface DeployResult {
  scope: 'global' | { guildId: string };
  commands: APIApplicationCommand[];
}

/** Install contexts only mean something for global commands; a guild command lives in its guild. */
function forGuild(definition: RESTPostAPIApplicationCommandsJSONBody): RESTPostAPIApplicationCommandsJSONBody {
  const { integration_types: _types, contexts: _contexts, ...rest } = definition;
  return rest;
}

export async function deployCommands(config: DiscordConfig, registry: Registry, guildId?: string): Promise<DeployResult> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = guildId ? Routes.applicationGuildCommands(config.applicationId, guildId) : Routes.applicationCommands(config.applicationId);
  const body = guildId ? registry.definitions.map(forGuild) : registry.definitions;
  const commands = (await rest.put(route, { body })) as APIApplicationCommand[];
  return { scope: guildId ? { guildId } : 'global', commands };
}
