/**
 * TrecQA answer-sentence-selection benchmark (news): every question's candidate list pooled into
 * one corpus, citebot against plain SQLite FTS5 and plain minisearch, the ranking and what ask()
 * answers. The data is read from ../shared at run time. Usage:
 *   node dist/bench/trecqa/runTrecqa.js [--split train|dev] [--max-questions N] [--json] [--misses N]
 */
import { fileURLToPath } from 'node:url';
import { exit, runPooled } from '../selqa/runPooled.js';
import { loadTrecqa, MissingData, SPLITS, type TrecqaSplit } from './dataset.js';

runPooled({
  name: 'trecqa',
  label: 'TrecQA',
  description: "TrecQA answer sentence selection (TREC QA news), every question's candidate list pooled into one corpus",
  splits: SPLITS,
  defaultSplit: 'dev',
  load: (split) => loadTrecqa(split as TrecqaSplit),
  script: fileURLToPath(import.meta.url),
  mayQuoteData: false, // NIST and LDC text: figures only (README)
}).catch((error: unknown) => {
  if (error instanceof MissingData) exit(error.message, 1);
  exit(`trecqa benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1);
});
