// Configuration from the command line, the environment and an optional .env file in the
// repository root (in that order of precedence), the same for every command, and checked all
// at once so every problem is reported in one go.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as util from 'node:util';
import { defaultCorpusDir, defaultFeedbackFile, packageRoot } from '../paths/packageRoot.js';
import { ConfigError } from './configError.js';
import type { LogLevel } from './logLevels.js';
import { DEFAULTS, envSchema, REQUIRED_HELP, type RawEnv } from './schema.js';

export interface Config {
  token?: string;
  applicationId?: string;
  guildId?: string;
  /** REST base for discord.js (a proxy or a test server); undefined = Discord's own. */
  apiUrl?: string;
  corpusDir: string;
  /** A prebuilt index given with --index; else the engine looks in the corpus folder. */
  indexFile?: string;
  logLevel: LogLevel;
  /** `redisUrl`: replicas share one count per user through this Redis; otherwise each process counts its own. */
  rateLimit: { max: number; windowMs: number; redisUrl?: string };
  /** Live reload: watch the corpus folder (CITEBOT_WATCH), reloading once it has been quiet for debounceMs. */
  reload: { watch: boolean; debounceMs: number };
  /** Hex public key that signs interactions (HTTP mode). */
  publicKey?: string;
  /** "Not it?" feedback: appended to `file` (JSON lines) unless turned off; `citebot feedback` reads it either way. */
  feedback: { enabled: boolean; file: string };
  /** Where `citebot serve` listens, the largest request body it reads, and how long it keeps answering after SIGTERM. */
  http: { port: number; host: string; maxBodyBytes: number; drainMs: number };
  /** Limits on fetching a page or feed for `citebot ingest`. */
  fetch: { timeoutMs: number; maxBytes: number; maxRedirects: number };
}

/** What `citebot bot` and `deploy-commands` need on top. */
export type DiscordConfig = Config & { token: string; applicationId: string };

/** What `citebot serve` needs on top: no token at all, since replies travel as HTTP responses and webhook calls authorised by each interaction's own token. */
export type HttpConfig = Config & { publicKey: string };

/** What a command runs: the gateway bot, the HTTP server, the console, or a plain command that only reads the corpus. */
export type ConfigNeeds = 'discord' | 'http' | 'local' | 'corpus' | 'ingest';

export interface ConfigSource {
  env?: NodeJS.ProcessEnv | Record<string, string | undefined>;
  /** Path of a .env file to read if it exists; null reads none. Default: .env in the repository root. */
  envFile?: string | null;
  /** --corpus and --index from the command line: they win over CITEBOT_CORPUS. */
  corpus?: string;
  indexFile?: string;
  /** Values used when neither the environment nor .env sets them (a command's own defaults). */
  defaults?: Record<string, string>;
}

/** KEY=value lines; Node's own parser when it has one (20.12+), else the same basic rules. */
export function parseEnvFile(text: string): Record<string, string> {
  const parseEnv = (util as { parseEnv?: (content: string) => Record<string, string> }).parseEnv;
  return parseEnv ? parseEnv(text) : parseEnvBasic(text);
}

