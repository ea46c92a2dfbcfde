/**
 * SelQA answer-sentence-selection benchmark: citebot against plain SQLite FTS5 and plain minisearch,
 * over every section of a split pooled into one corpus; the ranking and what ask() answers. Usage:
 *   node dist/bench/selqa/runSelqa.js [--split dev|test] [--max-questions N] [--json] [--misses N]
 */
import { fileURLToPath } from 'node:url';
import { loadSplit, type Split } from './dataset.js';
import { exit, runPooled } from './runPooled.js';

runPooled({
  name: 'selqa',
  label: 'SelQA',
  description: 'SelQA answer sentence selection, all sections of the split pooled into one corpus',
  splits: ['dev', 'test'],
  defaultSplit: 'test',
  load: (split) => loadSplit(split as Split),
  script: fileURLToPath(import.meta.url),
  mayQuoteData: true,
}).catch((error: unknown) => exit(`selqa benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1));
