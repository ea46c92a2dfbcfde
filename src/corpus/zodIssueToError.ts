import type { z } from 'zod';
import { CorpusError } from './corpusError.js';

/**
 * Turns the first zod issue into an error naming the file, line and field. Parse with
 * `{ reportInput: true }` so a missing field can be told from a value of the wrong type.
 * `lineOf(null)` is asked for problems with the whole record (a JSONL line that is not an object).
 */
export function zodIssueToError(file: string, issue: z.core.$ZodIssue, lineOf: (field: string | null) => number | null): CorpusError {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : null;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join('", "');
    return new CorpusError(file, lineOf(issue.keys[0]!), issue.keys[0]!, `unknown field "${keys}": expected only id, title, date, source, url, dateNote, titleNote, sourceNote${file.endsWith('.jsonl') ? ', text' : ''}`);
  }
  const input = 'input' in issue ? issue.input : undefined;
  let problem = issue.message;
  if (issue.code === 'invalid_type' && input === undefined) problem = `missing: ${issue.message}`;
  else if (issue.code === 'invalid_type' && field === null) problem = `expected an article object ({"id", "title", ...}), got ${describe(input)}`;
  else if (issue.code === 'invalid_type') problem = `${issue.message}, got ${describe(input)}`;
  return new CorpusError(file, lineOf(field === null ? null : field.split('.')[0]!), field, problem);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const shown = JSON.stringify(value);
  return `${typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'true/false' : `a ${typeof value}`} (${shown.length > 40 ? `${shown.slice(0, 39)}…` : shown})`;
}
