// Every setting citebot reads, validated with zod, with a message that says what to do.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS } from './logLevels.js';

const snowflake = (what: string) => z.string().regex(/^\d{17,20}$/, `must be ${what}: a Discord id of 17-20 digits`);

/**
 * The schema of every setting, made when first needed: building it with zod is ~10 ms, and a
 * command with none of its settings set (a plain `citebot ask`) has nothing to check.
 */
let schema: ReturnType<typeof buildEnvSchema> | undefined;
export const envSchema = () => (schema ??= buildEnvSchema());

function buildEnvSchema() {
  const token = z
    .string()
    .refine((t) => !/^Bot\s/i.test(t), 'must be the token alone, without the "Bot " prefix')
    .refine(
      (t) => /^[\w-]{10,}\.[\w-]{4,}\.[\w-]{4,}$/.test(t) || /^Bot\s/i.test(t),
      'does not look like a bot token (three parts separated by dots): copy it again from the Developer Portal → your application → Bot → Reset Token',
    );

  const wholeNumber = (min: number) =>
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .refine((n) => n >= min, `must be ${min} or more`);

  /** Discord shows it as 64 hex characters; verifying signatures needs exactly those 32 bytes. */
  const publicKey = z
    .string()
    .regex(
      /^[0-9a-fA-F]{64}$/,
      "must be your application's public key: 64 hexadecimal characters (Developer Portal → your application → General Information → Public Key)",
    );

  const port = z
    .string()
    .regex(/^\d{1,5}$/, 'must be a port number from 0 to 65535 (0 picks a free port)')
    .transform(Number)
    .refine((n) => n <= 65_535, 'must be a port number from 0 to 65535 (0 picks a free port)');

  const folder = z
    .string()
    .transform((p) => resolve(p))
    .refine((p) => existsSync(p) && statSync(p).isDirectory(), 'must be an existing folder of corpus articles');

  /** The raw variables; empty strings count as unset (a blank `DISCORD_GUILD_ID=` line in .env). */
  return z.object({
    DISCORD_TOKEN: token.optional(),
    DISCORD_APPLICATION_ID: snowflake("your application's id (Developer Portal → General Information → Application ID)").optional(),
    DISCORD_GUILD_ID: snowflake('a server id (enable Developer Mode, right-click the server → Copy Server ID)').optional(),
    DISCORD_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://discord.com/api' }).optional(),
    CITEBOT_CORPUS: folder.optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
    CITEBOT_RATE_LIMIT: wholeNumber(0).optional(),
    CITEBOT_RATE_WINDOW_SECONDS: wholeNumber(1).optional(),
    // Live reload of the corpus (bot, serve, console).
    CITEBOT_WATCH: z.enum(['on', 'off'], { error: 'must be on or off' }).optional(),
    CITEBOT_WATCH_DEBOUNCE_MS: wholeNumber(0).optional(),
    CITEBOT_REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379' })
      .optional(),
    // "Not it?" feedback (every command that answers, and `citebot feedback`).
    CITEBOT_FEEDBACK: z
      .enum(['on', 'off'], { error: 'must be on or off (off: "Not it?" still shows other sentences, but nothing is recorded)' })
      .optional(),
    CITEBOT_FEEDBACK_FILE: z
      .string()
      .refine((p) => !p.endsWith('/'), 'must be a file path (e.g. data/feedback.jsonl), not a folder')
      .transform((p) => resolve(p))
      .refine((p) => !existsSync(p) || statSync(p).isFile(), 'must be a file path; that path is a folder or something else')
      .optional(),
    // HTTP interactions mode (`citebot serve`).
    DISCORD_PUBLIC_KEY: publicKey.optional(),
    CITEBOT_HTTP_PORT: port.optional(),
    CITEBOT_HTTP_HOST: z
      .string()
      .regex(/^[\w.:-]+$/, 'must be a host name or IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0')
      .optional(),
    CITEBOT_HTTP_MAX_BODY_KB: wholeNumber(1).optional(),
    CITEBOT_HTTP_DRAIN_SECONDS: wholeNumber(0).optional(),
    // Fetching pages and feeds (`citebot ingest URL`, `--feed`).
    CITEBOT_FETCH_TIMEOUT_SECONDS: wholeNumber(1).optional(),
    CITEBOT_FETCH_MAX_KB: wholeNumber(1).optional(),
    CITEBOT_FETCH_MAX_REDIRECTS: wholeNumber(0).optional(),
  });
}

export type RawEnv = z.output<ReturnType<typeof envSchema>>;

export const DEFAULTS = {
  logLevel: 'info',
  /** Five requests in ten seconds: generous for a person, a brake on scripts and loops. */
  rateLimitMax: 5,
  rateLimitWindowSeconds: 10,
  httpPort: 8080,
  /** Loopback unless told otherwise: the usual place is behind a reverse proxy on the same host. */
  httpHost: '127.0.0.1',
  /** Interaction payloads are a few KiB; a context-menu target with embeds stays far below this. */
  httpMaxBodyKb: 128,
  /** Reload after the corpus folder has been quiet this long: an ingest or an editor's save is several writes in a row. */
  watchDebounceMs: 1000,
  /** After SIGTERM, keep answering this long while /healthz says 503, so a balancer polling it moves traffic away first. */
  httpDrainSeconds: 5,
  /** A news page or feed arrives in a few seconds even from a slow site; past this it is not coming. */
  fetchTimeoutSeconds: 20,
  /** News pages are 50 KB-2 MB of HTML; 5 MB leaves room without reading whatever a server sends. */
  fetchMaxKb: 5120,
  /** Browsers follow 20; a news link takes one or two (http → https, a short link). */
  fetchMaxRedirects: 5,
} as const;

/** Why each variable matters, for "missing" messages. */
export const REQUIRED_HELP: Record<'DISCORD_TOKEN' | 'DISCORD_APPLICATION_ID' | 'DISCORD_PUBLIC_KEY', string> = {
  DISCORD_TOKEN: 'the bot token (Developer Portal → your application → Bot → Reset Token)',
  DISCORD_APPLICATION_ID: 'the application id (Developer Portal → your application → General Information)',
  DISCORD_PUBLIC_KEY:
    "the application's public key, which signs every interaction Discord sends (Developer Portal → your application → General Information → Public Key)",
};
