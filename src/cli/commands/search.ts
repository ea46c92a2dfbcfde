import { loadEngine } from '../../engine/engine.js';
import { resolveCorpusDir } from '../../paths/packageRoot.js';
import { CliError } from '../cliError.js';
import { parseCliArgs, parsePositiveInt } from '../parseCliArgs.js';
import { renderSearchHits } from '../renderTerminal.js';

export const usage = 'citebot search [--corpus DIR] [--json] [--limit N] QUERY';
export const summary = 'ranked sentence search, for browsing the sources';

export function run(argv: string[]): void {
  const { values, positionals } = parseCliArgs(argv, { corpus: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } }, usage);
  const query = positionals.join(' ').trim();
  if (!query) throw new CliError(`give something to search for\nusage: ${usage}`);
  const limit = parsePositiveInt(values.limit, '--limit', 10);
  const hits = loadEngine(resolveCorpusDir(values.corpus)).search(query, { limit });
  console.log(values.json ? JSON.stringify(hits, null, 2) : renderSearchHits(hits));
}