/** For Node 20 before 20.12: `KEY=value`, optional `export`, quotes, `#` comments. No multi-line values. */
export function parseEnvBasic(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    let value = match[2]!;
    const quoted = /^(['"`])(.*)\1$/.exec(value);
    value = quoted ? quoted[2]! : value.replace(/\s+#.*$/, '');
    out[match[1]!] = value;
  }
  return out;
}

function readEnv(source: ConfigSource): Record<string, string | undefined> {
  const file = source.envFile === undefined ? join(packageRoot(), '.env') : source.envFile;
  const fromFile = file && existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
  // A relative folder in .env means the same folder from wherever citebot is started: relative to .env's own.
  for (const key of ['CITEBOT_CORPUS', 'CITEBOT_FEEDBACK_FILE'])
    if (file && fromFile[key]?.trim()) fromFile[key] = resolve(dirname(file), fromFile[key]);
  const merged: Record<string, string | undefined> = { ...source.defaults, ...fromFile, ...(source.env ?? process.env) };
  // A variable set to nothing is unset: `DISCORD_GUILD_ID=` means "no guild".
  for (const [key, value] of Object.entries(merged)) if (value === undefined || value.trim() === '') delete merged[key];
  return merged;
}

/**
 * Only the settings a command reads are validated (and used), so a malformed setting it never
 * uses cannot stop it: the console starts whatever DISCORD_TOKEN holds. The bot and the HTTP
 * server read everything but the other one's own settings.
 */
function reads(needs: ConfigNeeds, key: string): boolean {
  if (needs === 'corpus') return key === 'CITEBOT_CORPUS';
  if (key.startsWith('CITEBOT_FEEDBACK')) return true;
  if (needs === 'ingest') return key === 'CITEBOT_CORPUS' || key.startsWith('CITEBOT_FETCH_');
  if (needs === 'local') return key === 'CITEBOT_CORPUS' || key === 'LOG_LEVEL' || key.startsWith('CITEBOT_WATCH');
  if (key.startsWith('CITEBOT_FETCH_')) return false;
  const httpOnly = key === 'DISCORD_PUBLIC_KEY' || key.startsWith('CITEBOT_HTTP_');
  const gatewayOnly = key === 'DISCORD_TOKEN' || key === 'DISCORD_APPLICATION_ID' || key === 'DISCORD_GUILD_ID';
  return needs === 'discord' ? !httpOnly : !gatewayOnly;
}

export function loadConfig(needs: 'discord', source?: ConfigSource): DiscordConfig;
export function loadConfig(needs: 'http', source?: ConfigSource): HttpConfig;
export function loadConfig(needs: 'local' | 'corpus' | 'ingest', source?: ConfigSource): Config;
export function loadConfig(needs: ConfigNeeds, source: ConfigSource = {}): Config {
  // --corpus replaces CITEBOT_CORPUS: a stale one in .env must not stop a command told where to look.
  const overridden = (key: string) => key === 'CITEBOT_CORPUS' && source.corpus !== undefined;
  const env = Object.fromEntries(Object.entries(readEnv(source)).filter(([key]) => reads(needs, key) && !overridden(key)));
  // Nothing set, nothing to check (and the schema is not even built).
  const parsed = Object.keys(env).length ? envSchema().safeParse(env) : { success: true as const, data: {} as RawEnv };
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
  if (needs === 'discord') {
    for (const key of ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] as const) {
      if (env[key] === undefined) problems.push(`${key} is missing: ${REQUIRED_HELP[key]}`);
    }
  }
  if (needs === 'http' && env.DISCORD_PUBLIC_KEY === undefined) {
    problems.push(`DISCORD_PUBLIC_KEY is missing: ${REQUIRED_HELP.DISCORD_PUBLIC_KEY}`);
  }
  if (problems.length || !parsed.success) throw new ConfigError(problems);
  const raw = parsed.data;
  return {
    ...(raw.DISCORD_TOKEN ? { token: raw.DISCORD_TOKEN } : {}),
    ...(raw.DISCORD_APPLICATION_ID ? { applicationId: raw.DISCORD_APPLICATION_ID } : {}),
    ...(raw.DISCORD_GUILD_ID ? { guildId: raw.DISCORD_GUILD_ID } : {}),
    ...(raw.DISCORD_API_URL ? { apiUrl: raw.DISCORD_API_URL.replace(/\/+$/, '') } : {}),
    corpusDir: source.corpus === undefined ? (raw.CITEBOT_CORPUS ?? defaultCorpusDir()) : resolve(source.corpus),
    ...(source.indexFile === undefined ? {} : { indexFile: resolve(source.indexFile) }),
    logLevel: raw.LOG_LEVEL ?? DEFAULTS.logLevel,
    rateLimit: {
      max: raw.CITEBOT_RATE_LIMIT ?? DEFAULTS.rateLimitMax,
      windowMs: (raw.CITEBOT_RATE_WINDOW_SECONDS ?? DEFAULTS.rateLimitWindowSeconds) * 1000,
      ...(raw.CITEBOT_REDIS_URL ? { redisUrl: raw.CITEBOT_REDIS_URL } : {}),
    },
    reload: { watch: raw.CITEBOT_WATCH !== 'off', debounceMs: raw.CITEBOT_WATCH_DEBOUNCE_MS ?? DEFAULTS.watchDebounceMs },
    feedback: { enabled: raw.CITEBOT_FEEDBACK !== 'off', file: raw.CITEBOT_FEEDBACK_FILE ?? defaultFeedbackFile() },
    ...(raw.DISCORD_PUBLIC_KEY ? { publicKey: raw.DISCORD_PUBLIC_KEY.toLowerCase() } : {}),
    http: {
      port: raw.CITEBOT_HTTP_PORT ?? DEFAULTS.httpPort,
      host: raw.CITEBOT_HTTP_HOST ?? DEFAULTS.httpHost,
      maxBodyBytes: (raw.CITEBOT_HTTP_MAX_BODY_KB ?? DEFAULTS.httpMaxBodyKb) * 1024,
      drainMs: (raw.CITEBOT_HTTP_DRAIN_SECONDS ?? DEFAULTS.httpDrainSeconds) * 1000,
    },
    fetch: {
      timeoutMs: (raw.CITEBOT_FETCH_TIMEOUT_SECONDS ?? DEFAULTS.fetchTimeoutSeconds) * 1000,
      maxBytes: (raw.CITEBOT_FETCH_MAX_KB ?? DEFAULTS.fetchMaxKb) * 1024,
      maxRedirects: raw.CITEBOT_FETCH_MAX_REDIRECTS ?? DEFAULTS.fetchMaxRedirects,
    },
  };
}
