// `citebot bot`: the discord.js Client on the gateway. Tests start the bot through this
// same function, pointed at a fake Discord by DISCORD_API_URL.
import { once } from 'node:events';
import { Client, Events, type ClientOptions } from 'discord.js';
import type { DiscordConfig } from '../../config/loadConfig.js';
import { NO_MENTIONS } from '../../discord/respond.js';
import { loadEngine, type Engine } from '../../engine/engine.js';
import { createDispatcher, type Dispatcher } from '../../app/dispatcher.js';
import { createHandlerContext } from '../../app/handlerContext.js';
import { loadCommands } from '../../app/loadCommands.js';
import { createLogger, errorFields, type Logger } from '../../process/logger.js';
import { rateLimiterFor } from '../../app/rateLimit/rateLimiterFor.js';
import type { Registry } from '../../app/registry.js';
import { createInteractionAdapter } from './interactionAdapter.js';

export interface StartBotOptions {
  engine?: Engine;
  registry?: Registry;
  log?: Logger;
  /** Default 1500 ms: leaves room for gateway delivery before and the deferral request after, inside Discord's 3 s. */
  deferAfterMs?: number;
  readyTimeoutMs?: number;
}

export interface RunningBot {
  client: Client;
  dispatcher: Dispatcher;
  engine: Engine;
  /** Stops taking interactions, lets those in flight finish (up to 5 s), disconnects. Safe to call twice. */
  stop(): Promise<void>;
}

const DRAIN_MS = 5_000;

/** Loads the engine and commands (unless given), logs in, and resolves once the gateway is ready. */
export async function startBot(config: DiscordConfig, options: StartBotOptions = {}): Promise<RunningBot> {
  const log = options.log ?? createLogger(config.logLevel);
  const engine = options.engine ?? timed(log, 'engine loaded', () => loadEngine(config.corpusDir, { indexFile: config.indexFile }));
  const registry = options.registry ?? (await loadCommands());
  const rateLimiter = await rateLimiterFor(config, log);
  const dispatcher = createDispatcher({
    registry,
    context: createHandlerContext(engine, registry),
    log,
    rateLimiter,
  });
  const adapter = createInteractionAdapter({ dispatcher, log, deferAfterMs: options.deferAfterMs ?? 1_500 });

  const clientOptions: ClientOptions = {
    // Interactions arrive without any intent; asking for none keeps the caches empty.
    intents: [],
    allowedMentions: NO_MENTIONS, // a second guard: respond.ts sets it on every message too
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  };
  const client = new Client(clientOptions);
  client.on(Events.InteractionCreate, (interaction) => adapter.onInteraction(interaction));
  client.on(Events.Error, (error) => log.error('discord.js error', { error: errorFields(error) }));
  client.on(Events.Warn, (message) => log.warn('discord.js warning', { message }));
  // ShardDisconnect only fires when discord.js gives up (an unrecoverable close code);
  // a drop it recovers from (1006, 4000, a missed heartbeat ACK) shows as reconnecting
  // (which discord.js also emits when we close the connection ourselves, on stop).
  let stopping = false;
  client.on(Events.ShardDisconnect, (event, shard) => log.warn('gateway disconnected', { shard, code: event.code }));
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopping) log.warn('gateway reconnecting', { shard });
  });
  client.on(Events.ShardResume, (shard, replayed) => log.info('gateway resumed', { shard, replayed }));

  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(options.readyTimeoutMs ?? 30_000) });
  ready.catch(() => undefined); // observed below; login failure must not leave it unhandled
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    stopping = true;
    await client.destroy();
    await rateLimiter.close?.();
    throw error;
  }
  const applicationId = client.application?.id;
  if (applicationId && applicationId !== config.applicationId) {
    log.warn('DISCORD_APPLICATION_ID does not match the token', { configured: config.applicationId, fromToken: applicationId });
  }
  log.info('bot ready', { user: client.user?.tag, applicationId, commands: registry.definitions.map((d) => d.name) });

  let stopped: Promise<void> | undefined;
  return {
    client,
    dispatcher,
    engine,
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        log.info('bot stopping');
        await adapter.close(DRAIN_MS);
        await client.destroy();
        await rateLimiter.close?.();
        log.info('bot stopped');
      })()),
  };
}

function timed<T>(log: Logger, msg: string, work: () => T): T {
  const started = performance.now();
  const value = work();
  log.info(msg, { ms: Math.round(performance.now() - started) });
  return value;
}
