// The named things of a corpus, for /ask autocomplete. Found once when the index is built and
// kept in the index file: at 1M sentences the scan takes ~3 s, too long for every start-up.
import type { Article } from '../corpus/schema.js';

/** Most-mentioned named things kept; enough for any corpus a chat bot serves. */
const MAX_ENTITIES = 2000;

// Capitalised words, optionally joined by lower-case linkers: "Ministry of Industry and Information Technology".
const NAME_RUN = /[A-Z][\p{L}\p{N}'’-]*(?:\s+(?:(?:of|and|for|the|de)\s+)*[A-Z][\p{L}\p{N}'’-]*)*/gu;
const LEADING_FILLER =
  /^(?:(?:The|A|An|In|On|At|By|As|From|Since|For|This|That|These|Those|According|Over|With|Under|After|Before|During|Its|Their|Our|It|He|She|They|We|But|And|Also|Statistic|Statistics)\s+)+/;
const NOT_NAMES = new Set(
  'January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An In On At By As It He She They We This That These Those According Since From For But And Also'.split(
    ' ',
  ),
);

/** Named things in the articles, most frequent first. */
export function corpusEntities(articles: readonly Article[]): string[] {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const sentence of article.sentences) {
      for (const match of sentence.text.matchAll(NAME_RUN)) {
        const atStart = match.index === 0;
        const name = match[0]
          .replace(LEADING_FILLER, '')
          .replace(/['’]s$/, '')
          .replace(/[-'’]+$/, '')
          .trim();
        if (!name || NOT_NAMES.has(name)) continue;
        const single = !name.includes(' ');
        // A lone capitalised word that opens a sentence is usually just the first word.
        if (single && atStart && match[0] === name) continue;
        if (single && name.length < 3 && !/[A-Z].*[A-Z]/.test(name)) continue;
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_ENTITIES)
    .map(([name]) => name);
}

/** Article titles and section headings, each once, in corpus order. */
export function corpusTopics(articles: readonly Article[]): string[] {
  return [...new Set(articles.flatMap((a) => [a.title, ...a.sections.map((s) => s.heading).filter((h): h is string => h !== null)]))];
}
