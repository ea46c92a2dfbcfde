// The gateway bot as `citebot bot` starts it (loadConfig from an environment, then
// startBot: the real discord.js client), pointed at a FakeDiscord on 127.0.0.1 through
// DISCORD_API_URL, with its log captured for assertions. The bot tests, the fault tests
// and the Discord latency benchmark all start it here.
import type { APIInteraction } from 'discord.js';
import { loadCommands } from '../../src/app/loadCommands.js';
import type { ModuleEntry } from '../../src/app/registry.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { createLogger, type LogLevel } from '../../src/process/logger.js';
import { startBot, type RunningBot } from '../../src/transports/gateway/startBot.js';
import { FakeDiscord, userPayload, type FakeDiscordOptions, type InteractionReply } from '../fake-discord/index.js';
import type { LogLine } from './cli.js';

export const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.fake.token';
/** Upper bound for any single wait in the tests. */
export const STEP_MS = 5_000;
export const CALLBACK_ROUTE = 'POST /interactions/:id/:token/callback';

export interface BotOnFakeOptions {
  /** Added to the bot's environment (CITEBOT_RATE_LIMIT…). */
  env?: Record<string, string>;
  /** Test-only modules added to the command files (failing or slow handlers, spies). */
  extraCommands?: ModuleEntry[];
  extraButtons?: ModuleEntry[];
  deferAfterMs?: number;
  readyTimeoutMs?: number;
  /** How the fake behaves; default: Discord's real 3-second acknowledgement deadline, so a slow bot fails here too. */
  fake?: FakeDiscordOptions;
  /** Default debug: every line is kept for the tests to read. */
  logLevel?: LogLevel;
  /** Register the command files globally in the fake before the bot starts, as `deploy-commands` would. */
  registerCommands?: boolean;
}

export interface BotOnFake {
  fake: FakeDiscord;
  bot: RunningBot;
  /** Parsed JSON log lines the bot wrote. */
  logs: LogLine[];
  /** Sends the interaction and returns the first callback Discord accepted for it. */
  send(payload: APIInteraction, timeoutMs?: number): Promise<InteractionReply>;
  /** A guild scope with a user of its own, so no test eats another's rate limit. */
  scope(username: string): ReturnType<FakeDiscord['guildScope']>;
  stop(): Promise<void>;
}

export async function startBotOnFake(options: BotOnFakeOptions = {}): Promise<BotOnFake> {
  const fake = await FakeDiscord.start({ token: TOKEN, ackDeadlineMs: 3_000, ...options.fake });
  const logs: LogLine[] = [];
  const log = createLogger(options.logLevel ?? 'debug', { write: (line: string) => logs.push(JSON.parse(line) as LogLine) });
  try {
    const config = loadConfig('discord', {
      // Feedback off unless a test asks for it (with a file of its own): nothing is written into the repository.
      env: {
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        CITEBOT_FEEDBACK: 'off',
        ...options.env,
      },
      envFile: null,
    });
    // With nothing to add, startBot loads the command files itself, as `citebot bot` does.
    const extras = options.extraCommands || options.extraButtons;
    const registry = extras ? await loadCommands({ extraCommands: options.extraCommands, extraButtons: options.extraButtons }) : undefined;
    if (options.registerCommands) fake.commands.overwrite((registry ?? (await loadCommands())).definitions);
    const bot = await startBot(config, {
      log,
      registry,
      deferAfterMs: options.deferAfterMs,
      readyTimeoutMs: options.readyTimeoutMs ?? 10_000,
    });
    return {
      fake,
      bot,
      logs,
      async send(payload, timeoutMs = STEP_MS) {
        fake.sendInteraction(payload);
        return fake.awaitInteractionReply(payload.id, timeoutMs);
      },
      scope: (username) => fake.guildScope({ user: userPayload({ username }) }),
      async stop() {
        try {
          await bot.stop();
        } finally {
          await fake.stop();
        }
      },
    };
  } catch (error) {
    await fake.stop();
    throw error;
  }
}

/** Every callback request (accepted, refused or faulted) the bot made for one interaction. */
export function callbacksFor(fake: FakeDiscord, interactionId: string) {
  return fake.requests.filter((r) => r.route === CALLBACK_ROUTE && r.path.startsWith(`/interactions/${interactionId}/`));
}

/** The "thinking…" placeholder's webhook requests (edit, delete, follow-up) for one interaction token. */
export function webhookRequestsFor(fake: FakeDiscord, token: string) {
  return fake.requests.filter((r) => r.path.startsWith(`/webhooks/${fake.applicationId}/${token}`));
}

export const ASK_WUXI = { name: 'ask', options: { question: 'how many IoT enterprises in Wuxi' } } as const;
export const WUXI_ANSWER = '3,657';

/** The edit that fills in a deferred reply (the interaction's original message), once Discord accepted it. */
export function waitForEdit(fake: FakeDiscord, token: string) {
  return fake.waitForRequest((r) => r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`) && r.status === 200, STEP_MS, {
    includePast: true,
  });
}
