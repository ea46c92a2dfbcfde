// The one place a Reply becomes what Discord receives (model: discordjs/discord-utils-bot's
// prepareResponse). Every message leaves here with allowed mentions set to none, inside
// Discord's limits, and ephemeral exactly when the reply is private. The gateway adapter
// uses the discord.js shapes, the HTTP mode the raw API shapes; both come from here so
// the two modes cannot drift apart.
import {
  InteractionResponseType,
  MessageFlags,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type MessageMentionOptions,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
} from 'discord.js';
import { clampChoices, clampMessage } from './render/limits.js';
import type { Choice, MessageReply, Reply, Visibility } from './reply.js';

/** Nobody is ever pinged: not @everyone, not roles, not users, not the replied-to author. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };
const NO_MENTIONS_API = { parse: [] as [] };

const flagsFor = (visibility: Visibility) => (visibility === 'private' ? MessageFlags.Ephemeral : 0);

// ── discord.js (gateway mode) ───────────────────────────────────────────────

export function toReplyOptions(reply: MessageReply): InteractionReplyOptions {
  const options: InteractionReplyOptions = { ...clampMessage(reply.body), allowedMentions: NO_MENTIONS };
  return reply.visibility === 'private' ? { ...options, flags: MessageFlags.Ephemeral } : options;
}

/** Filling a deferred reply: visibility was fixed by the deferral, so only the body and mentions. */
export function toEditOptions(reply: MessageReply): InteractionEditReplyOptions {
  return { ...clampMessage(reply.body), allowedMentions: NO_MENTIONS };
}

export function toDeferOptions(visibility: Visibility): { flags?: MessageFlags.Ephemeral } {
  return visibility === 'private' ? { flags: MessageFlags.Ephemeral } : {};
}

export const toChoices = (choices: readonly Choice[]): Choice[] => clampChoices(choices);

// ── raw API JSON (HTTP interactions mode, console) ──────────────────────────

export function toCallbackData(reply: MessageReply): APIInteractionResponseCallbackData {
  const flags = flagsFor(reply.visibility);
  return { ...clampMessage(reply.body), allowed_mentions: NO_MENTIONS_API, ...(flags ? { flags } : {}) };
}

/** Filling a deferred reply over the webhook (PATCH …/messages/@original): visibility was fixed by the deferral. */
export function toWebhookEdit(reply: MessageReply): RESTPatchAPIWebhookWithTokenMessageJSONBody {
  return { ...clampMessage(reply.body), allowed_mentions: NO_MENTIONS_API };
}

/** The body of an interaction callback (HTTP response or POST /interactions/:id/:token/callback). */
export function toInteractionResponse(reply: Reply): APIInteractionResponse {
  if (reply.kind === 'choices') {
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: clampChoices(reply.choices) } };
  }
  return { type: InteractionResponseType.ChannelMessageWithSource, data: toCallbackData(reply) };
}

/** "Thinking…": the acknowledgement sent before slow work, with the visibility the answer will have. */
export function toDeferredResponse(visibility: Visibility): APIInteractionResponse {
  const flags = flagsFor(visibility);
  return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: flags ? { flags } : {} };
}
