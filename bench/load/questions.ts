/**
 * The questions the load test asks: the dev and held-out eval questions (tests/eval/*.jsonl),
 * each also in a few generated variations (case, punctuation, spacing, a lead-in), so the
 * server sees several hundred distinct texts rather than one cached string; for a grown SelQA
 * corpus, SelQA's own questions too, since the eval questions are about the five articles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths/packageRoot.js';
import { loadSplit } from '../selqa/dataset.js';

export function evalQuestions(): string[] {
  return ['dev.jsonl', 'heldout.jsonl'].flatMap((file) =>
    readFileSync(join(packageRoot(), 'tests', 'eval', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { question: string }).question),
  );
}

const LEAD_INS = ['Quick question: ', 'Do you know ', 'Can you tell me ', 'I was wondering, ', 'Please tell me: '];

const lowerFirst = (q: string) => q.charAt(0).toLowerCase() + q.slice(1);
const stripMark = (q: string) => q.replace(/[?.!\s]+$/, '');

/** Deterministic rewordings of one question; the original comes first. */
export function variations(question: string, index: number): string[] {
  const bare = stripMark(question);
  const out = [
    question,
    `${bare}?`,
    bare.toLowerCase(),
    `${LEAD_INS[index % LEAD_INS.length]}${lowerFirst(bare)}?`,
    `  ${bare.replace(/ /g, '  ')}  `,
    `${bare.toUpperCase()}??`,
    `${LEAD_INS[(index + 2) % LEAD_INS.length]}${lowerFirst(bare)}, please`,
  ];
  return [...new Set(out)];
}

/** SelQA questions (test split first), as many as asked. */
export function selqaQuestions(limit: number): string[] {
  const out: string[] = [];
  for (const split of ['test', 'dev'] as const) {
    for (const { question } of loadSplit(split).questions) {
      if (out.length >= limit) return out;
      out.push(question);
    }
  }
  return out;
}

export interface QuestionSet {
  questions: string[];
  /** How many of them are the eval questions and their variations, and how many SelQA's. */
  eval: number;
  selqa: number;
}

export function questionSet(options: { selqa: number }): QuestionSet {
  const evalSet = [...new Set(evalQuestions().flatMap((q, i) => variations(q, i)))];
  const selqa = options.selqa > 0 ? selqaQuestions(options.selqa).filter((q) => !evalSet.includes(q)) : [];
  // Interleaved, so every stretch of the request pool mixes both kinds.
  const questions: string[] = [];
  for (let i = 0; i < Math.max(evalSet.length, selqa.length); i++) {
    if (i < evalSet.length) questions.push(evalSet[i]!);
    if (i < selqa.length) questions.push(selqa[i]!);
  }
  return { questions, eval: evalSet.length, selqa: selqa.length };
}
