import { resolve } from 'node:path';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { createEngine, defaultIndexFile } from '../../engine/engine.js';
import { corpusDigest } from '../../engine/persist/corpusDigest.js';
import { writeIndexFile } from '../../engine/persist/indexFile.js';
import { resolveCorpusDir } from '../../paths/packageRoot.js';
import { parseCliArgs } from '../parseCliArgs.js';

export const usage = 'citebot build-index [--corpus DIR] [--out FILE]';
export const summary = 'index the corpus once and save it, so ask, bot and serve start fast';

export function run(argv: string[]): void {
  const { values } = parseCliArgs(argv, { corpus: { type: 'string' }, out: { type: 'string' } }, usage);
  const dir = resolveCorpusDir(values.corpus);
  const out = resolve(values.out ?? defaultIndexFile(dir));
  const started = performance.now();
  // The digest is taken before loading: if a file changes meanwhile, the index will not match it.
  const digest = corpusDigest(dir);
  const engine = createEngine(loadCorpus(dir));
  writeIndexFile(out, engine.index, digest);
  const sentences = engine.index.sentences.length;
  console.log(`wrote ${out}: ${engine.corpus.articles.length} articles, ${sentences} sentences, ${engine.index.terms.length} terms, in ${Math.round(performance.now() - started)} ms`);
}
