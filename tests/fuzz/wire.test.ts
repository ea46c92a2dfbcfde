// The same hostile input on the wire: the real gateway bot against the fake Discord, so
// what is checked is the JSON discord.js actually sends (allowed_mentions included), not
// only what the handlers return. Few runs: each is a full interaction round trip.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonInteraction, chatInputInteraction, messageContextMenuInteraction, userPayload } from '../fake-discord/index.js';
import { startBotOnFake, STEP_MS, type BotOnFake } from '../support/discordBot.js';
import { MENTIONS, mixed, NASTY, pingProblem, visibleTexts } from './inputs.js';
import type { MessageBody } from '../../src/discord/reply.js';

let h: BotOnFake;

beforeAll(async () => {
  h = await startBotOnFake();
}, 20_000);

afterAll(async () => {
  await h?.stop();
});

const RUNS = 12;
/** Injection around a question the corpus answers, so both the answer and the no-answer views get exercised. */
const injected = fc
  .tuple(
    fc.array(fc.constantFrom(...MENTIONS), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('how many IoT enterprises in Wuxi', 'who is the vice-mayor of Wuxi', ''),
    mixed,
  )
  .map(([mentions, question, noise]) => `${mentions.join(' ')} ${question} ${noise}`.slice(0, 500));

/** The message body of whatever the bot sent for this interaction: the reply, or the edit of a deferred one. */
async function sentBody(interactionId: string, token: string): Promise<Record<string, unknown>> {
  const reply = await h.fake.awaitInteractionReply(interactionId, STEP_MS);
  if (reply.type !== 5) return reply.data as Record<string, unknown>;
  const edit = await h.fake.waitForRequest(
    (r) => r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`) && r.status === 200,
    STEP_MS,
    { includePast: true },
  );
  return edit.body as Record<string, unknown>;
}

function expectSafe(body: Record<string, unknown>, sharerId?: string) {
  expect(body.allowed_mentions).toEqual({ parse: [] });
  for (const piece of visibleTexts(body as MessageBody)) expect(pingProblem(piece, sharerId ? [sharerId] : [])).toBeNull();
}

describe('hostile input through the real gateway bot', () => {
  it('/ask public:true with mention and markdown injection: sent with allowed mentions none, nothing live', async () => {
    await fc.assert(
      fc.asyncProperty(injected, async (question) => {
        const scope = h.fake.guildScope({ user: userPayload() });
        const payload = h.fake.sendInteraction(chatInputInteraction(scope, { name: 'ask', options: { question, public: true } }));
        expectSafe(await sentBody(payload.id, payload.token));
      }),
      { numRuns: RUNS, examples: [['@everyone @here <@123> <@&456> <#789> how many IoT enterprises in Wuxi ```']] },
    );
  });

  it('Find source on a hostile message (up to 6,000 characters): deferred, filled safely', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NASTY), async (content) => {
        const scope = h.fake.guildScope({ user: userPayload() });
        const payload = h.fake.sendInteraction(messageContextMenuInteraction(scope, { name: 'Find source', target: { content } }));
        expectSafe(await sentBody(payload.id, payload.token));
      }),
      { numRuns: RUNS },
    );
  });

  it('Share pressed by someone named @everyone posts publicly with nobody pinged', async () => {
    const article = h.bot.app.engine.corpus.articles[0]!;
    const user = userPayload({ username: '@everyone', global_name: '@here <@&456>' });
    const payload = h.fake.sendInteraction(buttonInteraction(h.fake.guildScope({ user }), { customId: `share:${article.id}:0` }));
    const body = await sentBody(payload.id, payload.token);
    expect(body.content).toBe(`Shared by <@${user.id}>`);
    expectSafe(body, user.id);
  });

  it('saw no bot errors and no unknown routes', () => {
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
    expect(h.fake.unknownRequests).toEqual([]);
  });
});
