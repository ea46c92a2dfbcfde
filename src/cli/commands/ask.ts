import { createInterface } from 'node:readline';
import { loadEngine, type Engine } from '../../engine/engine.js';
import type { AskResult } from '../../engine/types.js';
import { resolveCorpusDir } from '../../paths/packageRoot.js';
import { CliError } from '../cliError.js';
import { parseCliArgs, parsePositiveInt } from '../parseCliArgs.js';
import { renderAskLine, renderAskResult } from '../renderTerminal.js';

export const usage = 'citebot ask [--corpus DIR] [--json] [--limit N] [QUESTION]';
export const summary = 'answer a question with one quoted, dated sentence (or one question per stdin line)';

export async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseCliArgs(argv, { corpus: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } }, usage);
  const limit = parsePositiveInt(values.limit, '--limit', 3);
  const question = positionals.join(' ');
  if (!question && process.stdin.isTTY) throw new CliError(`give a question, or pipe questions one per line\nusage: ${usage}`);
  const engine = loadEngine(resolveCorpusDir(values.corpus));
  const json = (r: AskResult) => JSON.stringify(toContract(r));
  if (question) {
    console.log(values.json ? json(engine.ask(question, { limit })) : renderAskResult(engine.ask(question, { limit })));
    return;
  }
  await answerLines(engine, limit, values.json ? json : renderAskLine);
}

/** One reply per input line, in order, with the index built once. */
async function answerLines(engine: Engine, limit: number, render: (r: AskResult) => string): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) process.stdout.write(`${render(engine.ask(line, { limit }))}\n`);
}

/** The `ask --json` contract other tools read. */
function toContract(result: AskResult) {
  return {
    question: result.question,
    answered: result.answered,
    answers: result.answers.map(({ quote, date, datePrecision, documentId, sentenceIndex, title, source, url, score, notes }) => ({
      quote, date, datePrecision, documentId, sentenceIndex, title, source, url, score, notes,
    })),
    ...(result.answered ? {} : { message: result.message, nearTitles: result.nearTitles }),
  };
}
