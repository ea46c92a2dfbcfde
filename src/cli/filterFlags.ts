import { FilterError, parseAnswerFilter, type AnswerFilter } from '../engine/articleFilter.js';
import { CliError } from './cliError.js';
import { usageOf, type CommandSpec } from './parseCliArgs.js';

/** --since and --source, checked by the engine's own schema before anything is loaded. */
export function filterFlags(values: { since?: string; source?: string }, spec: CommandSpec): AnswerFilter {
  try {
    return parseAnswerFilter(values);
  } catch (error) {
    if (error instanceof FilterError) throw new CliError(`${error.message.replace(/"(since|source)"/g, '--$1')}\nusage: ${usageOf(spec)}`);
    throw error;
  }
}
