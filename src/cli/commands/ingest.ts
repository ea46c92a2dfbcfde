import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { loadConfig } from '../../config/loadConfig.js';
import { CorpusError } from '../../corpus/corpusError.js';
import { loadArticleFile, loadCorpus, readText } from '../../corpus/loadCorpus.js';
import { articleMetaSchema, markdownFrontMatterSchema, type ArticleMeta } from '../../corpus/schema.js';
import { writeMarkdownArticle } from '../../corpus/writeMarkdownArticle.js';
import { ingestRawArticle, ingestedSentences, type RemovedText } from '../../ingest/ingestRawArticle.js';
import { slugId } from '../../ingest/slugId.js';
import { splitSentences } from '../../text/splitSentences.js';
import { defaultIndexFile } from '../../engine/engine.js';
import { CliError } from '../cliError.js';
import { writeIndex } from './buildIndex.js';
import { fsFailure, fsStep, isFolder } from '../fsError.js';
import { parseCommand, usageOf } from '../parseCliArgs.js';
import { ingestSpec as spec } from '../specs.js';

interface Overrides {
  date?: string;
  undated?: boolean;
  title?: string;
  source?: string;
  id?: string;
}

type Existing = Map<string, { file: string; text: string }>;

export function run(argv: string[]): void {
  const { values, positionals } = parseCommand(spec, argv);
  if (positionals.length === 0) throw new CliError(`give at least one scraped article file\nusage: ${usageOf(spec)}`);
  if (values.date && values.undated) throw new CliError('give either --date or --undated, not both');
  if (values.id !== undefined && positionals.length > 1) throw new CliError('--id names one article: give one FILE with it');
  checkFlags(values);
  const dir = corpusFolder(loadConfig('corpus', { corpus: values.corpus }).corpusDir, Boolean(values.create));
  const existing = existingArticles(dir);
  let failures = 0;
  let added = 0;
  for (const file of positionals) {
    try {
      if (ingestFile(file, dir, existing, values) === 'written') added++;
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      console.error(`${file}: ${error.message}`);
      failures++;
    }
  }
  // A prebuilt index beside the articles no longer matches them: refreshed, or every ask would index the corpus itself (and say so).
  const index = defaultIndexFile(dir);
  if (added > 0 && existsSync(index))
    console.log(`refreshed the prebuilt index ${relative(process.cwd(), index) || index}: ${writeIndex(dir, index)}`);
  if (failures > 0) throw new CliError(`${failures} of ${positionals.length} file(s) not ingested`, 1);
}

/** Each field a flag gives, checked with the loader's own schema before any file is read or path made. */
function checkFlags(values: Overrides): void {
  for (const field of ['id', 'title', 'date', 'source'] as const) {
    const value = values[field];
    const checked = value === undefined ? undefined : articleMetaSchema.shape[field].safeParse(value);
    if (checked && !checked.success) throw new CliError(`--${field} ${JSON.stringify(value)}: ${checked.error.issues[0]!.message}`);
  }
}

/** The folder to add to: it must exist, unless --create asks for it (a mistyped --corpus is not a new corpus). */
function corpusFolder(dir: string, create: boolean): string {
  if (isFolder(dir)) return dir;
  if (!create)
    throw new CliError(`the corpus folder ${dir} does not exist or is not a folder: check the path, or give --create to make it`, 1);
  fsStep('cannot create the corpus folder', dir, () => mkdirSync(dir, { recursive: true }));
  return dir;
}

