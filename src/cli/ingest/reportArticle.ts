import { relative } from 'node:path';
import { ingestedSentences, type RemovedText } from '../../ingest/ingestRawArticle.js';
import type { PageArticle } from '../../ingest/ingestPage.js';
import type { Added, Overrides } from './addArticle.js';

const shown = (path: string) => relative(process.cwd(), path) || path;

/** What ingesting one page did: where it went, its metadata, what was removed and what could not be determined. */
export function reportArticle(label: string, added: Added, found: PageArticle, overrides: Overrides, print: (line: string) => void): void {
  const { meta, target } = added;
  const state =
    added.outcome === 'known url'
      ? `, already in the corpus with this URL, nothing written`
      : added.outcome === 'unchanged'
        ? ', already in the corpus, unchanged'
        : '';
  print(`${label} -> ${meta.id} (${shown(target)}${state})`);
  if (added.outcome === 'known url') return;
  print(
    `  title: ${meta.title}\n  date: ${meta.date ?? (overrides.undated ? 'none (--undated)' : 'none')}  publisher: ${meta.source ?? 'unknown'}  sentences: ${ingestedSentences(found).length}`,
  );
  if (meta.url) print(`  url: ${meta.url}`);
  if (meta.dateNote) print(`  date note: ${meta.dateNote}`);
  for (const line of removedLines(found.removed)) print(line);
  const stillUnknown = found.unknown.filter(
    (u) =>
      !(
        (u.startsWith('date') && (overrides.date || meta.date)) ||
        (u.startsWith('title') && overrides.title) ||
        (u.startsWith('publisher') && overrides.source)
      ),
  );
  for (const u of stillUnknown) print(`  could not determine ${u}`);
}

function removedLines(removed: RemovedText[]): string[] {
  const byKind = new Map<string, string[]>();
  for (const r of removed) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.text]);
  return [...byKind].map(([kind, texts]) => {
    const shownTexts = texts.slice(0, 3).map((t) => (t.length > 50 ? `${t.slice(0, 49)}…` : t));
    return `  removed ${texts.length} ${kind}${texts.length > 1 ? ' lines' : ''}: ${shownTexts.map((t) => JSON.stringify(t)).join(', ')}${texts.length > 3 ? ', …' : ''}`;
  });
}
