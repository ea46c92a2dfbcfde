import { loadConfig } from '../../config/loadConfig.js';
import { loadEngine } from '../../engine/engine.js';
import { CliError } from '../cliError.js';
import { CORPUS_FLAG, INDEX_FLAG, JSON_FLAG, parseCommand, parsePositiveInt, usageOf, type CommandSpec } from '../parseCliArgs.js';
import { renderSearchHits } from '../renderTerminal.js';

export const spec = {
  name: 'search',
  summary: 'ranked sentence search, for browsing the sources',
  operands: 'QUERY',
  flags: { corpus: CORPUS_FLAG, index: INDEX_FLAG, json: JSON_FLAG, limit: { type: 'string', value: 'N', default: '10', help: 'sentences at most, best first' } },
} satisfies CommandSpec;

export function run(argv: string[]): void {
  const { values, positionals } = parseCommand(spec, argv);
  const query = positionals.join(' ').trim();
  if (!query) throw new CliError(`give something to search for\nusage: ${usageOf(spec)}`);
  const limit = parsePositiveInt(values.limit, '--limit');
  const { corpusDir, indexFile } = loadConfig('corpus', { corpus: values.corpus, indexFile: values.index });
  const hits = loadEngine(corpusDir, { indexFile }).search(query, { limit });
  console.log(values.json ? JSON.stringify(hits, null, 2) : renderSearchHits(hits));
}
