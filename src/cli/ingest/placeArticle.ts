import { constants, copyFileSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CorpusError } from '../../corpus/corpusError.js';
import { loadArticleFile } from '../../corpus/loadCorpus.js';
import { CliError } from '../cliError.js';
import { fsFailure, fsStep } from '../fsError.js';

export const differentArticle = (id: string, file: string) =>
  new CliError(
    `the corpus already has a different article with the id "${id}" (${file}): nothing was written; give another id with --id`,
    1,
  );

/**
 * Puts an article into the corpus without ever leaving a file the loader refuses or replacing
 * another article: written to a temporary file in the folder, loaded back by the loader itself,
 * then linked into place (a link, unlike a rename, fails when an ingest running at the same time
 * has just placed an article under the same id).
 */
export function placeArticle(target: string, text: string, id: string): 'written' | 'unchanged' {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  fsStep('cannot write', temp, () => writeFileSync(temp, text, { flag: 'wx' }));
  try {
    let loadedId: string | undefined;
    try {
      loadedId = loadArticleFile(temp)[0]?.article.id;
    } catch (error) {
      if (!(error instanceof CorpusError)) throw error;
      throw new CliError(`the article would not load (${error.problem}): nothing was written`, 1);
    }
    if (loadedId !== id) throw new CliError(`the article would load with the id "${loadedId}", not "${id}": nothing was written`, 1);
    return link(temp, target, text, id);
  } finally {
    rmSync(temp, { force: true });
  }
}

function link(temp: string, target: string, text: string, id: string): 'written' | 'unchanged' {
  try {
    linkSync(temp, target);
    return 'written';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (fsStep('cannot read', target, () => readFileSync(target, 'utf8')) === text) return 'unchanged';
      throw differentArticle(id, target);
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS')
      throw fsFailure('cannot write', target, error);
  }
  // A file system without hard links: an exclusive copy still never replaces another article.
  fsStep('cannot write', target, () => copyFileSync(temp, target, constants.COPYFILE_EXCL));
  return 'written';
}

/**
 * Keeps the web page an article was made from in the corpus's raw/ folder (which the loader does
 * not read), as `<id>.html`, for provenance: what was ingested can always be checked against it.
 * Written whole or not at all.
 */
export function keepRawPage(corpusDir: string, id: string, html: string): string {
  const folder = join(corpusDir, 'raw');
  const target = join(folder, `${id}.html`);
  fsStep('cannot create the folder', folder, () => mkdirSync(folder, { recursive: true }));
  const temp = join(folder, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fsStep('cannot write', temp, () => writeFileSync(temp, html, { flag: 'wx' }));
    fsStep('cannot write', target, () => renameSync(temp, target));
  } finally {
    rmSync(temp, { force: true });
  }
  return target;
}
