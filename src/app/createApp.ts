// The bot, built once per process whatever carries its interactions: the engine (from
// the prebuilt index when it is usable), the command files, what every handler shares, the
// per-user rate limit, and the dispatcher over them. The gateway bot, `serve` and the
// console each call this, then only translate between Discord (or a terminal) and the
// dispatcher.
import type { Config } from '../config/loadConfig.js';
import { loadEngineAndDigest, type Engine } from '../engine/engine.js';
import type { Logger } from '../process/logger.js';
import { createCommandMentions, type CommandMentions } from './commandMentions.js';
import { createDispatcher, type Dispatcher } from './dispatcher.js';
import { feedbackLog, NO_FEEDBACK } from './feedback/feedbackLog.js';
import { createLiveCorpus, type LiveCorpus } from './liveCorpus.js';
import { loadCommands } from './loadCommands.js';
import { rateLimiterFor } from './rateLimit/rateLimiterFor.js';
import type { Registry } from './registry.js';

export interface App {
  /** The engine answering now (a live reload replaces it). */
  readonly engine: Engine;
  /** The corpus served: its status (for /healthz) and reloading it (the folder is watched; SIGHUP calls reload). */
  readonly corpus: LiveCorpus;
  /** Command ids for /help's mentions, learned by the transports (commandMentions.ts). */
  readonly mentions: CommandMentions;
  readonly registry: Registry;
  readonly dispatcher: Dispatcher;
  /** Lets go of what the app holds (the shared rate limit's connection). Safe to call twice. */
  close(): Promise<void>;
}

export interface AppOptions {
  log: Logger;
  /** Used instead of loading them (tests and benchmarks inject these). An engine given here is not watched for changes. */
  engine?: Engine;
  registry?: Registry;
  /** false: no per-user limit (one person at the console). Default: config.rateLimit, shared through Redis when configured. */
  rateLimit?: boolean;
  /**
   * Where "the prebuilt index cannot be used" goes: a warn line in the structured log
   * (services), or a plain line on stderr for a person at a terminal.
   */
  notices?: 'log' | 'terminal';
}

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { log } = options;
  // Asked for first, so a shared store connects while the index loads.
  const limiter = options.rateLimit === false ? Promise.resolve(null) : rateLimiterFor(config, log);
  limiter.catch(() => undefined); // awaited below; meanwhile a failure must not count as unhandled
  try {
    const notice =
      options.notices === 'terminal' ? undefined : (message: string) => log.warn('prebuilt index not used', { reason: message });
    const { engine, digest } = options.engine
      ? { engine: options.engine, digest: null }
      : timed(log, 'engine loaded', () => loadEngineAndDigest(config.corpusDir, { indexFile: config.indexFile, notice }));
    const registry = options.registry ?? (await loadCommands());
    const rateLimiter = await limiter;
    const mentions = createCommandMentions();
    const feedback = config.feedback.enabled ? feedbackLog(config.feedback.file, log) : NO_FEEDBACK;
    const corpus = createLiveCorpus({
      config,
      engine,
      digest,
      registry,
      feedback,
      mentions,
      log,
      watch: config.reload.watch && !options.engine,
      ...(options.notices === 'terminal' ? { say: (line: string) => process.stderr.write(`citebot: ${line}\n`) } : {}),
    });
    const dispatcher = createDispatcher({ registry, context: corpus.context, log, rateLimiter });
    let closed: Promise<void> | undefined;
    return {
      get engine() {
        return corpus.context().engine;
      },
      corpus,
      mentions,
      registry,
      dispatcher,
      close: () => (closed ??= Promise.all([corpus.close(), rateLimiter?.close?.()]).then(() => undefined)),
    };
  } catch (error) {
    await (await limiter.catch(() => null))?.close?.();
    throw error;
  }
}

function timed<T>(log: Logger, msg: string, work: () => T): T {
  const started = performance.now();
  const value = work();
  log.info(msg, { ms: Math.round(performance.now() - started) });
  return value;
}
