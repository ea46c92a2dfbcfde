// One ingested page into the corpus: every field checked as the loader will check it, then the
// article placed without replacing another, and a web page itself kept in raw/.
import { join, dirname } from 'node:path';
import { markdownFrontMatterSchema, type ArticleMeta } from '../../corpus/schema.js';
import { writeMarkdownArticle } from '../../corpus/writeMarkdownArticle.js';
import type { PageArticle } from '../../ingest/ingestPage.js';
import { slugId } from '../../ingest/slugId.js';
import { splitSentences } from '../../text/splitSentences.js';
import { CliError } from '../cliError.js';
import { differentArticle, keepRawPage, placeArticle } from './placeArticle.js';

export interface Overrides {
  date?: string;
  undated?: boolean;
  title?: string;
  source?: string;
  id?: string;
}

/** The target corpus as it stands: its articles by id, and the ids of the pages it has by URL. */
export interface CorpusState {
  dir: string;
  byId: Map<string, { file: string; text: string }>;
  byUrl: Map<string, string>;
}

export interface Added {
  /** `known url`: the corpus has this page already, under the id in `meta` and in the file `target`. */
  outcome: 'written' | 'unchanged' | 'known url';
  meta: ArticleMeta;
  target: string;
}

/** Where the date came from when neither the page nor a flag gives one: the feed that listed it. */
export interface FeedDate {
  date: string;
  feed: string;
}

export function addArticle(raw: string, found: PageArticle, corpus: CorpusState, overrides: Overrides, feedDate?: FeedDate): Added {
  if (found.paragraphs.length === 0)
    throw new CliError(
      found.format === 'html'
        ? 'no article prose found in the page (no paragraphs of full sentences in its body): nothing was written'
        : 'no article prose found in it (expected paragraphs of full sentences)',
      1,
    );
  const fromFeed = !overrides.date && !found.date && feedDate ? feedDate : undefined;
  const date = overrides.date ?? found.date ?? fromFeed?.date;
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
  const title = overrides.title ?? found.title ?? openingWords(found.paragraphs[0]!);
  const dateNote = overrides.date
    ? curatorDateNote(overrides.date, found.date)
    : fromFeed
      ? `The page prints no date: this is the publication date the feed ${fromFeed.feed} gives for it.`
      : found.dateNote;
  const checked = markdownFrontMatterSchema.safeParse({
    id: overrides.id ?? slugId(title),
    title,
    date: date ?? null,
    source: overrides.source ?? found.source,
    url: found.url,
    ...(dateNote ? { dateNote } : {}),
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
  const target = join(corpus.dir, `${meta.id}.md`);
  // The same page under another id (its headline edited since): the corpus has it already.
  const knownAs = meta.url ? corpus.byUrl.get(meta.url) : undefined;
  if (knownAs !== undefined && knownAs !== meta.id)
    return { outcome: 'known url', meta: { ...meta, id: knownAs }, target: corpus.byId.get(knownAs)?.file ?? target };
  const text = writeMarkdownArticle(meta, found.paragraphs);
  const clash = corpus.byId.get(meta.id);
  if (clash && clash.text !== text) throw differentArticle(meta.id, clash.file);
  // The id pattern allows no separators or leading dots; say here too that the file stays in the folder.
  if (dirname(target) !== corpus.dir) throw new CliError(`the id "${meta.id}" would leave the corpus folder: nothing was written`, 1);
  const unchanged = Boolean(clash) || placeArticle(target, text, meta.id) === 'unchanged';
  corpus.byId.set(meta.id, { file: target, text });
  if (meta.url) corpus.byUrl.set(meta.url, meta.id);
  // A web page may change or vanish: the HTML it was made from stays beside it. A text scrape is a
  // file the curator already keeps (the bundled corpus's are in corpus/raw/ by hand).
  if (!unchanged && found.format === 'html') keepRawPage(corpus.dir, meta.id, raw);
  return { outcome: unchanged ? 'unchanged' : 'written', meta, target };
}

/** A page without a headline is titled by the opening of its first sentence (and says so in a titleNote). */
function openingWords(paragraph: string): string {
  return splitSentences(paragraph)[0]!
    .split(' ')
    .slice(0, 12)
    .join(' ')
    .replace(/[.,;:]?$/, '…');
}

function curatorDateNote(given: string, found: string | null): string {
  return `Date given by the curator (--date ${given}); ${found ? `the scraped text gives ${found}` : 'the scraped text prints none'}.`;
}
