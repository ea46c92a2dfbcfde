// Start-up failures people can fix, as one plain message for the CLI (no stack trace).
import { ConfigError } from '../config/configError.js';
import { CommandLoadError } from './registry.js';

export function friendlyStartError(error: unknown): string | undefined {
  if (error instanceof ConfigError || error instanceof CommandLoadError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'TokenInvalid') return 'Discord refused the token (DISCORD_TOKEN): copy it again from the Developer Portal → your application → Bot → Reset Token.';
  if (code === 'DisallowedIntents') return 'Discord refused the gateway intents for this bot.';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND') return `cannot reach Discord${(error as Error).message ? `: ${(error as Error).message}` : ''} (check DISCORD_API_URL and the network)`;
  if ((error as { status?: unknown } | null)?.status === 401) return 'Discord answered 401 Unauthorized: DISCORD_TOKEN is wrong or was reset.';
  return undefined;
}
