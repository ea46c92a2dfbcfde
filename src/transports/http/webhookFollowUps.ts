// A deferred interaction is finished through its webhook (Discord's REST under
// DISCORD_API_URL), authorised by the interaction's own token: HTTP mode needs no bot
// token at all. @discordjs/rest handles Discord's rate limits and retries.
import { REST, Routes } from 'discord.js';
import { toCallbackData, toWebhookEdit } from '../../discord/respond.js';
import type { MessageReply, Visibility } from '../../discord/reply.js';

export interface WebhookFollowUps {
  /** Replaces the "thinking…" message with the answer. */
  fill(target: { applicationId: string; token: string }, reply: MessageReply, deferredAs: Visibility): Promise<void>;
}

export function createWebhookFollowUps(apiUrl: string | undefined): WebhookFollowUps {
  const rest = new REST({ version: '10', ...(apiUrl ? { api: apiUrl } : {}) });
  return {
    async fill({ applicationId, token }, reply, deferredAs) {
      const original = Routes.webhookMessage(applicationId, token, '@original');
      if (reply.visibility === 'private' && deferredAs === 'public') {
        // A deferred reply keeps the visibility it was deferred with; a private answer
        // (an error, a rate limit) must not land in public, so it goes as a private
        // follow-up instead — exactly as the gateway adapter does.
        await rest.delete(original, { auth: false });
        await rest.post(Routes.webhook(applicationId, token), { body: toCallbackData(reply), auth: false });
        return;
      }
      await rest.patch(original, { body: toWebhookEdit(reply), auth: false });
    },
  };
}
