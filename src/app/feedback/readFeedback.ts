// The feedback file read back for `citebot feedback`: every line checked against the record
// schema; a line that is not a record (cut short by a full disk, edited by hand) is counted
// and named by its number, never fatal.
import { readFileSync } from 'node:fs';
import { feedbackRecordSchema, type FeedbackRecord } from './feedbackRecord.js';

export interface FeedbackFile {
  records: FeedbackRecord[];
  /** 1-based numbers of the lines that are not records. */
  unreadable: number[];
}

/** The records in the file, oldest first; undefined when there is no file yet. Other read errors are thrown. */
export function readFeedback(file: string): FeedbackFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const result: FeedbackFile = { records: [], unreadable: [] };
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    const parsed = feedbackRecordSchema.safeParse(value);
    if (parsed.success) result.records.push(parsed.data);
    else result.unreadable.push(i + 1);
  });
  return result;
}
