// Gateway mode for larger bots, next to HTTP mode: `citebot bot --shards auto` runs
// discord.js's ShardingManager, which asks Discord (here the fake, through
// DISCORD_API_URL) how many shards to run and forks `citebot bot` once per shard.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { chatInputInteraction, FakeDiscord } from '../fake-discord/index.js';
import { citebotAsync, emptyFolder, startCitebot } from '../support/cli.js';
import { TOKEN } from '../support/discordBot.js';

const CWD = emptyFolder();

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: TOKEN });
});

afterAll(async () => {
  await fake?.stop();
});

describe('citebot bot --shards', () => {
  it('auto: spawns the recommended shards, answers through them, and stops them all on SIGTERM', async () => {
    const manager = startCitebot(['bot', '--shards', 'auto'], {
      cwd: CWD,
      env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl },
    });
    onTestFailed(() => console.error(`citebot bot --shards auto wrote:\n${manager.stderr()}`));
    try {
      await expect.poll(() => manager.logs().some((l) => l.msg === 'all shards ready'), { timeout: 20_000 }).toBe(true);
      expect(fake.identifyCount).toBe(1); // the fake recommends one shard
      const payload = fake.sendInteraction(
        chatInputInteraction(fake.guildScope(), { name: 'ask', options: { question: 'how many IoT enterprises in Wuxi' } }),
      );
      const reply = await fake.awaitInteractionReply(payload.id, 5_000);
      expect(reply.data.embeds?.[0]?.description).toContain('3,657 IoT enterprises');
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
