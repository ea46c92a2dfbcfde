// The feedback file: appends from several processes at once stay whole lines, a line never
// passes its cap, the user is only a keyed hash, and a file that cannot be written costs the
// person nothing but a log line.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackLine, feedbackLog, keyFileOf, MAX_LINE_BYTES } from '../src/app/feedback/feedbackLog.js';
import { feedbackRecordSchema, type FeedbackEntry } from '../src/app/feedback/feedbackRecord.js';
import { readFeedback } from '../src/app/feedback/readFeedback.js';
import { createLogger } from '../src/process/logger.js';
import { ROOT } from './support/cli.js';

let folder: string;
beforeAll(() => void (folder = mkdtempSync(join(tmpdir(), 'citebot-feedback-log-'))));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const entry = (n: number, userId = `1000000000000000${n % 7}`): FeedbackEntry => ({
  question: `question number ${n} about IoT enterprises in Wuxi ${'é'.repeat(n % 40)}`,
  shown: ['wuxi-beijing-seek-cooperation:5', 'in-jiangsu-province-wuxi-becomes:2'],
  choice: 'not-it',
  offered: ['wuxis-iot-industry-cluster-wins-national:3'],
  userId,
});

function captured() {
  const lines: { level: string; msg: string; file?: string }[] = [];
  return { lines, log: createLogger('debug', { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) }) };
}

describe('feedback log', () => {
  it('four processes appending 100 records each at once leave 400 whole, valid lines', async () => {
    const file = join(folder, 'shared', 'feedback.jsonl');
    const module = pathToFileURL(join(ROOT, 'dist', 'src', 'app', 'feedback', 'feedbackLog.js')).href;
    const script = `
      const { feedbackLog } = await import(${JSON.stringify(module)});
      const log = { debug() {}, info() {}, warn(m, f) { console.error(m, JSON.stringify(f)); }, error() {} };
      const feedback = feedbackLog(process.argv[1], log);
      const who = process.argv[2];
      await Promise.all(Array.from({ length: 100 }, (_, i) => feedback.record({
        question: 'process ' + who + ' record ' + i + ' ' + 'x'.repeat(i * 30),
        shown: ['wuxi-beijing-seek-cooperation:5'], choice: 'not-it', offered: [], userId: who,
      })));`;
    const children = [1, 2, 3, 4].map((who) => spawn(process.execPath, ['--input-type=module', '-e', script, file, String(who)]));
    const stderr = children.map((child) => {
      let text = '';
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      return () => text;
    });
    const codes = await Promise.all(children.map(async (child) => (await once(child, 'exit'))[0] as number));
    expect(stderr.map((read) => read())).toEqual(['', '', '', '']);
    expect(codes).toEqual([0, 0, 0, 0]);
    const found = readFeedback(file)!;
    expect(found.unreadable).toEqual([]);
    expect(found.records).toHaveLength(400);
    for (const who of ['1', '2', '3', '4']) {
      const theirs = found.records.filter((r) => r.question.startsWith(`process ${who} `));
      expect(new Set(theirs.map((r) => r.question)).size).toBe(100);
      expect(new Set(theirs.map((r) => r.user)).size).toBe(1); // one key, whichever process made it
    }
    expect(readFileSync(keyFileOf(file), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('cuts the question so that no line passes the cap, and keeps everything else', async () => {
    const file = join(folder, 'long.jsonl');
    const feedback = feedbackLog(file, captured().log);
    await feedback.record({ ...entry(1), question: '漢字'.repeat(3000) });
    const line = readFileSync(file, 'utf8');
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(MAX_LINE_BYTES);
    const record = feedbackRecordSchema.parse(JSON.parse(line));
    expect(record.question.endsWith('…')).toBe(true);
    expect(record.question.length).toBeGreaterThan(1000);
    expect(record.shown).toEqual(entry(1).shown);
    const time = '2026-12-02T03:00:00.000Z';
    expect(feedbackLine({ ...record, time, question: 'short', user: '0'.repeat(32) })).toBe(
      `${JSON.stringify({ ...record, time, question: 'short', user: '0'.repeat(32) })}\n`,
    );
  });

  it('keys the user hash to this installation: another key, another hash; never the id itself', async () => {
    const one = join(folder, 'one', 'f.jsonl');
    const two = join(folder, 'two', 'f.jsonl');
    await feedbackLog(one, captured().log).record(entry(3, '123456789012345678'));
    await feedbackLog(two, captured().log).record(entry(3, '123456789012345678'));
    const [a, b] = [one, two].map((f) => readFeedback(f)!.records[0]!);
    expect(a!.user).not.toBe(b!.user);
    expect(readFileSync(one, 'utf8')).not.toContain('123456789012345678');
  });

  it('a file it cannot write is logged, not thrown', async () => {
    const blocked = join(folder, 'blocked');
    mkdirSync(blocked);
    writeFileSync(join(blocked, 'feedback.jsonl.key'), `${'a'.repeat(64)}\n`);
    mkdirSync(join(blocked, 'feedback.jsonl')); // a folder where the file should be
    const { lines, log } = captured();
    await expect(feedbackLog(join(blocked, 'feedback.jsonl'), log).record(entry(4))).resolves.toBeUndefined();
    expect(lines.map((l) => l.msg)).toEqual(['feedback not recorded']);
  });

  it('refuses to write a record whose ids are not quote ids', async () => {
    const file = join(folder, 'forged.jsonl');
    const { lines, log } = captured();
    await feedbackLog(file, log).record({ ...entry(5), shown: ['../../etc/passwd'] });
    expect(readFeedback(file)).toBeUndefined();
    expect(lines.map((l) => l.msg)).toEqual(['feedback not recorded']);
  });
});
