// Public surface of the fake Discord test fixture.
export { FakeDiscord, type FakeDiscordOptions, type InteractionReply } from './server.js';
export { FakeGateway, type GatewayFrame } from './gateway.js';
export { rateLimitReply, type FaultHandle, type FaultRule, type RateLimitOptions } from './faults.js';
export type { InteractionMessages } from './interactions.js';
export type { IncomingRequest, RecordedFile, RecordedRequest, RequestPredicate } from './types.js';
export { snowflake } from './ids.js';
export {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  commandOptions,
  guildCreatePayload,
  messageContextMenuInteraction,
  messagePayload,
  userPayload,
  type AutocompleteSpec,
  type ButtonSpec,
  type ChatInputSpec,
  type GuildSpec,
  type InteractionScope,
  type MessageCommandSpec,
  type OptionsSpec,
} from './payloads.js';
