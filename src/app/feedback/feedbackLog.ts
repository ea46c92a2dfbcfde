// Appends feedback records to a JSONL file, safely from several processes at once: each
// record is one line written by one write() on a file opened O_APPEND, so lines from
// replicas never interleave, and no line is longer than MAX_LINE_BYTES.
import { createHmac, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { errorFields, type Logger } from '../../process/logger.js';
import { feedbackRecordSchema, type FeedbackEntry, type FeedbackRecord } from './feedbackRecord.js';

export interface FeedbackLog {
  /** false when CITEBOT_FEEDBACK=off: nothing is written. */
  readonly enabled: boolean;
  /** Appends one record. Never rejects: a failure is logged, and the person still gets their answer. */
  record(entry: FeedbackEntry): Promise<void>;
}

/** CITEBOT_FEEDBACK=off. */
export const NO_FEEDBACK: FeedbackLog = { enabled: false, record: () => Promise.resolve() };

/** A record is a question (at most 500 characters from Discord) and a few ids; the question is cut if a line would pass this. */
export const MAX_LINE_BYTES = 4096;

/** The installation's secret for hashing user ids: beside the feedback file, made on first use. */
export const keyFileOf = (file: string): string => `${file}.key`;

/**
 * The secret, created once (32 random bytes, hex) if there is none. Written to a temporary
 * file, then linked into place: two processes starting at once agree on one key.
 */
function installKey(keyFile: string): string {
  const read = () => readFileSync(keyFile, 'utf8').trim();
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(keyFile), { recursive: true });
  const temporary = `${keyFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  return read();
}

/** The line for a record: JSON, cut to MAX_LINE_BYTES by shortening the question; undefined if even that cannot make it fit. */
export function feedbackLine(record: FeedbackRecord): string | undefined {
  let question = record.question;
  for (let attempt = 0; attempt < 8; attempt++) {
    const line = `${JSON.stringify({ ...record, question })}\n`;
    const over = Buffer.byteLength(line) - MAX_LINE_BYTES;
    if (over <= 0) return line;
    if (!question) return undefined;
    // Drop the bytes over, and the ellipsis's own three; a character cut in two is dropped whole.
    const bytes = Buffer.from(question);
    question = `${bytes
      .subarray(0, Math.max(0, bytes.length - over - 3))
      .toString()
      .replace(/\uFFFD+$/, '')}…`;
  }
  return undefined;
}

export function feedbackLog(file: string, log: Logger, now: () => Date = () => new Date()): FeedbackLog {
  let key: string | undefined;
  return {
    enabled: true,
    async record({ userId, ...entry }) {
      try {
        key ??= installKey(keyFileOf(file));
        const user = createHmac('sha256', key).update(userId).digest('hex').slice(0, 32);
        const record = feedbackRecordSchema.parse({ time: now().toISOString(), ...entry, user });
        const line = feedbackLine(record);
        if (!line) return log.warn('feedback record too long to keep', { file });
        mkdirSync(dirname(file), { recursive: true });
        const handle = await open(file, 'a', 0o600);
        try {
          const bytes = Buffer.from(line);
          const { bytesWritten } = await handle.write(bytes);
          if (bytesWritten !== bytes.length) throw new Error(`only ${bytesWritten} of ${bytes.length} bytes written`);
        } finally {
          await handle.close();
        }
      } catch (error) {
        log.warn('feedback not recorded', { file, error: errorFields(error) });
      }
    },
  };
}
