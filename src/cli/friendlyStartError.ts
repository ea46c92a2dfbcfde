// Start-up failures people can fix, as one plain message for the CLI (no stack trace).
import { ConfigError } from '../config/configError.js';
import { CommandLoadError } from '../app/registry.js';

const NETWORK_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'ENETUNREACH', 'EHOSTUNREACH']);

export function friendlyStartError(error: unknown): string | undefined {
  if (error instanceof ConfigError || error instanceof CommandLoadError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'TokenInvalid')
    return 'Discord refused the token (DISCORD_TOKEN): copy it again from the Developer Portal → your application → Bot → Reset Token.';
  if (code === 'DisallowedIntents') return 'Discord refused the gateway intents for this bot.';
  if (typeof code === 'string' && NETWORK_FAILURES.has(code))
    return `cannot reach Discord${(error as Error).message ? `: ${(error as Error).message}` : ''} (check DISCORD_API_URL and the network)`;
  // `bot --shards`: the manager only sees a shard that never became ready; the shard has printed why.
  if (code === 'ShardingReadyTimeout')
    return `${(error as Error).message} Discord could not be reached (check DISCORD_API_URL and the network).`;
  if (code === 'ShardingReadyDied' || code === 'ShardingReadyDisconnected') {
    return `${(error as Error).message} The shard's own message above says why: usually that Discord could not be reached (check DISCORD_API_URL and the network).`;
  }
  if ((error as { status?: unknown } | null)?.status === 401)
    return 'Discord answered 401 Unauthorized: DISCORD_TOKEN is wrong or was reset.';
  return undefined;
}
