// Every citebot command can be installed to a server and by a user (user-install), and
// used in servers, DMs with the bot and private channels / group DMs. Spread into a
// command's definition: `{ name: 'ask', …, ...USABLE_EVERYWHERE }`.
import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';

export const USABLE_EVERYWHERE = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
} as const;
