import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/configError.js';
import { loadConfig, parseEnvBasic } from '../../src/config/loadConfig.js';
import { envSchema } from '../../src/config/schema.js';
import { tempFolders } from '../support/cli.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.abcd.efghij';
const APP = '123456789012345678';
const sampleEnv = fileURLToPath(new URL('./fixtures/sample.env', import.meta.url));

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('the bot needs a token and an application id, one clear message each', () => {
    const problems = problemsOf(() => loadConfig('discord', { env: {}, envFile: null }));
    expect(problems).toEqual([
      expect.stringMatching(/^DISCORD_TOKEN is missing: the bot token \(Developer Portal/),
      expect.stringMatching(/^DISCORD_APPLICATION_ID is missing: the application id/),
    ]);
    expect(() => loadConfig('discord', { env: {}, envFile: null })).toThrow(
      /Set these in the environment or in \.env \(every variable is described in \.env\.example\)/,
    );
  });

  it('names every malformed value', () => {
    const problems = problemsOf(() =>
      loadConfig('discord', {
        env: {
          DISCORD_TOKEN: `Bot ${TOKEN}`,
          DISCORD_APPLICATION_ID: 'my-app',
          DISCORD_GUILD_ID: '12',
          DISCORD_API_URL: 'ftp://example.invalid',
          CITEBOT_CORPUS: '/no/such/folder',
          LOG_LEVEL: 'loud',
          CITEBOT_RATE_LIMIT: '-1',
          CITEBOT_RATE_WINDOW_SECONDS: '0',
        },
        envFile: null,
      }),
    );
    expect(problems).toEqual([
      'DISCORD_TOKEN must be the token alone, without the "Bot " prefix',
      expect.stringMatching(/^DISCORD_APPLICATION_ID must be your application's id/),
      expect.stringMatching(/^DISCORD_GUILD_ID must be a server id/),
      'DISCORD_API_URL must be an http(s) URL, e.g. https://discord.com/api',
      'CITEBOT_CORPUS must be an existing folder of corpus articles',
      'LOG_LEVEL must be one of debug, info, warn, error, silent',
      'CITEBOT_RATE_LIMIT must be a whole number',
      'CITEBOT_RATE_WINDOW_SECONDS must be 1 or more',
    ]);
  });

  it('explains a token that is not shaped like one', () => {
    expect(
      problemsOf(() => loadConfig('discord', { env: { DISCORD_TOKEN: 'hunter2', DISCORD_APPLICATION_ID: APP }, envFile: null })),
    ).toEqual([expect.stringMatching(/^DISCORD_TOKEN does not look like a bot token/)]);
  });

  it('has sensible defaults', () => {
    const config = loadConfig('discord', { env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP }, envFile: null });
    expect(config).toMatchObject({ token: TOKEN, applicationId: APP, logLevel: 'info', rateLimit: { max: 5, windowMs: 10_000 } });
    expect(config.apiUrl).toBeUndefined();
    expect(config.guildId).toBeUndefined();
    expect(config.corpusDir).toMatch(/corpus$/);
  });

  it('reads .env, with the environment winning and blank values unset', () => {
    const config = loadConfig('discord', { env: { LOG_LEVEL: 'warn', DISCORD_API_URL: 'http://127.0.0.1:9/api/' }, envFile: sampleEnv });
    expect(config.token).toBe('MTIzNDU2Nzg5MDEyMzQ1Njc4.from.envfile');
    expect(config.applicationId).toBe(APP);
    expect(config.guildId).toBeUndefined();
    expect(config.logLevel).toBe('warn');
    expect(config.rateLimit.max).toBe(7);
    expect(config.apiUrl).toBe('http://127.0.0.1:9/api'); // discord.js appends /v10 itself
  });

  it('the console needs no Discord settings at all', () => {
    expect(loadConfig('local', { env: {}, envFile: null }).logLevel).toBe('info');
  });

  it('the fallback .env parser (Node 20 before 20.12) reads the same file the same way', () => {
    const text = 'A=1\n# comment\nexport B="two words"\nC=\'x\' \nD=plain # trailing\n\nE\n';
    expect(parseEnvBasic(text)).toEqual({ A: '1', B: 'two words', C: 'x', D: 'plain' });
  });

  it('.env.example documents every variable, and copied as is it runs the console and names what the bot lacks', () => {
    const example = readFileSync('.env.example', 'utf8');
    for (const key of Object.keys(envSchema().shape)) expect(example).toMatch(new RegExp(`^${key}=`, 'm'));
    expect(loadConfig('local', { env: {}, envFile: '.env.example' }).rateLimit.max).toBe(5);
    expect(problemsOf(() => loadConfig('discord', { env: {}, envFile: '.env.example' }))).toHaveLength(2);
  });
});

