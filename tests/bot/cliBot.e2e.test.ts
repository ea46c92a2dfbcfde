// `citebot bot` itself, as a process: configured from the environment, answering through
// the fake Discord, and shutting down cleanly on SIGTERM. Plus the CLI's start-up errors.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatInputInteraction, FakeDiscord } from '../fake-discord/index.js';
import { STEP_MS, TOKEN } from './harness.js';

const BIN = fileURLToPath(new URL('../../bin/citebot.js', import.meta.url));
// A folder without a .env, so a developer's own .env cannot leak into these runs.
const CWD = fileURLToPath(new URL('./fixtures/', import.meta.url));

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('DISCORD_') || key.startsWith('CITEBOT_') || key === 'LOG_LEVEL') delete env[key];
  return { ...env, ...extra };
}

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: TOKEN });
});

afterAll(async () => {
  await fake?.stop();
});

describe('citebot bot', () => {
  it('connects, answers /ask, and stops cleanly on SIGTERM with structured logs', async () => {
    const child = spawn(process.execPath, [BIN, 'bot'], {
      cwd: CWD,
      env: cleanEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit');
    try {
      await expect.poll(() => stderr.includes('"msg":"bot ready"'), { timeout: 15_000 }).toBe(true);
      const payload = fake.sendInteraction(chatInputInteraction(fake.guildScope(), { name: 'ask', options: { question: 'how many IoT enterprises in Wuxi' } }));
      const reply = await fake.awaitInteractionReply(payload.id, STEP_MS);
      expect(reply.ephemeral).toBe(true);
      expect(reply.data.embeds?.[0]?.description).toContain('3,657 IoT enterprises');
      expect(reply.data.embeds?.[0]?.description).toContain('18 Dec 2020');
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
    const lines = stderr.trim().split('\n').map((l) => JSON.parse(l) as { level: string; msg: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['engine loaded', 'bot ready', 'interaction answered', 'shutting down', 'bot stopping', 'bot stopped']));
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  }, 30_000);

  it('without configuration, says what is missing and exits 1 (no stack trace)', () => {
    const result = spawnSync(process.execPath, [BIN, 'bot'], { cwd: CWD, env: cleanEnv(), encoding: 'utf8', timeout: 15_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^citebot: the configuration is not usable:\n {2}- DISCORD_TOKEN is missing: .+\n {2}- DISCORD_APPLICATION_ID is missing: .+\nSet these in the environment or in \.env/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('bot --shards 2 that cannot reach Discord ends at once, saying Discord could not be reached', async () => {
    // A port nothing listens on: connections are refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const env = cleanEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: `http://127.0.0.1:${port}/api` });
    const started = Date.now();
    const result = spawnSync(process.execPath, [BIN, 'bot', '--shards', '2'], { cwd: CWD, env, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000); // not the manager's 60 s ready timeout
    expect(result.stderr).toMatch(/citebot: cannot reach Discord: connect ECONNREFUSED/);
    expect(result.stderr).toMatch(/citebot: Shard 0's process exited before its Client became ready\. The shard's own message above says why: usually that Discord could not be reached/);
    expect(result.stderr).not.toMatch(/unexpected error|\n\s+at /);
  }, 40_000);

  it('deploy-commands refuses a malformed --guild', () => {
    const result = spawnSync(process.execPath, [BIN, 'deploy-commands', '--guild', 'general'], { cwd: CWD, env: cleanEnv(), encoding: 'utf8', timeout: 15_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('citebot: --guild must be a server id (17-20 digits), got "general"\n');
  });
});
