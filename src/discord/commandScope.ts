// Every citebot command can be installed to a server and by a user (user-install), and
// used in servers, DMs with the bot and private channels / group DMs.
import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';

export const INTEGRATION_TYPES = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall] as const;
export const CONTEXTS = [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel] as const;

interface Scopable<T> {
  setIntegrationTypes(...types: ApplicationIntegrationType[]): T;
  setContexts(...contexts: InteractionContextType[]): T;
}

export function usableEverywhere<T extends Scopable<T>>(builder: T): T {
  return builder.setIntegrationTypes(...INTEGRATION_TYPES).setContexts(...CONTEXTS);
}
