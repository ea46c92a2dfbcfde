// The gateway misbehaving under the real bot: dropped TCP (1006), a server close 4000,
// heartbeat ACKs that stop (a zombie connection), and a session Discord refuses to resume.
// Each time the bot must get a session back (RESUME, or IDENTIFY when it must) and
// answer the next interaction exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatInputInteraction } from '../fake-discord/index.js';
import { ASK_WUXI, callbacksFor, startBotOnFake, STEP_MS, WUXI_ANSWER, type BotOnFake } from '../support/discordBot.js';

let h: BotOnFake;

beforeAll(async () => {
  // A short heartbeat so a missing ACK is noticed within about a second.
  h = await startBotOnFake({ fake: { heartbeatIntervalMs: 500 } });
}, 15_000);

afterAll(async () => {
  await h?.stop();
});

const counts = () => ({ identify: h.fake.identifyCount, resume: h.fake.resumeCount });
const reconnectLogs = () => h.logs.filter((l) => l.msg === 'gateway reconnecting' && l.level === 'warn').length;

/** Resolves once the gateway has a session again; gives up after `timeoutMs`. */
async function sessionsAfter(before: { identify: number; resume: number }, timeoutMs = STEP_MS) {
  await expect
    .poll(() => h.fake.identifyCount + h.fake.resumeCount - before.identify - before.resume, { timeout: timeoutMs, interval: 20 })
    .toBeGreaterThan(0);
  // The fake answers RESUME/IDENTIFY at once (RESUMED or READY), so whatever is dispatched
  // from here on is ordered after it; also wait for the dropped connection to be gone.
  await expect.poll(() => h.bot.client.isReady() && h.fake.gateway.openConnections === 1, { timeout: timeoutMs }).toBe(true);
  return { identify: h.fake.identifyCount - before.identify, resume: h.fake.resumeCount - before.resume };
}

/** The operator can see each drop in the log. */
function expectReconnectLogged(before: number) {
  expect(reconnectLogs()).toBeGreaterThan(before);
}

/** Asks the Wuxi question and checks the reply arrived once, with the answer. */
async function answersOnce(username: string) {
  const payload = chatInputInteraction(h.scope(username), ASK_WUXI);
  const reply = await h.send(payload);
  expect(reply.type).toBe(4);
  expect(reply.data.embeds?.[0]?.description).toContain(WUXI_ANSWER);
  expect(reply.data.allowed_mentions).toEqual({ parse: [] });
  expect(callbacksFor(h.fake, payload.id).map((r) => r.status)).toEqual([204]);
}

describe('gateway faults', () => {
  it('answers before any fault (baseline: one IDENTIFY, no RESUME)', async () => {
    expect(counts()).toEqual({ identify: 1, resume: 0 });
    await answersOnce('baseline');
  });

  it('close 4000 (unknown error): RESUMEs, replays what was sent while down, answers the next', async () => {
    const before = counts();
    const logged = reconnectLogs();
    await h.fake.closeAll(4000);
    // Dispatched while no connection is open: only the RESUME replay can deliver it.
    const missed = h.fake.sendInteraction(chatInputInteraction(h.scope('while-down'), ASK_WUXI));
    expect(await sessionsAfter(before)).toEqual({ identify: 0, resume: 1 });
    const replayed = await h.fake.awaitInteractionReply(missed.id, STEP_MS);
    expect(replayed.data.embeds?.[0]?.description).toContain(WUXI_ANSWER);
    expect(callbacksFor(h.fake, missed.id)).toHaveLength(1);
    expectReconnectLogged(logged);
    await answersOnce('after-4000');
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'gateway resumed', replayed: 1 }));
  });

  it('abrupt TCP drop (client sees 1006): gets exactly one new session back and answers', { timeout: 20_000 }, async () => {
    const before = counts();
    const logged = reconnectLogs();
    await h.fake.closeAll('abrupt');
    // discord.js resumes after 1006, unless the socket reported a network error (ECONNRESET):
    // then it re-IDENTIFYs (a fresh session, possibly after identify throttling). Either is
    // a recovery; what must not happen is none, or both.
    const started = await sessionsAfter(before, 10_000);
    expect(started.identify + started.resume).toBe(1);
    expectReconnectLogged(logged);
    await answersOnce('after-1006');
  });

  it('heartbeat ACKs stop (zombie connection): the bot notices, RESUMEs, answers', async () => {
    const before = counts();
    const logged = reconnectLogs();
    const connectionsBefore = h.fake.gateway.connectionUrls.length;
    h.fake.gateway.stopHeartbeatAcks();
    expect(await sessionsAfter(before)).toEqual({ identify: 0, resume: 1 });
    expect(h.fake.gateway.connectionUrls.length).toBe(connectionsBefore + 1);
    expect(h.fake.gateway.connectionUrls.at(-1)).toMatch(/\/gateway\/resume\?/);
    expectReconnectLogged(logged);
    await answersOnce('after-zombie');
  });

  it('a session Discord will not resume (INVALID_SESSION): re-IDENTIFYs and answers', async () => {
    const before = counts();
    const logged = reconnectLogs();
    h.fake.gateway.invalidateSessions();
    await h.fake.closeAll(4000);
    // RESUME refused → discord.js waits 1-5 s (as Discord asks) before a fresh IDENTIFY.
    await expect.poll(() => h.fake.identifyCount - before.identify, { timeout: 8_000, interval: 50 }).toBe(1);
    await expect.poll(() => h.bot.client.isReady() && h.fake.gateway.openConnections === 1, { timeout: STEP_MS }).toBe(true);
    expect(h.fake.resumeCount - before.resume).toBe(1);
    expectReconnectLogged(logged);
    await answersOnce('after-invalid-session');
  }, 15_000);

  it('logged no errors, and made no request the fake did not know', () => {
    expect(h.fake.unknownRequests).toEqual([]);
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});
