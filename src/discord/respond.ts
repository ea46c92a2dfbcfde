// The one place a Reply becomes what Discord receives (model: discordjs/discord-utils-bot's
// prepareResponse). Every message leaves here with allowed mentions set to none, inside
// Discord's limits, and ephemeral exactly when the reply is private. Both Discord
// transports send these very objects (the gateway bot through REST, `serve` as its HTTP
// response), and the console draws them, so what it shows is what Discord gets.
import {
  InteractionResponseType,
  MessageFlags,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
} from 'discord.js';
import { clampChoices, clampMessage } from './render/limits.js';
import type { MessageReply, Reply, Visibility } from './reply.js';

/** Nobody is ever pinged: not @everyone, not roles, not users, not the replied-to author. */
const NO_MENTIONS = { parse: [] as [] };

const flagsFor = (visibility: Visibility) => (visibility === 'private' ? MessageFlags.Ephemeral : 0);

export function toCallbackData(reply: MessageReply): APIInteractionResponseCallbackData {
  const flags = flagsFor(reply.visibility);
  return { ...clampMessage(reply.body), allowed_mentions: NO_MENTIONS, ...(flags ? { flags } : {}) };
}

/** Filling a deferred reply over the webhook (PATCH …/messages/@original): visibility was fixed by the deferral. */
export function toWebhookEdit(reply: MessageReply): RESTPatchAPIWebhookWithTokenMessageJSONBody {
  return { ...clampMessage(reply.body), allowed_mentions: NO_MENTIONS };
}

/** The body of an interaction callback (HTTP response or POST /interactions/:id/:token/callback). */
export function toInteractionResponse(reply: Reply): APIInteractionResponse {
  if (reply.kind === 'choices') {
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: clampChoices(reply.choices) } };
  }
  // An update keeps the message's own visibility: Discord ignores the ephemeral flag on an edit.
  if (reply.update)
    return { type: InteractionResponseType.UpdateMessage, data: { ...clampMessage(reply.body), allowed_mentions: NO_MENTIONS } };
  return { type: InteractionResponseType.ChannelMessageWithSource, data: toCallbackData(reply) };
}

/**
 * "Thinking…": the acknowledgement sent before slow work, with the visibility the answer will have;
 * for an answer that replaces the pressed button's message, "updating" (no new message: the edit comes later).
 */
export function toDeferredResponse(visibility: Visibility, update = false): APIInteractionResponse {
  if (update) return { type: InteractionResponseType.DeferredMessageUpdate };
  const flags = flagsFor(visibility);
  return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: flags ? { flags } : {} };
}
