import { stringify } from 'yaml';
import type { ArticleMeta } from './schema.js';

/** An article in the corpus's Markdown format: front matter, then one paragraph per block. */
export function writeMarkdownArticle(meta: ArticleMeta, paragraphs: string[]): string {
  const { id, title, date, source, url, dateNote, titleNote, sourceNote } = meta;
  const frontMatter = stringify(
    { id, title, date, source, url, ...(dateNote ? { dateNote } : {}), ...(titleNote ? { titleNote } : {}), ...(sourceNote ? { sourceNote } : {}) },
    { lineWidth: 0, defaultStringType: 'PLAIN', nullStr: 'null' },
  );
  return `---\n${frontMatter}---\n\n${paragraphs.join('\n\n')}\n`;
}
