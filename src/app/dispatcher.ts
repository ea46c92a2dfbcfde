// Transport-neutral core of the bot: request in, Reply out. Routes to the command or
// button module, applies the per-user rate limit, turns a throwing handler into a
// private "something went wrong" plus an error log line, and logs every interaction.
// The gateway bot, `serve` and the console all call this and only this.
import { describeRequest, type AutocompleteRequest, type InteractionRequest, type MessageRequest } from '../discord/interactionRequest.js';
import { customIdAction } from '../discord/customIds.js';
import {
  renderRateLimited,
  renderSomethingWentWrong,
  renderUnknownInteraction,
  renderUnreadableOptions,
} from '../discord/render/notices.js';
import { privateReply, type Choice, type MessageReply, type Visibility } from '../discord/reply.js';
import type { HandlerContext } from './handlerTypes.js';
import { errorFields, type Logger } from '../process/logger.js';
import type { RateLimiter } from './rateLimit/rateLimiter.js';
import { readArguments } from './readArguments.js';
import type { Registry } from './registry.js';

export interface Plan {
  /** Acknowledge before running the handler (the module declared `defer`). */
  deferFirst: boolean;
  /** The visibility a deferred acknowledgement must carry. */
  visibility: Visibility;
  /** The answer replaces the message the pressed button is on: acknowledge it as an update. */
  update: boolean;
}

export interface Dispatcher {
  plan(request: MessageRequest): Plan;
  answer(request: MessageRequest): Promise<MessageReply>;
  complete(request: AutocompleteRequest): Promise<Choice[]>;
}

export interface DispatcherOptions {
  registry: Registry;
  /** What handlers share, read as each request arrives: it serves that request to the end, whatever a reload swaps in meanwhile. */
  context: () => HandlerContext;
  log: Logger;
  /** null: no limit (the local console). */
  rateLimiter: RateLimiter | null;
}

/** A request's handler, ready to run; or why the request cannot reach it (options its definition does not allow). */
type Route = ({ run: () => Promise<MessageReply> | MessageReply } & Plan) | { refused: string } | undefined;

export function createDispatcher({ registry, context, log, rateLimiter }: DispatcherOptions): Dispatcher {
  const route = (request: MessageRequest): Route => {
    const shared = context();
    switch (request.kind) {
      case 'chat-command': {
        const command = registry.chatCommand(request.command);
        if (!command) return undefined;
        const read = readArguments(command.definedOptions, request.options);
        if (!read.ok) return { refused: read.problem };
        const checked = { ...request, options: read.args };
        return {
          run: () => command.execute(checked, shared),
          deferFirst: command.defer ?? false,
          visibility: command.visibility?.(checked) ?? 'private',
          update: false,
        };
      }
      case 'message-command': {
        const command = registry.messageCommand(request.command);
        return (
          command && {
            run: () => command.execute(request, shared),
            deferFirst: command.defer ?? false,
            visibility: 'private',
            update: false,
          }
        );
      }
      case 'button': {
        const button = registry.button(customIdAction(request.customId));
        return (
          button && {
            run: () => button.execute(request, shared),
            deferFirst: false,
            visibility: button.visibility ?? 'private',
            update: button.updates ?? false,
          }
        );
      }
    }
  };

  const fields = (request: InteractionRequest) => ({
    interaction: request.id,
    what: describeRequest(request),
    user: request.user.id,
    place: request.place,
  });

  const answer = async (request: MessageRequest): Promise<MessageReply> => {
    const started = performance.now();
    const done = (reply: MessageReply, outcome: string) => {
      log.info('interaction answered', {
        ...fields(request),
        outcome,
        visibility: reply.visibility,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
      return reply;
    };
    if (rateLimiter) {
      const decision = await rateLimiter.take(request.user.id);
      if (!decision.allowed)
        return done(privateReply(renderRateLimited(decision.retryAfterMs, rateLimiter.max, rateLimiter.windowMs)), 'rate-limited');
    }
    const target = route(request);
    if (!target) {
      log.warn('no handler for interaction', fields(request));
      return done(privateReply(renderUnknownInteraction()), 'unknown');
    }
    if ('refused' in target) {
      log.warn('options do not match the command', { ...fields(request), problem: target.refused });
      return done(privateReply(renderUnreadableOptions()), 'bad-options');
    }
    try {
      return done(await target.run(), 'ok');
    } catch (error) {
      log.error('handler failed', { ...fields(request), error: errorFields(error) });
      return done(privateReply(renderSomethingWentWrong()), 'failed');
    }
  };

  const complete = async (request: AutocompleteRequest): Promise<Choice[]> => {
    const command = registry.chatCommand(request.command);
    if (!command?.autocomplete) {
      log.warn('no autocomplete for interaction', fields(request));
      return [];
    }
    try {
      const choices = await command.autocomplete(request, context());
      log.debug('autocomplete answered', { ...fields(request), choices: choices.length });
      return choices;
    } catch (error) {
      // An empty list is the only thing an autocomplete can say; the log says why.
      log.error('autocomplete failed', { ...fields(request), error: errorFields(error) });
      return [];
    }
  };

  return {
    plan(request) {
      try {
        const target = route(request);
        return target && 'run' in target
          ? { deferFirst: target.deferFirst, visibility: target.visibility, update: target.update }
          : { deferFirst: false, visibility: 'private', update: false };
      } catch (error) {
        // A broken visibility() must not stop the answer; answer() will report the handler's own failure.
        log.error('planning failed', { ...fields(request), error: errorFields(error) });
        return { deferFirst: false, visibility: 'private', update: false };
      }
    },
    answer,
    complete,
  };
}
