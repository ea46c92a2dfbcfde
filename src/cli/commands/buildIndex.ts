import { dirname, resolve } from 'node:path';
import { loadConfig } from '../../config/loadConfig.js';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { defaultIndexFile, engineFromIndex } from '../../engine/engine.js';
import { corpusDigest } from '../../engine/persist/corpusDigest.js';
import { writeIndexFile } from '../../engine/persist/indexFile.js';
import { buildSentenceIndex } from '../../engine/sentenceIndex.js';
import { progress as terminalProgress, type Progress } from '../../terminal/progress.js';
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
  const progress = terminalProgress();
  const summary = writeIndex(dir, out, progress);
  progress.done();
  console.log(`wrote ${out}: ${summary}`);
}

const count = (n: number) => n.toLocaleString('en-US');

/** Indexes the corpus and saves the index; says what it holds and how long it took (and, on a terminal, which step it is at). */
export function writeIndex(dir: string, out: string, progress?: Progress): string {
  const started = performance.now();
  progress?.update('build-index: reading the corpus files…');
  // The digest is taken before loading: if a file changes meanwhile, the index will not match it.
  const digest = corpusDigest(dir);
  const corpus = loadCorpus(dir);
  const sentences = corpus.articles.reduce((sum, a) => sum + a.sentences.length, 0);
  progress?.update(`build-index: loaded ${count(corpus.articles.length)} articles; indexing ${count(sentences)} sentences…`);
  const index = buildSentenceIndex(corpus);
  progress?.update(
    `build-index: indexed ${count(index.sentenceCount)} sentences, ${count(index.terms.length)} terms; making suggested questions…`,
  );
  // Made and verified now (bounded: suggestQuestions.ts), so loading the index costs nothing for them.
  const questions = engineFromIndex(index, dir).suggestedQuestions().length;
  progress?.update(`build-index: ${count(questions)} suggested questions; writing ${out}…`);
  fsStep('cannot write', out, () => writeIndexFile(out, index, digest));
  return `${index.articles.length} articles, ${index.sentenceCount} sentences, ${index.terms.length} terms, ${questions} suggested questions, in ${Math.round(performance.now() - started)} ms`;
}
