// How an interaction is answered through Discord, written once for the gateway bot and
// `serve`: Discord's interaction JSON in (from a gateway INTERACTION_CREATE or a signed
// POST: the same object), the dispatcher's Reply out, under Discord's rules:
//  - answer within 3 seconds, or say "thinking…" first (a deferral) and fill it in later
//    through the interaction's webhook; a command that declares `defer` is deferred at once;
//  - a deferred message keeps the visibility it was deferred with, so a private answer
//    (an error, a rate limit) to a publicly deferred command replaces the placeholder with
//    a private follow-up instead of landing in public;
//  - when Discord fails the delivery, one best-effort private "something went wrong" (as
//    the response if none went yet, else as a follow-up), unless the interaction's token
//    is spent or dead.
// The only thing a transport supplies is `respond`: how the interaction response (the
// "callback") reaches Discord. `serve` writes it as the HTTP response; the gateway bot
// POSTs it to the interaction's callback route.
import {
  DiscordAPIError,
  InteractionResponseType,
  InteractionType,
  RESTJSONErrorCodes,
  type APIInteraction,
  type APIInteractionResponse,
  type REST,
} from 'discord.js';
import type { CommandMentions } from '../app/commandMentions.js';
import type { Dispatcher } from '../app/dispatcher.js';
import type { InteractionRequest } from '../discord/interactionRequest.js';
import { renderSomethingWentWrong } from '../discord/render/notices.js';
import { privateReply } from '../discord/reply.js';
import { requestFromApi } from '../discord/requestFromApi.js';
import { toDeferredResponse, toInteractionResponse } from '../discord/respond.js';
import { errorFields, type Logger } from '../process/logger.js';
import { answerInTime } from './deferral.js';
import { interactionWebhook } from './interactionWebhook.js';

/** Sends the interaction response. Called at most once per interaction, except for a last apology after a failed one. */
export type Respond = (response: APIInteractionResponse) => Promise<void> | void;

/** `unsupported`: not an interaction citebot answers (a modal, a select menu, a user command); nothing was sent. */
export type AnswerOutcome = 'answered' | 'unsupported';

export interface InteractionAnswerer {
  /** Resolves once everything owed to Discord for this interaction has been sent (or given up on). Never rejects. */
  answer(payload: APIInteraction, respond: Respond): Promise<AnswerOutcome>;
}

export interface AnswererOptions {
  dispatcher: Dispatcher;
  /** For the interaction's webhook (the gateway bot's client.rest, or a token-less REST in `serve`). */
  rest: REST;
  log: Logger;
  /** Say "thinking…" when an answer takes longer than this. */
  deferAfterMs?: number;
  /** Told each command's id as interactions name it, for /help's mentions. */
  mentions?: Pick<CommandMentions, 'learn'>;
}

/** Leaves room for delivery before (gateway or HTTP) and the deferral request after, inside Discord's 3 s. */
export const DEFAULT_DEFER_AFTER_MS = 1_500;

/** Errors after which nothing more can be sent for the interaction: its token is dead or spent. */
const TOKEN_GONE: readonly number[] = [
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.UnknownWebhook,
  RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
];

const tokenGone = (error: unknown) => error instanceof DiscordAPIError && typeof error.code === 'number' && TOKEN_GONE.includes(error.code);

/** Discord's JSON is Discord's shape; anything that cannot be read as a request is unsupported, not a crash. */
function readRequest(payload: APIInteraction): InteractionRequest | undefined {
  try {
    return requestFromApi(payload);
  } catch {
    return undefined;
  }
}

export function createInteractionAnswerer({
  dispatcher,
  rest,
  log,
  deferAfterMs = DEFAULT_DEFER_AFTER_MS,
  mentions,
}: AnswererOptions): InteractionAnswerer {
  return {
    async answer(payload, respond) {
      // Discord checks an interactions endpoint with PINGs (the gateway never sends one).
      if (payload.type === InteractionType.Ping) {
        await respond({ type: InteractionResponseType.Pong });
        return 'answered';
      }
      const request = readRequest(payload);
      if (!request) return 'unsupported';
      // Each command interaction names its command's id: how `serve`, which holds no token, learns them.
      if (payload.type === InteractionType.ApplicationCommand || payload.type === InteractionType.ApplicationCommandAutocomplete)
        mentions?.learn([payload.data]);
      const webhook = interactionWebhook(rest, payload);
      let responded = false;
      const send = async (response: APIInteractionResponse) => {
        await respond(response);
        responded = true;
      };

      try {
        if (request.kind === 'autocomplete') {
          await send(toInteractionResponse({ kind: 'choices', choices: await dispatcher.complete(request) }));
          return 'answered';
        }
        const plan = dispatcher.plan(request);
        const { value: reply, deferred } = await answerInTime(() => dispatcher.answer(request), {
          deferFirst: plan.deferFirst,
          deferAfterMs,
          defer: () => send(toDeferredResponse(plan.visibility, plan.update)),
        });
        if (!deferred) {
          await send(toInteractionResponse(reply));
        } else if (plan.update) {
          // Acknowledged as an update: @original is the message the button is on. A notice instead
          // of a page (the list can no longer be paged, the rate limit) comes as a private follow-up.
          if (reply.update) await webhook.editOriginal(reply);
          else await webhook.followUp(reply);
        } else if (reply.visibility === 'private' && plan.visibility === 'public') {
          await webhook.deleteOriginal();
          await webhook.followUp(reply);
        } else {
          await webhook.editOriginal(reply);
        }
      } catch (error) {
        log.error('reply failed', { interaction: payload.id, error: errorFields(error) });
        // An autocomplete has nowhere to show an apology; a dead token cannot carry one.
        if (request.kind === 'autocomplete' || tokenGone(error)) return 'answered';
        const sorry = privateReply(renderSomethingWentWrong());
        try {
          if (responded) await webhook.followUp(sorry);
          else await respond(toInteractionResponse(sorry));
        } catch (apologyError) {
          log.warn('could not tell the user', { interaction: payload.id, error: errorFields(apologyError) });
        }
      }
      return 'answered';
    },
  };
}
