// `citebot serve` as operators meet it: a clean shutdown that finishes what is in flight
// (requests still arriving and deferred replies still to deliver), a clear message for
// each configuration mistake, and the one piece of per-instance state: the rate limit.
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatInputInteraction, FakeDiscord, messageContextMenuInteraction } from '../fake-discord/index.js';
import { citebotAsync, tempFolders } from '../support/cli.js';
import { makeKeyPair, signatureHeaders } from '../support/discordSigning.js';
import { deliver } from '../support/httpDiscord.js';
import { httpRequest, startServe, type HttpResult } from '../support/serveProcess.js';
import { startSignedStream } from '../support/signedStream.js';

let fake: FakeDiscord;
const folders = tempFolders('citebot-serve-');

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.stop();
  folders.removeAll();
});

describe('graceful shutdown', () => {
  it('on SIGTERM drains, stops accepting, finishes a request still arriving and a deferred reply still owed, then exits 0', async () => {
    const server = await startServe({ env: { DISCORD_API_URL: fake.apiUrl, CITEBOT_RATE_LIMIT: '0', CITEBOT_HTTP_DRAIN_SECONDS: '1' } });
    // A deferred reply whose webhook call Discord is slow to accept (registered first, so this delay wins).
    const deferredPayload = messageContextMenuInteraction(fake.guildScope(), {
      name: 'Find source',
      target: { content: 'Wuxi has 3,657 IoT firms' },
    });
    fake.injectFault({ match: (r) => r.method === 'PATCH' && r.path.includes(deferredPayload.token), delayMs: 2_000 });
    const deferred = await deliver(server, fake, deferredPayload);
    expect(deferred.response.type).toBe(5);

    // A request whose body is only half sent when the signal comes.
    const body = JSON.stringify({ type: 1, id: 'late', token: 't', application_id: fake.applicationId, version: 1 });
    // Expect: 100-continue makes the server say when it has the request (Node answers
    // "100 Continue" as it hands the request to citebot), so the signal comes after that.
    const req = request(`${server.url}/interactions`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        expect: '100-continue',
        ...signatureHeaders(server.keys, body),
      },
    });
    const continued = once(req, 'continue');
    const answer = new Promise<HttpResult>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on('error', reject);
    });
    req.flushHeaders();
    await continued;
    req.write(body.slice(0, 10));

    const exited = once(server.child, 'exit');
    server.child.kill('SIGTERM');
    await expect
      .poll(() => server.logs().find((l) => l.msg === 'server stopping'), { timeout: 5_000 })
      .toMatchObject({ inFlight: 2, drainMs: 1_000 });
    // Draining: still accepting, but telling balancers to go elsewhere.
    const health = await httpRequest(`${server.url}/healthz`);
    expect(health).toMatchObject({ status: 503, body: '{"status":"stopping"}' });
    expect(health.headers.connection).toBe('close');
    // Then no new connections.
    await expect.poll(() => server.logs().some((l) => l.msg === 'server closed to new connections'), { timeout: 5_000 }).toBe(true);
    await expect(httpRequest(`${server.url}/healthz`)).rejects.toThrow(/ECONNREFUSED/);

    req.end(body.slice(10));
    const late = await answer;
    expect(late.status).toBe(200);
    expect(JSON.parse(late.body)).toEqual({ type: 1 });
    expect(late.headers.connection).toBe('close');

    const [code] = await exited;
    expect(code).toBe(0);
    // It waited for the slow webhook: the deferred reply was delivered before the exit.
    const edit = fake.requests.find((r) => r.method === 'PATCH' && r.path.includes(deferredPayload.token));
    expect(edit?.status).toBe(200);
    const msgs = server.logs().map((l) => l.msg);
    expect(msgs.indexOf('server stopping')).toBeLessThan(msgs.indexOf('server stopped'));
    expect(server.logs().filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);
  });
});

