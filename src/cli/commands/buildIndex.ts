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
  if (!isFolder(dirname(out)))
    throw new CliError(
      `cannot write ${out}: the folder ${dirname(out)} does not exist (create it, or give --out a file in an existing folder)`,
      1,
    );
  console.log(`wrote ${out}: ${writeIndex(dir, out)}`);
}

/** Indexes the corpus and saves the index; says what it holds and how long it took. */
export function writeIndex(dir: string, out: string): string {
  const started = performance.now();
  // The digest is taken before loading: if a file changes meanwhile, the index will not match it.
  const digest = corpusDigest(dir);
  const engine = createEngine(loadCorpus(dir));
  const { index } = engine;
  // Made and verified now (bounded: suggestQuestions.ts), so loading the index costs nothing for them.
  const questions = engine.suggestedQuestions().length;
  fsStep('cannot write', out, () => writeIndexFile(out, index, digest));
  return `${index.articles.length} articles, ${index.sentenceCount} sentences, ${index.terms.length} terms, ${questions} suggested questions, in ${Math.round(performance.now() - started)} ms`;
}
