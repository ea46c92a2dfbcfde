/**
 * The evaluation sets and how a reply is judged, shared by the answer-quality tests and
 * `npm run eval`: the same rule as the shared scorer (tests/eval/score.mjs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AskResult } from '../../src/engine/types.js';

export interface EvalCase {
  id: string;
  question: string;
  accept: { contains: string[]; date: string }[];
  split?: 'tune' | 'heldout';
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export const readCases = (file: string): EvalCase[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalCase);

/** Right first answer, or a decline when nothing is acceptable. */
export function isRight(c: EvalCase, r: AskResult): boolean {
  const first = r.answered ? r.answers[0] : undefined;
  if (c.accept.length === 0) return !first;
  return c.accept.some(
    (alt) =>
      first !== undefined &&
      alt.contains.every((s) => norm(first.quote).includes(norm(s))) &&
      String(first.date ?? '').startsWith(alt.date),
  );
}

/** What a reply says, for comparing two wordings of one question: the first quote, or that it declined. */
export const firstQuote = (r: AskResult) => (r.answered ? r.answers[0]!.quote : '(declined)');

interface Page {
  file: string;
  date: string;
  source: string;
  title: string;
  id: string;
}

/**
 * The unseen articles (tests/fixtures/unseen) ingested by the real CLI into a new corpus folder
 * under the system temp folder, with the values a curator gives (pages.json): returns the folder.
 */
export function ingestUnseenCorpus(root: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'citebot-unseen-')), 'corpus');
  const pages = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'unseen', 'pages.json'), 'utf8')) as Page[];
  for (const p of pages) {
    const file = join(root, 'tests', 'fixtures', 'unseen', 'raw', p.file);
    execFileSync(
      'node',
      [
        join(root, 'bin', 'citebot.js'),
        'ingest',
        '--corpus',
        dir,
        '--create',
        '--date',
        p.date,
        '--source',
        p.source,
        '--title',
        p.title,
        '--id',
        p.id,
        file,
      ],
      { stdio: 'pipe' },
    );
  }
  return dir;
}
