// One rate limit across replicas: two `citebot serve` processes with CITEBOT_REDIS_URL
// pointing at a real redis-server (started here; the test fails, saying how to install it,
// when it is missing) allow a user the limit between them, not twice it. And Redis is a
// brake, not a gate: when it goes away, requests are still answered, with one log line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatInputInteraction, FakeDiscord, userPayload } from '../fake-discord/index.js';
import { startRedis, type RedisServer } from '../support/redisServer.js';
import { makeKeyPair } from '../support/discordSigning.js';
import { startServe, type ServeProcess } from '../support/serveProcess.js';

const LIMIT = 3;
let fake: FakeDiscord;
let redis: RedisServer;
let replicas: ServeProcess[];

beforeAll(async () => {
  fake = await FakeDiscord.start();
  redis = await startRedis();
  const keys = makeKeyPair();
  const env = {
    DISCORD_API_URL: fake.apiUrl,
    CITEBOT_RATE_LIMIT: String(LIMIT),
    CITEBOT_RATE_WINDOW_SECONDS: '60',
    CITEBOT_REDIS_URL: redis.url,
  };
  replicas = await Promise.all([startServe({ env, keys }), startServe({ env, keys })]);
}, 30_000);

afterAll(async () => {
  const codes = await Promise.all((replicas ?? []).map((r) => r.stop()));
  await redis?.stop();
  await fake?.stop();
  expect(codes.every((code) => code === 0)).toBe(true);
});

/** Asks on `server` as `user`: 'answered', 'limited', or what else came back. */
async function ask(server: ServeProcess, user: ReturnType<typeof userPayload>): Promise<string> {
  const payload = chatInputInteraction(fake.guildScope({ user }), {
    name: 'ask',
    options: { question: 'how many IoT enterprises in Wuxi' },
  });
  const started = performance.now();
  const result = await server.post(payload);
  if (performance.now() - started > 1_500) return `slow (${Math.round(performance.now() - started)} ms)`;
  if (result.status !== 200) return `HTTP ${result.status}`;
  const data = (JSON.parse(result.body) as { data: { content?: string; embeds?: { description?: string }[] } }).data;
  if (/asking faster than I can keep up/.test(data.content ?? '')) return 'limited';
  return data.embeds?.some((e) => e.description?.includes('3,657')) ? 'answered' : `unexpected: ${result.body.slice(0, 200)}`;
}

const count = (outcomes: string[]) => Object.fromEntries([...new Set(outcomes)].map((o) => [o, outcomes.filter((x) => x === o).length]));

describe('CITEBOT_REDIS_URL: one limit across replicas', () => {
  it('two replicas together allow a user exactly the limit, taking turns', async () => {
    const [a, b] = replicas as [ServeProcess, ServeProcess];
    const user = userPayload();
    const outcomes = [];
    for (const server of [a, b, a, b, a, b]) outcomes.push(await ask(server, user));
    expect(outcomes).toEqual(['answered', 'answered', 'answered', 'limited', 'limited', 'limited']);
    // Another user has a count of their own.
    expect(await ask(b, userPayload())).toBe('answered');
  });

  it('and when asked all at once on both', async () => {
    const user = userPayload();
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(replicas[i % 2]!, user)));
    expect(count(outcomes)).toEqual({ answered: LIMIT, limited: 10 - LIMIT });
  });

  it('fails open: with Redis gone every request is still answered, one log line says so; the limit is back with Redis', async () => {
    const [a, b] = replicas as [ServeProcess, ServeProcess];
    const port = redis.port;
    await redis.stop();
    const user = userPayload();
    const outcomes = [];
    for (let i = 0; i < 2 * LIMIT + 2; i++) outcomes.push(await ask(i % 2 ? b : a, user));
    expect(outcomes.every((o) => o === 'answered')).toBe(true);
    for (const replica of [a, b]) {
      const warnings = replica.logs().filter((l) => l.level === 'warn' || l.level === 'error');
      expect(warnings.map((l) => l.msg)).toEqual(['rate limit store unavailable: requests are let through until it is back']);
      expect(replica.stderr()).not.toContain(redis.url); // a Redis URL may carry a password
    }

    redis = await startRedis(port);
    await expect
      .poll(
        () =>
          a.logs().some((l) => l.msg.startsWith('rate limit store back')) &&
          b.logs().some((l) => l.msg.startsWith('rate limit store back')),
        { timeout: 10_000 },
      )
      .toBe(true);
    const again = userPayload();
    const limited = [];
    for (let i = 0; i <= LIMIT; i++) limited.push(await ask(i % 2 ? b : a, again));
    expect(limited.at(-1)).toBe('limited');
  });
});
