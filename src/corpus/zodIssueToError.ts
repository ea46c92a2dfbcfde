import type { z } from 'zod';
import { CorpusError } from './corpusError.js';

/** Turns the first zod issue into an error naming the file, line and field. */
export function zodIssueToError(file: string, issue: z.core.$ZodIssue, lineOf: (field: string) => number | null): CorpusError {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : null;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join('", "');
    return new CorpusError(file, lineOf(issue.keys[0]!), issue.keys[0]!, `unknown field "${keys}": expected only id, title, date, source, url, dateNote, titleNote, sourceNote${file.endsWith('.jsonl') ? ', text' : ''}`);
  }
  const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  const problem = missing ? `missing: ${issue.message}` : issue.message;
  return new CorpusError(file, field ? lineOf(field.split('.')[0]!) : null, field, problem);
}
