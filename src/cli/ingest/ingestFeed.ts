// `citebot ingest --feed URL|FILE`: each item's page into the corpus. Idempotent by URL: an item
// whose link, or whose page's canonical URL, is already an article's url is skipped, so running
// it again (from cron, say) adds only what is new. An item whose link differs from its page's
// canonical URL is fetched again on each run to learn that URL (the corpus keeps one URL per article).
import { FEED, HTML_PAGE, type FetchLimits } from '../../ingest/fetchUrl.js';
import { ingestPage } from '../../ingest/ingestPage.js';
import { FeedError, parseFeed, type FeedItem } from '../../ingest/parseFeed.js';
import type { Progress } from '../../terminal/progress.js';
import { CliError } from '../cliError.js';
import { addArticle, type CorpusState, type Overrides } from './addArticle.js';
import { readSource } from './readSource.js';

export interface FeedRun {
  added: number;
  skipped: number;
  failed: number;
}

export async function ingestFeed(
  source: string,
  corpus: CorpusState,
  overrides: Overrides,
  limits: FetchLimits,
  maxItems: number,
  progress: Progress,
): Promise<FeedRun> {
  progress.update(`reading the feed ${source}…`);
  const read = await readSource(source, FEED, limits);
  let feed;
  try {
    feed = parseFeed(read.text, read.url);
  } catch (error) {
    if (error instanceof FeedError) throw new CliError(`${source}: ${error.message}: nothing was written`, 1);
    throw error;
  }
  progress.print(`feed: ${feed.title ?? source} (${feed.format}, ${feed.items.length} item${feed.items.length === 1 ? '' : 's'})`);
  const run: FeedRun = { added: 0, skipped: 0, failed: 0 };
  let left = 0;
  for (const [i, item] of feed.items.entries()) {
    const label = item.link ?? `item ${i + 1}${item.title ? ` "${item.title}"` : ''}`;
    if (!item.link) {
      run.failed++;
      progress.print(`could not read ${label}: it gives no http(s) link to its page`);
      continue;
    }
    const knownAs = corpus.byUrl.get(item.link);
    if (knownAs !== undefined) {
      run.skipped++;
      progress.print(`skipped ${label}: already in the corpus as ${knownAs}`);
      continue;
    }
    // The bound is on new items (added or unreadable), so a run after a full one goes on where it stopped.
    if (run.added + run.failed >= maxItems) {
      left++;
      continue;
    }
    progress.update(`feed: reading item ${i + 1} of ${feed.items.length}: ${item.link}`);
    try {
      const outcome = await addItem(item as FeedItem & { link: string }, feed.title ?? source, corpus, overrides, limits);
      if (outcome.added) run.added++;
      else run.skipped++;
      progress.print(outcome.line);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      run.failed++;
      progress.print(`could not read ${label}: ${error.message}`);
    }
  }
  progress.done();
  console.log(
    `feed ${source}: ${run.added} added, ${run.skipped} skipped (already in the corpus), ${run.failed} could not be read` +
      (left ? `; ${left} more new item${left === 1 ? '' : 's'} left for the next run (--max-items ${maxItems})` : ''),
  );
  return run;
}

async function addItem(
  item: FeedItem & { link: string },
  feedName: string,
  corpus: CorpusState,
  overrides: Overrides,
  limits: FetchLimits,
): Promise<{ added: boolean; line: string }> {
  const page = await readSource(item.link, HTML_PAGE, limits);
  const found = ingestPage(page.text, page.url);
  const added = addArticle(page.text, found, corpus, overrides, item.date ? { date: item.date, feed: feedName } : undefined);
  // Later items may link to this page by another address than its canonical one.
  corpus.byUrl.set(item.link, added.meta.id);
  if (added.outcome === 'written')
    return { added: true, line: `added ${item.link} -> ${added.meta.id} (${added.meta.date ?? 'undated'}: ${added.meta.title})` };
  return { added: false, line: `skipped ${item.link}: already in the corpus as ${added.meta.id}` };
}
