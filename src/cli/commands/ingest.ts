import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { DATE_PATTERN, type ArticleMeta } from '../../corpus/schema.js';
import { CorpusError } from '../../corpus/corpusError.js';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { writeMarkdownArticle } from '../../corpus/writeMarkdownArticle.js';
import { ingestRawArticle, ingestedSentences, type RemovedText } from '../../ingest/ingestRawArticle.js';
import { slugId } from '../../ingest/slugId.js';
import { resolveCorpusDir } from '../../paths/packageRoot.js';
import { splitSentences } from '../../text/splitSentences.js';
import { CliError } from '../cliError.js';
import { parseCliArgs } from '../parseCliArgs.js';

export const usage = 'citebot ingest [--corpus DIR] [--date YYYY[-MM[-DD]] | --undated] [--title T] [--source S] [--id ID] FILE...';
export const summary = 'turn scraped news pages into corpus articles (furniture removed, metadata found)';

export function run(argv: string[]): void {
  const { values, positionals } = parseCliArgs(
    argv,
    {
      corpus: { type: 'string' },
      date: { type: 'string' },
      undated: { type: 'boolean' },
      title: { type: 'string' },
      source: { type: 'string' },
      id: { type: 'string' },
    },
    usage,
  );
  if (positionals.length === 0) throw new CliError(`give at least one scraped article file\nusage: ${usage}`);
  if (values.date && values.undated) throw new CliError('give either --date or --undated, not both');
  if (values.date && !DATE_PATTERN.test(values.date)) throw new CliError(`--date must be YYYY-MM-DD, YYYY-MM or YYYY, got "${values.date}"`);
  if (values.id && positionals.length > 1) throw new CliError('--id names one article: give one FILE with it');
  const dir = resolveCorpusDir(values.corpus);
  const existing = existingArticles(dir);
  let failures = 0;
  for (const file of positionals) {
    try {
      ingestFile(file, dir, existing, values);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      console.error(`${file}: ${error.message}`);
      failures++;
    }
  }
  if (failures > 0) throw new CliError(`${failures} of ${positionals.length} file(s) not ingested`, 1);
}

interface Overrides {
  date?: string;
  undated?: boolean;
  title?: string;
  source?: string;
  id?: string;
}

function ingestFile(file: string, dir: string, existing: Map<string, { file: string; text: string }>, overrides: Overrides): void {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new CliError('cannot read this file', 1);
  }
  const found = ingestRawArticle(raw);
  if (found.paragraphs.length === 0) throw new CliError('no article prose found in it (expected paragraphs of full sentences)', 1);
  const date = overrides.date ?? found.date;
  if (!date && !overrides.undated) {
    const why = found.unknown.find((u) => u.startsWith('date: '))?.replace(/^date: /, '').replace(/ \(give one .*\)$/, '');
    throw new CliError(`no publication date found (${why ?? 'none printed'}): nothing was written; give --date YYYY[-MM[-DD]], or --undated to store it without one`, 1);
  }
  const firstSentence = splitSentences(found.paragraphs[0]!)[0]!;
  const title = overrides.title ?? found.title ?? firstSentence.split(' ').slice(0, 12).join(' ').replace(/[.,;:]?$/, '…');
  const meta: ArticleMeta = {
    id: overrides.id ?? slugId(title),
    title,
    date: date ?? null,
    source: overrides.source ?? found.source,
    url: null,
    ...(overrides.date ? { dateNote: curatorDateNote(overrides.date, found.date) } : found.dateNote ? { dateNote: found.dateNote } : {}),
    ...(!overrides.title && !found.title ? { titleNote: 'The scraped text prints no title: this one is the opening of its first sentence.' } : {}),
  };
  const text = writeMarkdownArticle(meta, found.paragraphs);
  const target = join(dir, `${meta.id}.md`);
  const clash = existing.get(meta.id) ?? (existsSync(target) ? { file: target, text: readFileSync(target, 'utf8') } : undefined);
  if (clash && clash.text !== text) {
    throw new CliError(`the corpus already has a different article with the id "${meta.id}" (${clash.file}): nothing was written; give another id with --id`, 1);
  }
  mkdirSync(dir, { recursive: true });
  if (!clash) writeFileSync(target, text, { flag: 'wx' });
  existing.set(meta.id, { file: target, text });
  report(file, target, meta, ingestedSentences(found).length, found.removed, found.unknown, Boolean(clash), overrides);
}

/** A date the curator gave must say so, and what the text itself said, so a reader can weigh it. */
function curatorDateNote(given: string, found: string | null): string {
  return `Date given by the curator (--date ${given}); ${found ? `the scraped text gives ${found}` : 'the scraped text prints none'}.`;
}

function report(file: string, target: string, meta: ArticleMeta, sentences: number, removed: RemovedText[], unknown: string[], unchanged: boolean, overrides: Overrides): void {
  const where = relative(process.cwd(), target) || target;
  console.log(`${basename(file)} -> ${meta.id} (${where}${unchanged ? ', already in the corpus, unchanged' : ''})`);
  console.log(`  title: ${meta.title}\n  date: ${meta.date ?? (overrides.undated ? 'none (--undated)' : 'none')}  publisher: ${meta.source ?? 'unknown'}  sentences: ${sentences}`);
  if (meta.dateNote) console.log(`  date note: ${meta.dateNote}`);
  const byKind = new Map<string, string[]>();
  for (const r of removed) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.text]);
  for (const [kind, texts] of byKind) {
    const shown = texts.slice(0, 3).map((t) => (t.length > 50 ? `${t.slice(0, 49)}…` : t));
    console.log(`  removed ${texts.length} ${kind}${texts.length > 1 ? ' lines' : ''}: ${shown.map((t) => JSON.stringify(t)).join(', ')}${texts.length > 3 ? ', …' : ''}`);
  }
  const stillUnknown = unknown.filter((u) => !((u.startsWith('date') && overrides.date) || (u.startsWith('title') && overrides.title) || (u.startsWith('publisher') && overrides.source)));
  for (const u of stillUnknown) console.log(`  could not determine ${u}`);
}

/** The ids already in the target corpus; a corpus that does not load is fixed before adding to it. */
function existingArticles(dir: string): Map<string, { file: string; text: string }> {
  const ids = new Map<string, { file: string; text: string }>();
  if (!existsSync(dir)) return ids;
  try {
    for (const a of loadCorpus(dir).articles) ids.set(a.id, { file: a.file, text: readFileSync(a.file, 'utf8') });
  } catch (error) {
    if (error instanceof CorpusError && error.problem.startsWith('no articles found')) return ids;
    if (error instanceof CorpusError) throw new CliError(`the corpus in ${dir} does not load, fix it before adding to it: ${error.message}`, 1);
    throw error;
  }
  return ids;
}
