// Gateway mode's output half: sends a dispatcher's Reply through the discord.js
// interaction — reply, autocomplete respond, or defer-then-edit — and, when Discord fails
// that delivery, one private apology. All other deciding (what to say, who may, what
// went wrong in a handler) happened in the dispatcher.
import { setTimeout as sleep } from 'node:timers/promises';
import { DiscordAPIError, RESTJSONErrorCodes, type Interaction, type RepliableInteraction } from 'discord.js';
import { renderSomethingWentWrong } from '../../discord/render/notices.js';
import { privateReply } from '../../discord/reply.js';
import { requestFromDiscordJs } from '../../discord/requestFromDiscordJs.js';
import { toChoices, toDeferOptions, toEditOptions, toReplyOptions } from '../../discord/respond.js';
import { answerInTime } from '../deferral.js';
import type { Dispatcher } from '../../app/dispatcher.js';
import { errorFields, type Logger } from '../../process/logger.js';

export interface InteractionAdapterOptions {
  dispatcher: Dispatcher;
  log: Logger;
  /** Acknowledge ("thinking…") when an answer takes longer than this; well under Discord's 3 s. */
  deferAfterMs: number;
}

export interface InteractionAdapter {
  /** The Events.InteractionCreate listener. Never throws: failures are logged. */
  onInteraction(interaction: Interaction): void;
  /** Stop taking interactions and wait (up to `timeoutMs`) for those in flight. */
  close(timeoutMs: number): Promise<void>;
}

/** Errors after which nothing more can be sent for the interaction: its token is dead or spent. */
const TOKEN_GONE: readonly number[] = [
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.UnknownWebhook,
  RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
];

/**
 * After Discord refused or failed the answer (a 5xx that outlasted discord.js's retries,
 * a 4xx the answer tripped), one best-effort private "something went wrong": as the
 * reply if nothing was acknowledged yet, else as a follow-up to the "thinking…" one.
 */
async function apologise(interaction: RepliableInteraction): Promise<void> {
  const sorry = toReplyOptions(privateReply(renderSomethingWentWrong()));
  if (interaction.deferred || interaction.replied) await interaction.followUp(sorry);
  else await interaction.reply(sorry);
}

export function createInteractionAdapter({ dispatcher, log, deferAfterMs }: InteractionAdapterOptions): InteractionAdapter {
  const inFlight = new Set<Promise<void>>();
  let closing = false;

  async function deliver(interaction: Interaction): Promise<void> {
    const request = requestFromDiscordJs(interaction);
    if (!request) {
      log.debug('interaction ignored', { interaction: interaction.id, type: interaction.type });
      return;
    }
    if (request.kind === 'autocomplete') {
      if (interaction.isAutocomplete()) await interaction.respond(toChoices(await dispatcher.complete(request)));
      return;
    }
    if (!interaction.isRepliable()) return;
    const replying: RepliableInteraction = interaction;
    const plan = dispatcher.plan(request);
    const { value: reply, deferred } = await answerInTime(() => dispatcher.answer(request), {
      deferFirst: plan.deferFirst,
      deferAfterMs,
      defer: async () => {
        await replying.deferReply(toDeferOptions(plan.visibility));
      },
    });
    if (!deferred) {
      await replying.reply(toReplyOptions(reply));
    } else if (reply.visibility === 'private' && plan.visibility === 'public') {
      // A deferred reply keeps the visibility it was deferred with; a private answer
      // (an error, a rate limit) must not land in public, so it goes as a private follow-up.
      await replying.deleteReply();
      await replying.followUp(toReplyOptions(reply));
    } else {
      await replying.editReply(toEditOptions(reply));
    }
  }

  return {
    onInteraction(interaction) {
      if (closing) return;
      const delivery = deliver(interaction)
        .catch(async (error: unknown) => {
          log.error('reply failed', { interaction: interaction.id, error: errorFields(error) });
          const tokenGone = error instanceof DiscordAPIError && typeof error.code === 'number' && TOKEN_GONE.includes(error.code);
          if (tokenGone || !interaction.isRepliable()) return;
          await apologise(interaction).catch((apologyError: unknown) =>
            log.warn('could not tell the user', { interaction: interaction.id, error: errorFields(apologyError) }),
          );
        })
        .finally(() => inFlight.delete(delivery));
      inFlight.add(delivery);
    },
    async close(timeoutMs) {
      closing = true;
      // An unref'd timer: once the work is done, the deadline must not keep the process alive.
      await Promise.race([Promise.allSettled([...inFlight]), sleep(timeoutMs, undefined, { ref: false })]);
    },
  };
}
