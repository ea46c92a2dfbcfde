import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { relative } from 'node:path';
import { loadConfig } from '../../config/loadConfig.js';
import { CorpusError } from '../../corpus/corpusError.js';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { articleMetaSchema } from '../../corpus/schema.js';
import { defaultIndexFile } from '../../engine/engine.js';
import { HTML_PAGE, parseHttpUrl, type FetchLimits } from '../../ingest/fetchUrl.js';
import { ingestPage } from '../../ingest/ingestPage.js';
import { progress as terminalProgress, type Progress } from '../../terminal/progress.js';
import { CliError } from '../cliError.js';
import { fsStep, isFolder } from '../fsError.js';
import { addArticle, type CorpusState, type Overrides } from '../ingest/addArticle.js';
import { ingestFeed } from '../ingest/ingestFeed.js';
import { readSource } from '../ingest/readSource.js';
import { reportArticle } from '../ingest/reportArticle.js';
import { parseCommand, parsePositiveInt, usageOf } from '../parseCliArgs.js';
import { ingestSpec as spec } from '../specs.js';
import { writeIndex } from './buildIndex.js';

export { placeArticle } from '../ingest/placeArticle.js';

/** Said once after anything was added: another engineer's live reload makes it true, and a restart always does. */
export const PICKED_UP = 'A running bot, serve or console picks it up within a few seconds; otherwise restart it.';

export async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommand(spec, argv);
  const feed = values.feed;
  if (feed === undefined && positionals.length === 0)
    throw new CliError(`give at least one page: a file or an http(s) URL (or --feed URL|FILE)\nusage: ${usageOf(spec)}`);
  if (feed !== undefined && positionals.length > 0)
    throw new CliError(`--feed reads the pages its items link to: give it alone, without "${positionals[0]}"`);
  if (feed !== undefined && (values.id !== undefined || values.title !== undefined || values.date !== undefined))
    throw new CliError(
      '--id, --title and --date name one article: with --feed, each page gives its own (--source and --undated apply to all)',
    );
  if (values.date && values.undated) throw new CliError('give either --date or --undated, not both');
  if (values.id !== undefined && positionals.length > 1) throw new CliError('--id names one article: give one FILE with it');
  checkFlags(values);
  const maxItems = parsePositiveInt(values['max-items'], '--max-items');
  const config = loadConfig('ingest', { corpus: values.corpus });
  const corpus = corpusState(corpusFolder(config.corpusDir, Boolean(values.create)));
  const progress = terminalProgress();

  let added: number;
  let failed: number;
  let tried: number;
  if (feed !== undefined) {
    const result = await ingestFeed(feed, corpus, values, config.fetch, maxItems, progress);
    [added, failed, tried] = [result.added, result.failed, result.added + result.skipped + result.failed];
  } else {
    added = 0;
    failed = 0;
    tried = positionals.length;
    for (const source of positionals) {
      try {
        if (await ingestOne(source, corpus, values, config.fetch, progress)) added++;
      } catch (error) {
        progress.done();
        if (!(error instanceof CliError)) throw error;
        console.error(`${source}: ${error.message}`);
        failed++;
      }
    }
  }
  // A prebuilt index beside the articles no longer matches them: refreshed, or every ask would index the corpus itself (and say so).
  const index = defaultIndexFile(corpus.dir);
  if (added > 0 && existsSync(index)) {
    const summary = writeIndex(corpus.dir, index, progress);
    progress.done();
    console.log(`refreshed the prebuilt index ${relative(process.cwd(), index) || index}: ${summary}`);
  }
  if (added > 0) console.log(PICKED_UP);
  if (feed !== undefined) {
    // A feed run fails only when it could read nothing at all: some pages failing is the feed's
    // everyday state (a page moved, a server slow), and the next run tries them again.
    if (failed > 0 && failed === tried) throw new CliError(`none of the feed's ${tried} item(s) could be read`, 1);
  } else if (failed > 0) throw new CliError(`${failed} of ${positionals.length} page(s) not ingested`, 1);
}

async function ingestOne(source: string, corpus: CorpusState, overrides: Overrides, limits: FetchLimits, progress: Progress) {
  if (parseHttpUrl(source)) progress.update(`fetching ${source}…`);
  const page = await readSource(source, HTML_PAGE, limits);
  progress.done();
  const found = ingestPage(page.text, page.url);
  const added = addArticle(page.text, found, corpus, overrides);
  reportArticle(parseHttpUrl(source) ? source : source.replace(/^.*[\\/]/, ''), added, found, overrides, (line) => console.log(line));
  return added.outcome === 'written';
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

/** The articles already in the target corpus, by id and by URL; a corpus that does not load is fixed before adding to it. */
function corpusState(dir: string): CorpusState {
  const state: CorpusState = { dir, byId: new Map(), byUrl: new Map() };
  try {
    for (const a of loadCorpus(dir).articles) {
      state.byId.set(a.id, { file: a.file, text: readFileSync(a.file, 'utf8') });
      if (a.url) state.byUrl.set(a.url, a.id);
    }
  } catch (error) {
    if (error instanceof CorpusError && error.problem.startsWith('no articles found')) return state;
    if (error instanceof CorpusError)
      throw new CliError(`the corpus in ${dir} does not load, fix it before adding to it: ${error.message}`, 1);
    throw error;
  }
  return state;
}
