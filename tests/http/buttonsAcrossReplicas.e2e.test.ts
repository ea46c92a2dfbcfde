// Two `citebot serve` replicas, as behind a load balancer: really signed interactions, and
// every button press sent to the replica that did not make the message. Paging /search
// (whose query travels in the message, not the custom id) and "Not it?" with its feedback
// record (both replicas append to one file) work whichever replica answers.
import type { APIInteraction, APIMessage } from 'discord.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackRecordSchema } from '../../src/app/feedback/feedbackRecord.js';
import { buttonInteraction, chatInputInteraction, FakeDiscord, userPayload } from '../fake-discord/index.js';
import { deliver, type Delivered } from '../support/httpDiscord.js';
import { buttonLabels, customIds } from '../support/messages.js';
import { startServe, type ServeProcess } from '../support/serveProcess.js';

let fake: FakeDiscord;
let a: ServeProcess;
let b: ServeProcess;
let folder: string;
let file: string;
const user = userPayload({ username: 'checker' });

beforeAll(async () => {
  fake = await FakeDiscord.start();
  folder = mkdtempSync(join(tmpdir(), 'citebot-replicas-'));
  file = join(folder, 'feedback.jsonl');
  const env = { DISCORD_API_URL: fake.apiUrl, CITEBOT_RATE_LIMIT: '0', CITEBOT_FEEDBACK: 'on', CITEBOT_FEEDBACK_FILE: file };
  a = await startServe({ env });
  // The same application (same key pair), as replicas are.
  b = await startServe({ env, keys: a.keys });
}, 40_000);

afterAll(async () => {
  const codes = await Promise.all([a?.stop(), b?.stop()]);
  await fake?.stop();
  rmSync(folder, { recursive: true, force: true });
  expect(codes).toEqual([0, 0]);
  for (const server of [a, b]) expect(server.logs().filter((l) => l.level === 'error' || l.msg === 'feedback not recorded')).toEqual([]);
});

async function send(server: ServeProcess, payload: APIInteraction): Promise<Delivered> {
  const delivered = await deliver(server, fake, payload);
  expect(delivered.relayStatus).toBeLessThan(300); // the fake checked it as Discord would
  return delivered;
}

/** The message a reply became, as Discord sends it back with a press on one of its buttons. */
const asMessage = (d: Delivered) => d.response.data as unknown as APIMessage;

function press(server: ServeProcess, message: APIMessage, label: string) {
  const customId = customIds(message)[buttonLabels(message).indexOf(label)];
  expect(customId, `no "${label}" among ${buttonLabels(message).join(', ')}`).toBeDefined();
  return send(server, buttonInteraction(fake.guildScope({ user }), { customId: customId!, message }));
}

describe('buttons answered by the other replica', () => {
  it('/search made by one replica pages on the other, the query read from the message', async () => {
    const query = 'which companies and projects in the IoT industry of Wuxi';
    const search = await send(a, chatInputInteraction(fake.guildScope({ user }), { name: 'search', options: { query } }));
    const first = asMessage(search);
    expect(buttonLabels(first).at(-1)).toBe('Next ▸');
    const next = await press(b, first, 'Next ▸');
    expect(next.response.type).toBe(7); // UPDATE_MESSAGE
    const second = asMessage(next);
    expect(second.content).toBe(`**Search:** ${query}`);
    expect(second.embeds[0]?.fields?.[0]?.name).toMatch(/^6\. /);
    const back = await press(a, second, '◂ Previous');
    expect(asMessage(back).embeds).toEqual(first.embeds);
  });

  it('"Not it?" on the other replica shows the alternatives; both replicas append to one feedback file, whole lines', async () => {
    const question = 'how many IoT enterprises in Wuxi';
    const answer = asMessage(await send(a, chatInputInteraction(fake.guildScope({ user }), { name: 'ask', options: { question } })));
    const notIt = await press(b, answer, 'Not it?');
    expect(notIt.response.type).toBe(4);
    const alternatives = asMessage(notIt);
    expect(alternatives.flags).toBe(64);
    expect(buttonLabels(alternatives)[0]).toBe('Share 1');
    const shared = await press(a, alternatives, 'Share 1');
    expect(shared.response.type).toBe(4);
    expect(asMessage(shared).flags ?? 0).toBe(0);
    expect(asMessage(shared).content).toBe(`Shared by <@${user.id}>`);

    const records = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => feedbackRecordSchema.parse(JSON.parse(line)));
    expect(records.map((r) => r.choice)).toEqual(['not-it', 'shared-alternative']);
    expect(records.map((r) => r.question)).toEqual([question, question]);
    expect(records[1]!.alternative).toBe(customIds(alternatives)[0]!.slice('share-alt:'.length));
    // One key for the installation: the same person, whichever replica hashed them.
    expect(records[0]!.user).toBe(records[1]!.user);
  });
});