function ingestFile(file: string, dir: string, existing: Existing, overrides: Overrides): 'written' | 'unchanged' {
  let raw: string;
  try {
    // The loader's own reading: a page it would refuse (not UTF-8, a NUL byte) is refused here.
    raw = readText(file, file);
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    throw new CliError(`${error.line ? `line ${error.line}: ` : ''}${error.problem}: nothing was written`, 1);
  }
  const found = ingestRawArticle(raw);
  if (found.paragraphs.length === 0) throw new CliError('no article prose found in it (expected paragraphs of full sentences)', 1);
  const date = overrides.date ?? found.date;
  if (!date && !overrides.undated) {
    const why = found.unknown
      .find((u) => u.startsWith('date: '))
      ?.replace(/^date: /, '')
      .replace(/ \(give one .*\)$/, '');
    throw new CliError(
      `no publication date found (${why ?? 'none printed'}): nothing was written; give --date YYYY[-MM[-DD]], or --undated to store it without one`,
      1,
    );
  }
  const firstSentence = splitSentences(found.paragraphs[0]!)[0]!;
  const title =
    overrides.title ??
    found.title ??
    firstSentence
      .split(' ')
      .slice(0, 12)
      .join(' ')
      .replace(/[.,;:]?$/, '…');
  const checked = markdownFrontMatterSchema.safeParse({
    id: overrides.id ?? slugId(title),
    title,
    date: date ?? null,
    source: overrides.source ?? found.source,
    url: null,
    ...(overrides.date ? { dateNote: curatorDateNote(overrides.date, found.date) } : found.dateNote ? { dateNote: found.dateNote } : {}),
    ...(!overrides.title && !found.title
      ? { titleNote: 'The scraped text prints no title: this one is the opening of its first sentence.' }
      : {}),
  });
  // Every field as the loader will check it, before the id becomes a path.
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new CliError(`the article would not load (${issue.path.join('.')}: ${issue.message}): nothing was written`, 1);
  }
  const meta = checked.data;
  const text = writeMarkdownArticle(meta, found.paragraphs);
  const clash = existing.get(meta.id);
  if (clash && clash.text !== text) throw differentArticle(meta.id, clash.file);
  const target = join(dir, `${meta.id}.md`);
  // The id pattern allows no separators or leading dots; say here too that the file stays in the folder.
  if (dirname(target) !== dir) throw new CliError(`the id "${meta.id}" would leave the corpus folder: nothing was written`, 1);
  const unchanged = Boolean(clash) || placeArticle(target, text, meta.id) === 'unchanged';
  existing.set(meta.id, { file: target, text });
  report(file, target, meta, ingestedSentences(found).length, found.removed, found.unknown, unchanged, overrides);
  return unchanged ? 'unchanged' : 'written';
}

const differentArticle = (id: string, file: string) =>
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

function curatorDateNote(given: string, found: string | null): string {
  return `Date given by the curator (--date ${given}); ${found ? `the scraped text gives ${found}` : 'the scraped text prints none'}.`;
}

function report(
  file: string,
  target: string,
  meta: ArticleMeta,
  sentences: number,
  removed: RemovedText[],
  unknown: string[],
  unchanged: boolean,
  overrides: Overrides,
): void {
  const where = relative(process.cwd(), target) || target;
  console.log(`${basename(file)} -> ${meta.id} (${where}${unchanged ? ', already in the corpus, unchanged' : ''})`);
  console.log(
    `  title: ${meta.title}\n  date: ${meta.date ?? (overrides.undated ? 'none (--undated)' : 'none')}  publisher: ${meta.source ?? 'unknown'}  sentences: ${sentences}`,
  );
  if (meta.dateNote) console.log(`  date note: ${meta.dateNote}`);
  const byKind = new Map<string, string[]>();
  for (const r of removed) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.text]);
  for (const [kind, texts] of byKind) {
    const shown = texts.slice(0, 3).map((t) => (t.length > 50 ? `${t.slice(0, 49)}…` : t));
    console.log(
      `  removed ${texts.length} ${kind}${texts.length > 1 ? ' lines' : ''}: ${shown.map((t) => JSON.stringify(t)).join(', ')}${texts.length > 3 ? ', …' : ''}`,
    );
  }
  const stillUnknown = unknown.filter(
    (u) =>
      !(
        (u.startsWith('date') && overrides.date) ||
        (u.startsWith('title') && overrides.title) ||
        (u.startsWith('publisher') && overrides.source)
      ),
  );
  for (const u of stillUnknown) console.log(`  could not determine ${u}`);
}

/** The ids already in the target corpus; a corpus that does not load is fixed before adding to it. */
function existingArticles(dir: string): Existing {
  const ids: Existing = new Map();
  try {
    for (const a of loadCorpus(dir).articles) ids.set(a.id, { file: a.file, text: readFileSync(a.file, 'utf8') });
  } catch (error) {
    if (error instanceof CorpusError && error.problem.startsWith('no articles found')) return ids;
    if (error instanceof CorpusError)
      throw new CliError(`the corpus in ${dir} does not load, fix it before adding to it: ${error.message}`, 1);
    throw error;
  }
  return ids;
}
