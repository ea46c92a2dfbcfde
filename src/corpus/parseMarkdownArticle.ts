import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { CorpusError } from './corpusError.js';
import { markdownFrontMatterSchema, type ArticleMeta } from './schema.js';
import { zodIssueToError } from './zodIssueToError.js';

export interface ParsedArticleSource {
  meta: ArticleMeta;
  body: string;
  /** Line in the file where the body starts, so body problems can be located. */
  bodyLine: number;
}

// Required when the first Markdown article is parsed, not imported: a start from a prebuilt index
// parses none, and loading yaml is ~40 ms of a one-off `citebot ask`.
let yaml: typeof Yaml | undefined;
const yamlModule = () => (yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** A Markdown article: YAML front matter between `---` lines, then the body. */
export function parseMarkdownArticle(file: string, source: string): ParsedArticleSource {
  const text = source.replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    throw new CorpusError(file, 1, null, 'expected YAML front matter between two "---" lines at the top of the file (id, title, date, source, url)');
  }
  const { LineCounter, parseDocument, isMap, isScalar } = yamlModule();
  const lineCounter = new LineCounter();
  const doc = parseDocument(match[1]!, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const line = lineCounter.linePos(error.pos[0]).line + 1;
    throw new CorpusError(file, line, null, `the front matter is not valid YAML: ${error.message.split('\n')[0]}`);
  }
  if (!isMap(doc.contents)) {
    throw new CorpusError(file, 2, null, 'expected the front matter to be a YAML mapping of fields (id: ..., title: ...)');
  }
  // Line of each key, so a bad value is reported where it is written.
  const keyLines = new Map<string, number>();
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) {
      keyLines.set(String(pair.key.value), lineCounter.linePos(pair.key.range[0]).line + 1);
    }
  }
  let fields: unknown;
  try {
    fields = doc.toJS();
  } catch (error) {
    // yaml refuses what would expand without bound (an alias bomb): still this file's problem, said with its name.
    throw new CorpusError(file, 2, null, `the front matter cannot be read: ${(error as Error).message}`);
  }
  const parsed = markdownFrontMatterSchema.safeParse(fields, { reportInput: true });
  if (!parsed.success) {
    throw zodIssueToError(file, parsed.error.issues[0]!, (field) => (field === null ? undefined : keyLines.get(field)) ?? 1);
  }
  const bodyLine = text.slice(0, match[0].length).split('\n').length;
  return { meta: parsed.data, body: text.slice(match[0].length), bodyLine };
}
