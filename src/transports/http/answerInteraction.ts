// HTTP mode's answering half: a verified interaction → the HTTP response (PONG, an
// inline reply, autocomplete choices, or "thinking…") and, when deferred, the answer
// through the interaction's webhook. Deciding what to say is the dispatcher's job, as in
// gateway mode; turning a Reply into Discord JSON is respond.ts's. This only sequences.
import { InteractionResponseType, InteractionType, type APIInteraction, type APIInteractionResponse } from 'discord.js';
import { answerInTime } from '../deferral.js';
import type { Dispatcher } from '../../app/dispatcher.js';
import { errorFields, type Logger } from '../../process/logger.js';
import type { InteractionRequest } from '../../discord/interactionRequest.js';
import { requestFromApi } from '../../discord/requestFromApi.js';
import { toDeferredResponse, toInteractionResponse } from '../../discord/respond.js';
import type { WebhookFollowUps } from './webhookFollowUps.js';

export type Respond = (response: APIInteractionResponse) => void;

export type AnswerOutcome = 'answered' | 'unsupported';

export interface InteractionAnswerer {
  /**
   * Calls `respond` exactly once for a supported interaction (before resolving), then
   * delivers a deferred answer; resolves once everything owed to Discord has been sent.
   */
  answer(payload: APIInteraction, respond: Respond): Promise<AnswerOutcome>;
}

export interface AnswererOptions {
  dispatcher: Dispatcher;
  followUps: WebhookFollowUps;
  log: Logger;
  /** Answer "thinking…" when an answer takes longer than this; well under Discord's 3 s. */
  deferAfterMs: number;
}

export function createInteractionAnswerer({ dispatcher, followUps, log, deferAfterMs }: AnswererOptions): InteractionAnswerer {
  return {
    async answer(payload, respond) {
      // Discord checks the endpoint with PINGs (and keeps checking that bad signatures get 401).
      if (payload.type === InteractionType.Ping) {
        respond({ type: InteractionResponseType.Pong });
        return 'answered';
      }
      const request = readRequest(payload);
      if (!request) return 'unsupported';
      if (request.kind === 'autocomplete') {
        respond(toInteractionResponse({ kind: 'choices', choices: await dispatcher.complete(request) }));
        return 'answered';
      }
      const plan = dispatcher.plan(request);
      const { value: reply, deferred } = await answerInTime(() => dispatcher.answer(request), {
        deferFirst: plan.deferFirst,
        deferAfterMs,
        // The HTTP response is the acknowledgement; the answer follows through the webhook.
        defer: async () => respond(toDeferredResponse(plan.visibility)),
      });
      if (!deferred) {
        respond(toInteractionResponse(reply));
        return 'answered';
      }
      try {
        await followUps.fill({ applicationId: payload.application_id, token: payload.token }, reply, plan.visibility);
      } catch (error) {
        // The user is left with "thinking…" until Discord gives up; nothing else can reach them.
        log.error('deferred reply failed', { interaction: payload.id, error: errorFields(error) });
      }
      return 'answered';
    },
  };
}

/** Signed JSON from Discord is Discord's shape; anything it cannot be read as is refused (400), not a crash (500). */
function readRequest(payload: APIInteraction): InteractionRequest | undefined {
  try {
    return requestFromApi(payload);
  } catch {
    return undefined;
  }
}
