// `citebot serve`: the HTTP interactions server. It listens first and loads the index
// after, so a load balancer sees "loading" (503 on /healthz) rather than a refused
// connection, then answers through the same dispatcher and handlers as gateway mode.
// Tests start the real process; this function is also usable in-process.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { REST } from 'discord.js';
import { createApp, type App } from '../../app/createApp.js';
import type { ReloadOutcome } from '../../app/liveCorpus.js';
import type { Registry } from '../../app/registry.js';
import type { HttpConfig } from '../../config/loadConfig.js';
import type { Engine } from '../../engine/engine.js';
import { createLogger, type Logger } from '../../process/logger.js';
import { createInteractionAnswerer, type InteractionAnswerer } from '../answerInteraction.js';
import { createInFlight } from '../inFlight.js';
import { drainServer } from './drainServer.js';
import { createInteractionsEndpoint } from './interactionsEndpoint.js';
import { toListenError } from './listenError.js';
import { createRoutes, type Health } from './routes.js';
import { createSignatureVerifier, publicKeyFromHex } from './verifySignature.js';

export interface StartServerOptions {
  /** Override config.http (the CLI's --port/--host). */
  port?: number;
  host?: string;
  log?: Logger;
  engine?: Engine;
  registry?: Registry;
  /** Say "thinking…" after this long (default DEFAULT_DEFER_AFTER_MS, as on the gateway). */
  deferAfterMs?: number;
  /** How long a shutdown waits for in-flight requests and deferred replies once it stops listening. Default 10 s. */
  inFlightTimeoutMs?: number;
}

export { ListenError } from './listenError.js';

export interface RunningServer {
  /** Where it listens, e.g. http://127.0.0.1:8080 (the real port when 0 was asked for). */
  url: string;
  server: Server;
  /** Resolves once the index and commands are loaded and interactions are answered; rejects if they cannot load. */
  ready: Promise<void>;
  /**
   * /healthz turns 503 and responses close their connections; answers go on for the drain
   * delay (config.http.drainMs, or `drainMs` here), then it stops listening, lets in-flight
   * requests and deferred replies finish and closes (see drainServer.ts). Safe to call twice.
   */
  stop(options?: { drainMs?: number }): Promise<void>;
  /** Reloads the corpus (SIGHUP): once loaded, or at once if it is; 'closed' if it never loads or is stopping. */
  reload(reason: string): Promise<ReloadOutcome>;
}

export async function startServer(config: HttpConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel);
  // A malformed key fails here, at start-up, not on the first interaction.
  const verify = createSignatureVerifier(publicKeyFromHex(config.publicKey));
  const inFlight = createInFlight();
  let answerer: InteractionAnswerer | undefined;
  let loaded: App | undefined;
  // Read through a function: TypeScript cannot see stop() change it while loading runs.
  let health = 'loading' as Health;

  const interactions = createInteractionsEndpoint({
    verify,
    maxBodyBytes: config.http.maxBodyBytes,
    log,
    answerer: () => answerer,
    draining: () => health === 'stopping',
  });
  const server = createServer(
    {
      // Interaction bodies are small and Discord sends them at once: a slow trickle is not Discord.
      requestTimeout: 10_000,
      headersTimeout: 10_000,
      // Longer than a proxy's idle timeout (nginx upstream keepalive: 60 s), so the proxy
      // closes idle connections, never Node under a request the proxy just sent.
      keepAliveTimeout: 75_000,
    },
    createRoutes({ interactions, health: () => health, corpus: () => loaded?.corpus.status(), inFlight, log }),
  );
  const port = options.port ?? config.http.port;
  const host = options.host ?? config.http.host;
  server.listen(port, host);
  try {
    await once(server, 'listening');
  } catch (error) {
    throw toListenError(error, host, port) ?? error;
  }
  const url = urlOf(server.address() as AddressInfo);
  log.info('listening', { url });

  const app = (async (): Promise<App> => {
    await nextTurn(); // let the caller announce the address before the (synchronous) index load
    // Shared through Redis with CITEBOT_REDIS_URL; per replica otherwise (see the README).
    return createApp(config, { log, engine: options.engine, registry: options.registry });
  })();
  const ready = (async () => {
    const { dispatcher, registry, mentions } = (loaded = await app);
    if (health === 'stopping') return;
    // Deferred answers go through the interaction's webhook, authorised by its own token: no bot token here.
    const rest = new REST({ version: '10', ...(config.apiUrl ? { api: config.apiUrl } : {}) });
    answerer = createInteractionAnswerer({ dispatcher, rest, log, deferAfterMs: options.deferAfterMs, mentions });
    health = 'ready';
    log.info('ready', { url, commands: registry.definitions.map((d) => d.name) });
  })();
  ready.catch(() => undefined); // the caller awaits it; this keeps a failure from counting as unhandled meanwhile

  let stopped: Promise<void> | undefined;
  const stop = ({ drainMs = config.http.drainMs }: { drainMs?: number } = {}) =>
    (stopped ??= (async () => {
      health = 'stopping';
      log.info('server stopping', { inFlight: inFlight.size, drainMs });
      await drainServer(server, inFlight, log, { delayMs: drainMs, inFlightTimeoutMs: options.inFlightTimeoutMs ?? 10_000 });
      await (await app.catch(() => undefined))?.close(); // nothing to close if it failed to load (ready says why)
      log.info('server stopped');
    })());

  const reload = async (reason: string): Promise<ReloadOutcome> => {
    const loadedApp = await app.catch(() => undefined);
    return loadedApp && health !== 'stopping' ? loadedApp.corpus.reload(reason) : 'closed';
  };

  return { url, server, ready, stop, reload };
}

function urlOf({ address, family, port }: AddressInfo): string {
  return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
}
