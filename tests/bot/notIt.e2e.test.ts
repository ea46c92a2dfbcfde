// "Not it?" end to end on the gateway (the real discord.js client against the fake Discord):
// the next best sentences, privately, each shareable; the feedback file it appends to; and
// `citebot feedback`, which lists it for the corpus's curators.
import type { APIMessage } from 'discord.js';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackRecordSchema, type FeedbackRecord } from '../../src/app/feedback/feedbackRecord.js';
import { loadEngine } from '../../src/engine/engine.js';
import { buttonInteraction, chatInputInteraction, userPayload } from '../fake-discord/index.js';
import { citebot } from '../support/cli.js';
import { startBotOnFake, type BotOnFake } from '../support/discordBot.js';
import { allText, buttonLabels, customIds } from '../support/messages.js';

const QUESTION = 'how many IoT enterprises in Wuxi';
const ANSWER = 'wuxi-beijing-seek-cooperation:5';

let folder: string;
let file: string;
let h: BotOnFake;
let off: BotOnFake;
const asker = userPayload({ username: 'asker' });
const someoneElse = userPayload({ username: 'someone-else' });

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'citebot-feedback-'));
  file = join(folder, 'data', 'feedback.jsonl');
  h = await startBotOnFake({ env: { CITEBOT_RATE_LIMIT: '0', CITEBOT_FEEDBACK: 'on', CITEBOT_FEEDBACK_FILE: file } });
  off = await startBotOnFake({
    env: { CITEBOT_RATE_LIMIT: '0', CITEBOT_FEEDBACK: 'off', CITEBOT_FEEDBACK_FILE: join(folder, 'off.jsonl') },
  });
}, 40_000);

