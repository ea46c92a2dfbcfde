// Starts citebot exactly as `citebot bot` does (loadConfig + startBot), pointed at a
// FakeDiscord on 127.0.0.1 through DISCORD_API_URL, with logs captured for assertions.
import type { APIInteraction } from 'discord.js';
import { startBot, type RunningBot } from '../../src/transports/gateway/startBot.js';
import { loadCommands } from '../../src/app/loadCommands.js';
import { createLogger } from '../../src/process/logger.js';
import type { ModuleEntry } from '../../src/app/registry.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { FakeDiscord, type InteractionReply } from '../fake-discord/index.js';

export const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.fake.token';
export const STEP_MS = 5_000;

export interface HarnessOptions {
  env?: Record<string, string>;
  extraCommands?: ModuleEntry[];
  extraButtons?: ModuleEntry[];
  deferAfterMs?: number;
}

export interface Harness {
  fake: FakeDiscord;
  bot: RunningBot;
  /** Parsed JSON log lines the bot wrote. */
  logs: Record<string, unknown>[];
  /** Sends the interaction and returns the callback the bot made for it. */
  send(payload: APIInteraction): Promise<InteractionReply>;
  stop(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  // Discord's real 3-second acknowledgement deadline, so a slow bot fails here too.
  const fake = await FakeDiscord.start({ token: TOKEN, ackDeadlineMs: 3_000 });
  const logs: Record<string, unknown>[] = [];
  const log = createLogger('debug', { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  try {
    const config = loadConfig('discord', {
      env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, ...options.env },
      envFile: null,
    });
    const registry = await loadCommands({ extraCommands: options.extraCommands, extraButtons: options.extraButtons });
    const bot = await startBot(config, { log, registry, ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}) });
    return {
      fake,
      bot,
      logs,
      async send(payload) {
        fake.sendInteraction(payload);
        return fake.awaitInteractionReply(payload.id, STEP_MS);
      },
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

/** All custom ids of the buttons in a reply, row by row flattened. */
export function customIds(data: { components?: unknown }): string[] {
  const rows = (data.components ?? []) as { components: { custom_id?: string }[] }[];
  return rows.flatMap((r) => r.components.map((c) => c.custom_id)).filter((id): id is string => id !== undefined);
}

export function buttonLabels(data: { components?: unknown }): string[] {
  const rows = (data.components ?? []) as { components: { label?: string }[] }[];
  return rows.flatMap((r) => r.components.map((c) => c.label ?? ''));
}

/** Every visible text of a message payload in one string: content, embed titles, descriptions, fields, footers. */
export function allText(data: { content?: string; embeds?: unknown }): string {
  const embeds = (data.embeds ?? []) as { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[];
  return [
    data.content ?? '',
    ...embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '']),
  ].join('\n');
}
