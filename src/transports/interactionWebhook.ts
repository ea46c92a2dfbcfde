// What follows an interaction's response goes through the interaction's webhook
// (Discord's REST, under DISCORD_API_URL), authorised by the interaction's own token:
// filling a "thinking…" message, removing it, or adding a follow-up. The gateway bot and
// `serve` use it alike; @discordjs/rest handles Discord's rate limits and retries.
import { Routes, type REST } from 'discord.js';
import type { MessageReply } from '../discord/reply.js';
import { toCallbackData, toWebhookEdit } from '../discord/respond.js';

export interface InteractionWebhook {
  /** Replaces the "thinking…" message with the answer (its visibility stays the one it was deferred with). */
  editOriginal(reply: MessageReply): Promise<void>;
  deleteOriginal(): Promise<void>;
  /** A new message under the interaction, private or public as the reply says. */
  followUp(reply: MessageReply): Promise<void>;
}

const WAIT = new URLSearchParams({ wait: 'true' });

export function interactionWebhook(rest: REST, interaction: { application_id: string; token: string }): InteractionWebhook {
  const { application_id: applicationId, token } = interaction;
  const original = Routes.webhookMessage(applicationId, token, '@original');
  return {
    async editOriginal(reply) {
      await rest.patch(original, { body: toWebhookEdit(reply), auth: false });
    },
    async deleteOriginal() {
      await rest.delete(original, { auth: false });
    },
    async followUp(reply) {
      // wait=true: Discord confirms the message was saved (or says why not) instead of a bare 204.
      await rest.post(Routes.webhook(applicationId, token), { body: toCallbackData(reply), auth: false, query: WAIT });
    },
  };
}
