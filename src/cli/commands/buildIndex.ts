import { dirname, resolve } from 'node:path';
import { loadConfig } from '../../config/loadConfig.js';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { createEngine, defaultIndexFile } from '../../engine/engine.js';
import { corpusDigest } from '../../engine/persist/corpusDigest.js';
import { writeIndexFile } from '../../engine/persist/indexFile.js';
import { CliError } from '../cliError.js';
import { fsStep, isFolder } from '../fsError.js';
import { parseCommand } from '../parseCliArgs.js';
import { buildIndexSpec as spec } from '../specs.js';

export function run(argv: string[]): void {
  const { values } = parseCommand(spec, argv);
  const dir = loadConfig('corpus', { corpus: values.corpus }).corpusDir;
  const out = resolve(values.out ?? defaultIndexFile(dir));
  // Before the work, not after it: at 1M sentences indexing takes most of a minute.
  if (!isFolder(dirname(out))) throw new CliError(`cannot write ${out}: the folder ${dirname(out)} does not exist (create it, or give --out a file in an existing folder)`, 1);
  const started = performance.now();
  // The digest is taken before loading: if a file changes meanwhile, the index will not match it.
  const digest = corpusDigest(dir);
  const engine = createEngine(loadCorpus(dir));
  fsStep('cannot write', out, () => writeIndexFile(out, engine.index, digest));
  const sentences = engine.index.sentenceCount;
  console.log(`wrote ${out}: ${engine.corpus.articles.length} articles, ${sentences} sentences, ${engine.index.terms.length} terms, in ${Math.round(performance.now() - started)} ms`);
}
