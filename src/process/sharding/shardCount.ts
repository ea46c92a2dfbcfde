// How many gateway shards `citebot bot --shards` runs: a number, or "auto" for the
// count Discord recommends for this bot (GET /gateway/bot). Asked through
// DISCORD_API_URL like every other call (discord.js's own helper always asks discord.com).
import { REST, Routes, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { DiscordConfig } from '../../config/loadConfig.js';

export type ShardCount = number | 'auto';

/** `--shards` value → count; undefined when it is neither "auto" nor a whole number ≥ 1. */
export function parseShardCount(value: string): ShardCount | undefined {
  if (value === 'auto') return 'auto';
  return /^\d{1,5}$/.test(value) && Number(value) >= 1 ? Number(value) : undefined;
}

export async function recommendedShardCount(config: DiscordConfig): Promise<number> {
  const rest = new REST({ version: '10', ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, gateway.shards);
}
