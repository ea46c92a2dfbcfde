// The bot as `citebot bot` starts it (loadConfig from the environment, then startBot with
// nothing injected: it loads the default corpus and the command files itself), pointed at
// a FakeDiscord whose gateway and REST the fault tests break on purpose.
import type { APIInteraction } from 'discord.js';
import { startBot, type RunningBot } from '../../src/transports/gateway/startBot.js';
import { createLogger } from '../../src/process/logger.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { FakeDiscord, userPayload, type FakeDiscordOptions, type InteractionReply } from '../fake-discord/index.js';

export const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.fake.token';
/** Upper bound for any single wait in these tests. */
export const STEP_MS = 5_000;
export const CALLBACK_ROUTE = 'POST /interactions/:id/:token/callback';

export interface FaultBot {
  fake: FakeDiscord;
  bot: RunningBot;
  /** Parsed JSON log lines the bot wrote. */
  logs: Record<string, unknown>[];
  /** Sends the interaction and returns the first accepted callback for it. */
  send(payload: APIInteraction): Promise<InteractionReply>;
  /** A guild scope with a user of its own, so no test eats another's rate limit. */
  scope(username: string): ReturnType<FakeDiscord['guildScope']>;
  stop(): Promise<void>;
}

export async function startFaultBot(fakeOptions: FakeDiscordOptions = {}): Promise<FaultBot> {
  // Discord's real 3-second acknowledgement deadline: a bot that only answers after a
  // reconnect or a retry must still make it, as it would have to on Discord.
  const fake = await FakeDiscord.start({ token: TOKEN, ackDeadlineMs: 3_000, ...fakeOptions });
  const logs: Record<string, unknown>[] = [];
  const log = createLogger('debug', { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  try {
    const config = loadConfig('discord', {
      env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl },
      envFile: null,
    });
    const bot = await startBot(config, { log, readyTimeoutMs: 10_000 });
    return {
      fake,
      bot,
      logs,
      async send(payload) {
        fake.sendInteraction(payload);
        return fake.awaitInteractionReply(payload.id, STEP_MS);
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
