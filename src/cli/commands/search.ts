import { loadConfig } from '../../config/loadConfig.js';
import { describeFilter, hasFilter } from '../../engine/articleFilter.js';
import { loadEngine } from '../../engine/engine.js';
import { CliError } from '../cliError.js';
import { filterFlags } from '../filterFlags.js';
import { parseCommand, parsePositiveInt, usageOf } from '../parseCliArgs.js';
import { searchSpec as spec } from '../specs.js';
import { renderSearchHits } from '../renderTerminal.js';

export function run(argv: string[]): void {
  const { values, positionals } = parseCommand(spec, argv);
  const query = positionals.join(' ').trim();
  if (!query) throw new CliError(`give something to search for\nusage: ${usageOf(spec)}`);
  const limit = parsePositiveInt(values.limit, '--limit');
  const filter = filterFlags(values, spec);
  const { corpusDir, indexFile } = loadConfig('corpus', { corpus: values.corpus, indexFile: values.index });
  const hits = loadEngine(corpusDir, { indexFile }).search(query, { limit, ...filter });
  // With a filter, an empty list says the filter may be why.
  const none = hasFilter(filter) ? `No sentence ${describeFilter(filter)} matches that (try without the filter).` : undefined;
  console.log(values.json ? JSON.stringify(hits, null, 2) : renderSearchHits(hits, undefined, none));
}
