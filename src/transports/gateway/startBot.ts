// `citebot bot`: the discord.js Client on the gateway. discord.js keeps the connection
// (identify, heartbeats, resume, reconnect, sharding) and the REST client (rate limits,
// retries); citebot reads each INTERACTION_CREATE as Discord sent it — the same JSON
// `serve` receives in a signed POST — and answers it through the same answerer, POSTing
// the interaction response to the interaction's callback route. Tests start the bot
// through this same function, pointed at a fake Discord by DISCORD_API_URL.
import { once } from 'node:events';
import { setTimeout } from 'node:timers/promises';
import {
  Client,
  Events,
  GatewayDispatchEvents,
  Routes,
  type APIInteraction,
  type ClientOptions,
  type GatewayDispatchPayload,
} from 'discord.js';
import { fetchCommands } from '../../app/commandMentions.js';
import { createApp, type App } from '../../app/createApp.js';
import type { Registry } from '../../app/registry.js';
import type { DiscordConfig } from '../../config/loadConfig.js';
import type { Engine } from '../../engine/engine.js';
import { createLogger, errorFields, type Logger } from '../../process/logger.js';
import { createInteractionAnswerer } from '../answerInteraction.js';
import { createInFlight } from '../inFlight.js';

export interface StartBotOptions {
  engine?: Engine;
  registry?: Registry;
  log?: Logger;
  /** Say "thinking…" after this long (default DEFAULT_DEFER_AFTER_MS). */
  deferAfterMs?: number;
  readyTimeoutMs?: number;
}

export interface RunningBot {
  client: Client;
  app: App;
  /** Stops taking interactions, lets those in flight finish (up to 5 s), disconnects. Safe to call twice. */
  stop(): Promise<void>;
}

const DRAIN_MS = 5_000;
/** How long start-up waits for the list of registered commands (it goes on in the background after that). */
const COMMAND_LIST_WAIT_MS = 2_000;

/** Loads the engine and commands (unless given), logs in, and resolves once the gateway is ready. */
export async function startBot(config: DiscordConfig, options: StartBotOptions = {}): Promise<RunningBot> {
  const log = options.log ?? createLogger(config.logLevel);
  const app = await createApp(config, { log, engine: options.engine, registry: options.registry });

  const clientOptions: ClientOptions = {
    // Interactions arrive without any intent; asking for none keeps the caches empty.
    intents: [],
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  };
  const client = new Client(clientOptions);
  const answerer = createInteractionAnswerer({
    dispatcher: app.dispatcher,
    rest: client.rest,
    log,
    deferAfterMs: options.deferAfterMs,
    mentions: app.mentions,
  });
  const inFlight = createInFlight();
  let stopping = false;

  const onInteraction = (payload: APIInteraction) => {
    if (stopping) return;
    // The interaction response goes where discord.js's own interaction.reply() sends it.
    const respond = async (body: unknown) => {
      await client.rest.post(Routes.interactionCallback(payload.id, payload.token), { body, auth: false });
    };
    const answered = answerer.answer(payload, respond).then((outcome) => {
      if (outcome === 'unsupported') log.debug('interaction ignored', { interaction: payload.id, type: payload.type });
    });
    inFlight.track(answered);
  };
  client.on(Events.Raw, (packet: GatewayDispatchPayload) => {
    if (packet.t === GatewayDispatchEvents.InteractionCreate) onInteraction(packet.d);
  });
  client.on(Events.Error, (error) => log.error('discord.js error', { error: errorFields(error) }));
  client.on(Events.Warn, (message) => log.warn('discord.js warning', { message }));
  // ShardDisconnect only fires when discord.js gives up (an unrecoverable close code);
  // a drop it recovers from (1006, 4000, a missed heartbeat ACK) shows as reconnecting
  // (which discord.js also emits when we close the connection ourselves, on stop).
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
    await app.close();
    throw error;
  }
  const applicationId = client.application?.id;
  if (applicationId && applicationId !== config.applicationId) {
    log.warn('DISCORD_APPLICATION_ID does not match the token', { configured: config.applicationId, fromToken: applicationId });
  }
  // The registered commands' ids, for /help's clickable mentions (without them /help names commands as text):
  // waited for a moment at most, so a slow or failing REST call never holds up the bot.
  const listed = fetchCommands(config, client.rest).then(
    (commands) => app.mentions.learn(commands),
    (error: unknown) => log.warn('could not list the registered commands: /help names them as text', { error: errorFields(error) }),
  );
  await Promise.race([listed, setTimeout(COMMAND_LIST_WAIT_MS, undefined, { ref: false })]);
  log.info('bot ready', { user: client.user?.tag, applicationId, commands: app.registry.definitions.map((d) => d.name) });

  let stopped: Promise<void> | undefined;
  return {
    client,
    app,
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        log.info('bot stopping');
        await inFlight.drain(DRAIN_MS);
        await client.destroy();
        await app.close();
        log.info('bot stopped');
      })()),
  };
}
