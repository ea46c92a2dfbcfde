import { dirname, resolve } from 'node:path';
import { loadConfig } from '../../config/loadConfig.js';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { createEngine, defaultIndexFile } from '../../engine/engine.js';
import { corpusDigest } from '../../engine/persist/corpusDigest.js';
import { writeIndexFile } from '../../engine/persist/indexFile.js';
import { CliError } from '../cliError.js';
import { fsStep, isFolder } from '../fsError.js';
import { CORPUS_FLAG, parseCommand, type CommandSpec } from '../parseCliArgs.js';

export const spec = {
  name: 'build-index',
  summary: 'index the corpus once and save it, so ask, bot and serve start fast',
  flags: {
    corpus: CORPUS_FLAG,
    out: { type: 'string', value: 'FILE', help: 'where to write the index (read it with --index FILE)', defaultText: '.citebot-index in the corpus folder' },
  },
} satisfies CommandSpec;

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
  const sentences = engine.index.sentences.length;
  console.log(`wrote ${out}: ${engine.corpus.articles.length} articles, ${sentences} sentences, ${engine.index.terms.length} terms, in ${Math.round(performance.now() - started)} ms`);
}