afterAll(async () => {
  await h?.stop();
  await off?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const records = (): FeedbackRecord[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => feedbackRecordSchema.parse(JSON.parse(line)))
    : [];

async function askAs(bot: BotOnFake, user = asker, options: Record<string, string | boolean> = {}): Promise<APIMessage> {
  const interaction = chatInputInteraction(bot.fake.guildScope({ user }), { name: 'ask', options: { question: QUESTION, ...options } });
  await bot.send(interaction);
  return bot.fake.interactionMessages(interaction.id).original!;
}

async function press(bot: BotOnFake, message: APIMessage, label: string, user = asker) {
  const customId = customIds(message)[buttonLabels(message).indexOf(label)];
  expect(customId, `no "${label}" among ${buttonLabels(message).join(', ')}`).toBeDefined();
  const interaction = buttonInteraction(bot.fake.guildScope({ user }), { customId: customId!, message });
  const reply = await bot.send(interaction);
  return { reply, message: bot.fake.interactionMessages(interaction.id).original! };
}

describe('"Not it?" through the gateway', () => {
  it('is on every answer, private or public', async () => {
    expect(buttonLabels(await askAs(h))).toEqual(['Share in channel', 'Show context', 'Not it?']);
    expect(customIds(await askAs(h))).toContain(`not-it:${ANSWER}`);
    expect(buttonLabels(await askAs(h, asker, { public: true }))).toEqual(['Show context', 'Not it?']);
  });

  it('privately shows the next best sentences, not the one shown, each with Share and Context; and records the press', async () => {
    const before = records().length;
    const { reply, message } = await press(h, await askAs(h), 'Not it?');
    expect(reply.type).toBe(4);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    expect(message.content).toMatch(/^\*\*Asked:\*\* how many IoT enterprises in Wuxi\nNot the sentence you needed\?/);
    const fields = message.embeds[0]?.fields ?? [];
    expect(fields.length).toBeGreaterThanOrEqual(2);
    expect(fields.length).toBeLessThanOrEqual(4);
    expect(allText(message)).not.toContain('Statistic show that Wuxi is now home to 3,657');
    // The engine's own next best, in its order, without the one shown.
    const ranked = loadEngine('corpus')
      .rank(QUESTION, { limit: 5 })
      .map((a) => `${a.documentId}:${a.sentenceIndex}`)
      .filter((id) => id !== ANSWER);
    const shares = customIds(message).filter((id) => id.startsWith('share-alt:'));
    expect(shares).toEqual(ranked.slice(0, 4).map((id) => `share-alt:${id}`));
    expect(shares).toHaveLength(fields.length);
    expect(shares).not.toContain(`share-alt:${ANSWER}`);
    expect(buttonLabels(message)).toEqual([...fields.map((_, i) => `Share ${i + 1}`), ...fields.map((_, i) => `Context ${i + 1}`)]);
    expect(message.embeds[0]?.footer?.text).toContain('without your name');

    const added = records().slice(before);
    expect(added).toHaveLength(1);
    const record = added[0]!;
    expect(record.choice).toBe('not-it');
    expect(record.question).toBe(QUESTION);
    expect(record.shown[0]).toBe(ANSWER);
    expect(record.offered).toEqual(shares.map((id) => id.slice('share-alt:'.length)));
    expect(Date.now() - Date.parse(record.time)).toBeLessThan(10 * 60_000);
    // Nothing about the user but a keyed hash: not the id, not the name.
    const line = readFileSync(file, 'utf8').trim().split('\n').at(-1)!;
    expect(Object.keys(JSON.parse(line) as object).sort()).toEqual(['choice', 'offered', 'question', 'shown', 'time', 'user']);
    expect(record.user).toMatch(/^[0-9a-f]{32}$/);
    expect(line).not.toContain(asker.id);
    expect(line).not.toContain('asker');
  });

  it('sharing one of them posts it publicly and records which was chosen instead', async () => {
    const alternatives = (await press(h, await askAs(h), 'Not it?')).message;
    const chosen = customIds(alternatives)[1]!.slice('share-alt:'.length);
    const before = records().length;
    const { reply } = await press(h, alternatives, 'Share 2');
    expect(reply.type).toBe(4);
    expect(reply.ephemeral).toBe(false);
    expect(reply.data.content).toBe(`Shared by <@${asker.id}>`);
    const [documentId, index] = chosen.split(':');
    expect(customIds(reply.data)).toEqual([`context:${documentId}:${index}`]);
    const [record] = records().slice(before);
    expect(record).toMatchObject({ choice: 'shared-alternative', question: QUESTION, alternative: chosen });
    expect(record!.shown[0]).toBe(ANSWER);
  });

  it('keeps no mention of anyone from the question: the question as the engine reads it', async () => {
    const mentioned = userPayload({ username: 'mentioned' });
    const interaction = chatInputInteraction(h.fake.guildScope({ user: asker }), {
      name: 'ask',
      options: { question: `<@${mentioned.id}> ${QUESTION}` },
    });
    await h.send(interaction);
    await press(h, h.fake.interactionMessages(interaction.id).original!, 'Not it?');
    const record = records().at(-1)!;
    expect(record.question).toBe(QUESTION);
    expect(readFileSync(file, 'utf8')).not.toContain(mentioned.id);
  });

  it('hashes the same person the same way and two people differently', async () => {
    await press(h, await askAs(h), 'Not it?');
    await press(h, await askAs(h, someoneElse), 'Not it?', someoneElse);
    const [mine, theirs] = records().slice(-2);
    expect(mine!.user).toBe(records()[0]!.user);
    expect(theirs!.user).not.toBe(mine!.user);
  });

  it('the key is made once, readable only by its owner, beside the file', () => {
    const key = `${file}.key`;
    expect(readFileSync(key, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(statSync(key).mode & 0o077).toBe(0);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('with CITEBOT_FEEDBACK=off it still shows the alternatives, records nothing and says nothing about recording', async () => {
    const { message } = await press(off, await askAs(off), 'Not it?');
    expect(message.embeds[0]?.fields?.length).toBeGreaterThanOrEqual(2);
    expect(message.embeds[0]?.footer).toBeUndefined();
    await press(off, message, 'Share 1');
    expect(existsSync(join(folder, 'off.jsonl'))).toBe(false);
    expect(existsSync(join(folder, 'off.jsonl.key'))).toBe(false);
  });

  it('a press on a message whose question cannot be read back asks to ask again', async () => {
    const answer = await askAs(h);
    const { reply } = await press(h, { ...answer, content: 'edited' }, 'Not it?');
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toBe('I can no longer tell which question that answer was for: ask it again.');
  });
});

describe('citebot feedback', () => {
  const run = (args: string[], env: Record<string, string> = { CITEBOT_FEEDBACK_FILE: file }) => citebot(['feedback', ...args], { env });

  it('lists the records for curators: the question, the quotes shown, what was offered and chosen', () => {
    const result = run([]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const all = records();
    const notIt = all.filter((r) => r.choice === 'not-it').length;
    expect(result.stdout).toContain(
      `${all.length} record(s) in ${file}: ${notIt} "Not it?", ${all.length - notIt} shared another sentence.`,
    );
    expect(result.stdout).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d UTC {2}not it {10}how many IoT enterprises in Wuxi/);
    expect(result.stdout).toContain(`    shown:   ${ANSWER}`);
    expect(result.stdout).toMatch(/ {4}chose: {3}[\w.-]+:\d+/);
  });

  it('--json prints the records as stored, --limit the latest N', () => {
    const result = run(['--json', '--limit', '2']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => feedbackRecordSchema.parse(JSON.parse(l)))).toEqual(records().slice(-2));
    expect(run(['--limit', '0']).stderr).toContain('--limit must be a whole number of 1 or more, got "0"');
  });

  it('says plainly when there is nothing yet, or a line is not a record', () => {
    const missing = run([], { CITEBOT_FEEDBACK_FILE: join(folder, 'none.jsonl'), CITEBOT_FEEDBACK: 'off' });
    expect(missing.status).toBe(0);
    expect(missing.stdout).toBe(
      `No feedback yet: ${join(folder, 'none.jsonl')} does not exist (it is written when someone presses "Not it?"). Recording is off (CITEBOT_FEEDBACK=off).\n`,
    );
    const damaged = join(folder, 'damaged.jsonl');
    writeFileSync(damaged, `${readFileSync(file, 'utf8').split('\n')[0]}\n{"time": "cut short\nnot json at all\n`);
    const partly = run([], { CITEBOT_FEEDBACK_FILE: damaged });
    expect(partly.status).toBe(0);
    expect(partly.stderr).toBe(`citebot: skipped 2 line(s) of ${damaged} that are not records: 2, 3\n`);
    expect(partly.stdout).toContain(`1 record(s) in ${damaged}`);
    const help = citebot(['feedback', '--help']);
    expect(help.stdout).toContain('usage: citebot feedback [--json] [--limit N]');
    expect(help.stdout).toContain('the latest N records (default: 50)');
  });
});