describe('draining under keep-alive load', () => {
  const DRAIN_SECONDS = 3;

  it('SIGTERM mid-stream: /healthz is 503 at once, every fully sent request is answered (Connection: close while draining), exit 0', async () => {
    const server = await startServe({
      env: { DISCORD_API_URL: fake.apiUrl, CITEBOT_RATE_LIMIT: '0', CITEBOT_HTTP_DRAIN_SECONDS: String(DRAIN_SECONDS) },
    });
    const questions = ['how many IoT enterprises in Wuxi', 'when was the World Internet of Things Expo held', 'who is the mayor of Wuxi'];
    let asked = 0;
    const stream = startSignedStream({
      url: `${server.url}/interactions`,
      keys: server.keys,
      workers: 16,
      agent: () => new Agent({ keepAlive: true, maxSockets: 1 }),
      payload: () =>
        chatInputInteraction(fake.guildScope(), { name: 'ask', options: { question: questions[asked++ % questions.length]! } }),
    });
    // A keep-alive connection that sits idle through the drain: closed after it, never under a request.
    const idle = new Agent({ keepAlive: true, maxSockets: 1 });
    const warm = await new Promise<Socket>((resolve) => {
      const req = request(`${server.url}/healthz`, { agent: idle }, (res) => res.resume().on('end', () => resolve(req.socket!)));
      req.end();
    });
    let idleClosedAt = 0;
    warm.on('close', () => (idleClosedAt = performance.now()));

    await expect.poll(() => stream.outcomes.length, { timeout: 10_000 }).toBeGreaterThan(100);
    const exited = once(server.child, 'exit');
    const signalledAt = performance.now();
    server.child.kill('SIGTERM');
    // The clients play a load balancer: keep-alive connections, requests back to back, a
    // /healthz poll; once it says 503 they keep sending for half the drain delay (a balancer
    // takes a moment to act), then send elsewhere. The server must answer all of it. (A client
    // still opening connections when the listener closes can lose a request the kernel had
    // queued for it: the drain delay exists so that none does.)
    let unhealthyAt = 0;
    while (!unhealthyAt) {
      const health = await httpRequest(`${server.url}/healthz`);
      if (health.status === 503) unhealthyAt = performance.now();
      else await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, (DRAIN_SECONDS * 1000) / 2));
    await stream.stop();
    const [code] = await exited;
    expect(code).toBe(0);
    expect(unhealthyAt - signalledAt).toBeLessThan(1_000); // at once, give or take the 16 requests queued ahead of it

    const outcomes = stream.outcomes;
    expect(outcomes.every((o) => o.sent)).toBe(true);
    expect(outcomes.filter((o) => o.status === undefined)).toEqual([]); // every one of them got a response
    expect(outcomes.filter((o) => o.status !== 200 || !JSON.parse(o.body!).data)).toEqual([]);
    const before = outcomes.filter((o) => o.endedAt < signalledAt);
    const during = outcomes.filter((o) => o.startedAt > unhealthyAt);
    expect(before.some((o) => o.reusedSocket)).toBe(true); // keep-alive was really in use
    expect(during.length).toBeGreaterThan(50); // answered while draining…
    expect(during.every((o) => o.connection === 'close')).toBe(true); // …each telling its client to reconnect elsewhere
    expect(idleClosedAt - signalledAt).toBeGreaterThan(DRAIN_SECONDS * 1000 - 100);
    expect(server.logs().filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);
    idle.destroy();
  });
});

describe('configuration', () => {
  const run = async (args: string[], env: Record<string, string>) => {
    const { status, stdout, stderr } = await citebotAsync(['serve', ...args], { cwd: folders.make(), env });
    return { code: status, stdout, stderr };
  };

  it('says what is missing or malformed, one line each, and exits without a stack trace', async () => {
    const [missing, malformed, badPort] = await Promise.all([
      run([], {}),
      run([], {
        DISCORD_PUBLIC_KEY: 'not-a-key',
        CITEBOT_HTTP_PORT: '70000',
        CITEBOT_HTTP_MAX_BODY_KB: '0',
        CITEBOT_HTTP_DRAIN_SECONDS: '2.5',
        CITEBOT_REDIS_URL: 'http://127.0.0.1:6379',
      }),
      run(['--port', 'eighty'], { DISCORD_PUBLIC_KEY: makeKeyPair().publicKeyHex }),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^citebot: the configuration is not usable:\n {2}- DISCORD_PUBLIC_KEY is missing: the application's public key, .+General Information → Public Key\)\n/,
    );
    expect(missing.stderr).not.toContain('DISCORD_TOKEN'); // HTTP mode needs no token
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain("  - DISCORD_PUBLIC_KEY must be your application's public key: 64 hexadecimal characters");
    expect(malformed.stderr).toContain('  - CITEBOT_HTTP_PORT must be a port number from 0 to 65535 (0 picks a free port)');
    expect(malformed.stderr).toContain('  - CITEBOT_HTTP_MAX_BODY_KB must be 1 or more');
    expect(malformed.stderr).toContain('  - CITEBOT_HTTP_DRAIN_SECONDS must be a whole number');
    expect(malformed.stderr).toContain('  - CITEBOT_REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379');
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toBe('citebot: --port must be a port number from 0 to 65535 (0 picks a free port), got "eighty"\n');
    for (const result of [missing, malformed, badPort]) {
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('per-instance state: the rate limiter without CITEBOT_REDIS_URL', () => {
  it('each replica counts on its own, so N replicas allow a user N × the limit (sharedRateLimit.e2e.test.ts has the shared one)', async () => {
    const keys = makeKeyPair();
    const env = { DISCORD_API_URL: fake.apiUrl, CITEBOT_RATE_LIMIT: '2', CITEBOT_RATE_WINDOW_SECONDS: '60' };
    const [a, b] = await Promise.all([startServe({ env, keys }), startServe({ env, keys })]);
    try {
      const ask = () => chatInputInteraction(fake.guildScope(), { name: 'ask', options: { question: 'how many IoT enterprises in Wuxi' } });
      const limited = async (server: typeof a) => {
        const answer = JSON.parse((await server.post(ask())).body) as { data: { content?: string; embeds?: unknown[] } };
        return answer.data.embeds === undefined && /asking faster than I can keep up/.test(answer.data.content ?? '');
      };
      expect([await limited(a), await limited(a), await limited(a)]).toEqual([false, false, true]);
      // The same user on the other replica starts from zero.
      expect([await limited(b), await limited(b), await limited(b)]).toEqual([false, false, true]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