describe('settings, read the same way by every command', () => {
  const folders = tempFolders('citebot-config-');
  afterAll(() => folders.removeAll());
  const KEY = 'ab'.repeat(32);
  const names = (problems: string[]) => problems.map((p) => p.split(' ')[0]);

  it('only the settings a command reads are validated: a malformed token or key stops only the mode that uses it', () => {
    const env = {
      DISCORD_TOKEN: 'hunter2',
      DISCORD_PUBLIC_KEY: 'not-hex',
      CITEBOT_HTTP_PORT: 'eighty',
      CITEBOT_RATE_LIMIT: '-1',
      LOG_LEVEL: 'loud',
    };
    const local = () => loadConfig('local', { env: { ...env, LOG_LEVEL: 'warn' }, envFile: null });
    expect(local).not.toThrow();
    expect(local()).not.toHaveProperty('token');
    expect(local()).not.toHaveProperty('publicKey');
    expect(loadConfig('corpus', { env, envFile: null }).corpusDir).toMatch(/corpus$/);
    expect(names(problemsOf(() => loadConfig('http', { env, envFile: null })))).toEqual([
      'LOG_LEVEL',
      'CITEBOT_RATE_LIMIT',
      'DISCORD_PUBLIC_KEY',
      'CITEBOT_HTTP_PORT',
    ]);
    expect(
      names(problemsOf(() => loadConfig('discord', { env: { ...env, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP }, envFile: null }))),
    ).toEqual(['LOG_LEVEL', 'CITEBOT_RATE_LIMIT']);
  });

  it('CITEBOT_CORPUS from .env, relative to the folder of .env, for every kind of command; the environment over it; --corpus over both', () => {
    const root = folders.make();
    mkdirSync(join(root, 'my-corpus'));
    const envFile = join(root, '.env');
    writeFileSync(envFile, 'CITEBOT_CORPUS=my-corpus\n');
    const secrets = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_PUBLIC_KEY: KEY };
    for (const needs of ['corpus', 'local', 'discord', 'http'] as const) {
      expect(loadConfig(needs as 'local', { env: secrets, envFile }).corpusDir, needs).toBe(join(root, 'my-corpus'));
    }
    const other = folders.make();
    expect(loadConfig('corpus', { env: { CITEBOT_CORPUS: other }, envFile }).corpusDir).toBe(other);
    // --corpus replaces a CITEBOT_CORPUS that no longer exists rather than stopping at it.
    expect(
      loadConfig('discord', { env: { ...secrets, CITEBOT_CORPUS: '/no/such/folder' }, envFile, corpus: 'elsewhere', indexFile: 'x.idx' }),
    ).toMatchObject({
      corpusDir: resolve('elsewhere'),
      indexFile: resolve('x.idx'),
    });
  });

  it('"Not it?" feedback: on, into data/feedback.jsonl in the repository, unless told otherwise; a path in .env is relative to it', () => {
    const repository = fileURLToPath(new URL('../../', import.meta.url));
    expect(loadConfig('local', { env: {}, envFile: null }).feedback).toEqual({
      enabled: true,
      file: join(repository, 'data', 'feedback.jsonl'),
    });
    const root = folders.make();
    const envFile = join(root, '.env');
    writeFileSync(envFile, 'CITEBOT_FEEDBACK=off\nCITEBOT_FEEDBACK_FILE=kept/feedback.jsonl\n');
    const secrets = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_PUBLIC_KEY: KEY };
    for (const needs of ['local', 'discord', 'http'] as const) {
      expect(loadConfig(needs as 'local', { env: secrets, envFile }).feedback, needs).toEqual({
        enabled: false,
        file: join(root, 'kept', 'feedback.jsonl'),
      });
    }
    expect(
      problemsOf(() => loadConfig('local', { env: { CITEBOT_FEEDBACK: 'maybe', CITEBOT_FEEDBACK_FILE: root }, envFile: null })),
    ).toEqual([
      'CITEBOT_FEEDBACK must be on or off (off: "Not it?" still shows other sentences, but nothing is recorded)',
      'CITEBOT_FEEDBACK_FILE must be a file path; that path is a folder or something else',
    ]);
    // A command that only reads the corpus never stops at it.
    expect(() => loadConfig('corpus', { env: { CITEBOT_FEEDBACK: 'maybe' }, envFile: null })).not.toThrow();
  });
});

describe('live reload settings', () => {
  it('watch the corpus by default, 1000 ms after the last change; CITEBOT_WATCH=off and the debounce are read by the bot, serve and the console', () => {
    expect(loadConfig('local', { env: {}, envFile: null }).reload).toEqual({ watch: true, debounceMs: 1000 });
    const env = { CITEBOT_WATCH: 'off', CITEBOT_WATCH_DEBOUNCE_MS: '250' };
    expect(loadConfig('local', { env, envFile: null }).reload).toEqual({ watch: false, debounceMs: 250 });
    expect(loadConfig('discord', { env: { ...env, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP }, envFile: null }).reload.watch).toBe(
      false,
    );
    expect(
      problemsOf(() => loadConfig('local', { env: { CITEBOT_WATCH: 'yes', CITEBOT_WATCH_DEBOUNCE_MS: 'soon' }, envFile: null })),
    ).toEqual(['CITEBOT_WATCH must be on or off', 'CITEBOT_WATCH_DEBOUNCE_MS must be a whole number']);
  });
});
