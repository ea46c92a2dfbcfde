import { loadConfig } from '../../config/loadConfig.js';
import { checkQuestion, loadEngine, type Engine } from '../../engine/engine.js';
import type { AskResult } from '../../engine/types.js';
import { CliError } from '../cliError.js';
import { filterFlags } from '../filterFlags.js';
import { parseCommand, parsePositiveInt, usageOf } from '../parseCliArgs.js';
import { askSpec as spec } from '../specs.js';
import { renderAskLine, renderAskResult } from '../renderTerminal.js';
import { terminalBold } from '../../terminal/bold.js';

export async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommand(spec, argv);
  const limit = parsePositiveInt(values.limit, '--limit');
  const filter = filterFlags(values, spec);
  const question = positionals.join(' ');
  // An empty question typed as such ("") is a slip to point out, not a line of piped input to skip.
  if (positionals.length > 0 && !question.trim()) throw new CliError(`${checkQuestion(question)?.message}\nusage: ${usageOf(spec)}`);
  if (!question && process.stdin.isTTY) throw new CliError(`give a question, or pipe questions one per line\nusage: ${usageOf(spec)}`);
  const { corpusDir, indexFile } = loadConfig('corpus', { corpus: values.corpus, indexFile: values.index });
  const engine = loadEngine(corpusDir, { indexFile });
  const json = (r: AskResult) => JSON.stringify(toContract(r));
  // The answer words in bold for a person at a terminal; plain for a pipe.
  const bold = terminalBold(process.stdout);
  if (question) {
    const result = engine.ask(question, { limit, ...filter });
    console.log(values.json ? json(result) : renderAskResult(result, undefined, bold));
    return;
  }
  await answerLines(engine, { limit, ...filter }, values.json ? json : (r) => renderAskLine(r, bold));
}

/** One reply per input line, in order, with the index built once. */
async function answerLines(engine: Engine, options: Parameters<Engine['ask']>[1], render: (r: AskResult) => string): Promise<void> {
  // Imported here: a one-off question reads no lines.
  const { createInterface } = await import('node:readline');
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) process.stdout.write(`${render(engine.ask(line, options))}\n`);
}

/** The `ask --json` contract other tools read. */
function toContract(result: AskResult) {
  return {
    question: result.question,
    answered: result.answered,
    answers: result.answers.map(
      ({ quote, date, datePrecision, documentId, sentenceIndex, title, source, url, score, notes, answerSpans }) => ({
        quote,
        date,
        datePrecision,
        documentId,
        sentenceIndex,
        title,
        source,
        url,
        score,
        notes,
        // Offsets into quote of the words that answer the question; absent when none.
        ...(answerSpans ? { answerSpans } : {}),
      }),
    ),
    ...(result.answered ? {} : { reason: result.reason, message: result.message, nearTitles: result.nearTitles }),
  };
}
