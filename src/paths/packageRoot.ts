import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The repository root (the folder of citebot's package.json), from compiled or source files alike. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'citebot') return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the citebot package root above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** The repository's own corpus/, used when neither --corpus nor CITEBOT_CORPUS names one (see loadConfig). */
export const defaultCorpusDir = () => join(packageRoot(), 'corpus');

/** Where "Not it?" feedback is appended unless CITEBOT_FEEDBACK_FILE says otherwise: citebot's own data folder. */
export const defaultFeedbackFile = () => join(packageRoot(), 'data', 'feedback.jsonl');
