// `citebot bot` itself, as a process: configured from the environment, answering through
// the fake Discord, and shutting down cleanly on SIGTERM; with `--shards auto`, discord.js's
// ShardingManager asks Discord (here the fake, through DISCORD_API_URL) how many shards to
// run and forks `citebot bot` once per shard. Plus the CLI's start-up errors.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { chatInputInteraction, FakeDiscord } from '../fake-discord/index.js';
import { citebot, citebotAsync, startCitebot, tempFolders } from '../support/cli.js';
import { STEP_MS, TOKEN } from '../support/discordBot.js';
import { freePort } from '../support/serveProcess.js';

// A folder without a .env, so a developer's own .env cannot leak into these runs.
const folders = tempFolders('citebot-bot-');
const CWD = folders.make();

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: TOKEN });
});

afterAll(async () => {
  await fake?.stop();
  folders.removeAll();
});

describe('citebot bot', () => {
  it('connects, answers /ask, and stops cleanly on SIGTERM with structured logs', async () => {
    const bot = startCitebot(['bot'], {
      cwd: CWD,
      env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl },
    });
    try {
      await expect.poll(() => bot.stderr().includes('"msg":"bot ready"'), { timeout: 15_000 }).toBe(true);
      const payload = fake.sendInteraction(
        chatInputInteraction(fake.guildScope(), { name: 'ask', options: { question: 'how many IoT enterprises in Wuxi' } }),
      );
      const reply = await fake.awaitInteractionReply(payload.id, STEP_MS);
      expect(reply.ephemeral).toBe(true);
      expect(reply.data.embeds?.[0]?.description).toContain('**3,657** IoT enterprises');
      expect(reply.data.embeds?.[0]?.description).toContain('18 Dec 2020');
    } finally {
      expect(await bot.stop('SIGTERM')).toBe(0);
    }
    const lines = bot.logs();
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['engine loaded', 'bot ready', 'interaction answered', 'shutting down', 'bot stopping', 'bot stopped']),
    );
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  }, 30_000);

  it('without configuration, says what is missing and exits 1 (no stack trace)', () => {
    const result = citebot(['bot'], { cwd: CWD, timeoutMs: 15_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^citebot: the configuration is not usable:\n {2}- DISCORD_TOKEN is missing: .+\n {2}- DISCORD_APPLICATION_ID is missing: .+\nSet these in the environment or in \.env/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('bot --shards 2 that cannot reach Discord ends at once, saying Discord could not be reached', async () => {
    // A port nothing listens on: connections are refused.
    const port = await freePort();
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: `http://127.0.0.1:${port}/api` };
    const started = Date.now();
    const result = await citebotAsync(['bot', '--shards', '2'], { cwd: CWD, env });
    expect(result.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000); // not the manager's 60 s ready timeout
    expect(result.stderr).toMatch(/citebot: cannot reach Discord: connect ECONNREFUSED/);
    expect(result.stderr).toMatch(
      /citebot: Shard 0's process exited before its Client became ready\. The shard's own message above says why: usually that Discord could not be reached/,
    );
    expect(result.stderr).not.toMatch(/unexpected error|\n\s+at /);
  }, 40_000);

  it('deploy-commands refuses a malformed --guild', () => {
    const result = citebot(['deploy-commands', '--guild', 'general'], { cwd: CWD, timeoutMs: 15_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('citebot: --guild must be a server id (17-20 digits), got "general"\n');
  });
});

describe('citebot bot --shards', () => {
  it('auto: spawns the recommended shards, answers through them, and stops them all on SIGTERM', async () => {
    const identifiedBefore = fake.identifyCount;
    const manager = startCitebot(['bot', '--shards', 'auto'], {
      cwd: CWD,
      env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl },
    });
    onTestFailed(() => console.error(`citebot bot --shards auto wrote:\n${manager.stderr()}`));
    try {
      await expect.poll(() => manager.logs().some((l) => l.msg === 'all shards ready'), { timeout: 20_000 }).toBe(true);
      expect(fake.identifyCount - identifiedBefore).toBe(1); // the fake recommends one shard
      const payload = fake.sendInteraction(
        chatInputInteraction(fake.guildScope(), { name: 'ask', options: { question: 'how many IoT enterprises in Wuxi' } }),
      );
      const reply = await fake.awaitInteractionReply(payload.id, 5_000);
      expect(reply.data.embeds?.[0]?.description).toContain('**3,657** IoT enterprises');
      expect(reply.data.embeds?.[0]?.description).toContain('18 Dec 2020');
    } finally {
      expect(await manager.stop('SIGTERM')).toBe(0);
    }
    const lines = manager.logs();
    // The shard's own lines carry its id; it drained and disconnected before the manager finished.
    expect(lines.find((l) => l.msg === 'bot ready')).toMatchObject({ shard: 0 });
    expect(lines.find((l) => l.msg === 'shutting down' && l.shard === 0)).toMatchObject({ signal: 'SIGTERM' });
    const msgs = lines.map((l) => l.msg);
    expect(msgs.indexOf('bot stopped')).toBeGreaterThan(-1);
    expect(msgs.indexOf('bot stopped')).toBeLessThan(msgs.indexOf('all shards stopped'));
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(lines.filter((l) => l.msg === 'shard process exited; restarting it')).toEqual([]);
  }, 30_000);

  it('refuses a shard count that is not a number or auto', async () => {
    const { status, stderr } = await citebotAsync(['bot', '--shards', 'many'], { cwd: CWD });
    expect(status).toBe(2);
    expect(stderr).toBe('citebot: --shards must be a whole number of 1 or more, or auto; got "many"\n');
  });
});
