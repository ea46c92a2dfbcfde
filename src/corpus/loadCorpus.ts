import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { datePrecision } from './articleDate.js';
import { CorpusError } from './corpusError.js';
import { parseSections, sentencesOf } from './parseBody.js';
import { parseMarkdownArticle } from './parseMarkdownArticle.js';
import { jsonlArticleSchema, type Article, type ArticleMeta, type Corpus } from './schema.js';
import { zodIssueToError } from './zodIssueToError.js';

/**
 * Whether an entry of a corpus folder is an article file: `.md` or `.jsonl`, and not hidden (an
 * editor's lock or swap file, such as Emacs's `.#article.md`, is not an article).
 */
export const isCorpusFileName = (name: string): boolean => /\.(md|jsonl)$/i.test(name) && !name.startsWith('.');

/** The corpus files of a folder: its `.md` and `.jsonl` files (not hidden ones, not subfolders such as `raw/`), in name order. */
export function corpusFiles(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    names = readdirSync(dir);
  } catch {
    throw new CorpusError(dir, null, null, 'the corpus folder does not exist or cannot be read: pass --corpus DIR or set CITEBOT_CORPUS to a folder of .md or .jsonl articles');
  }
  return names
    .filter(isCorpusFileName)
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => {
      // A link to nowhere, or a file removed while we look, is a corpus problem to name, not a crash.
      try {
        return statSync(path).isFile();
      } catch (error) {
        throw new CorpusError(shown(path), null, null, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): remove it or restore what it points to`);
      }
    });
}

/**
 * Loads and validates every article of a corpus folder. Any bad file stops the load with
 * a CorpusError naming the file, line and field: a corpus is served whole or not at all.
 */
export function loadCorpus(dir: string): Corpus {
  const root = resolve(dir);
  const files = corpusFiles(root);
  const articles: Article[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const label = shown(file);
    for (const { article, line } of loadArticleFile(file, label)) {
      const first = seen.get(article.id);
      if (first) throw new CorpusError(label, line, 'id', `duplicate id "${article.id}": ${first} already uses it; ids must be unique across the corpus`);
      seen.set(article.id, line === null ? label : `${label}:${line}`);
      articles.push(article);
    }
  }
  if (articles.length === 0) {
    throw new CorpusError(shown(root), null, null, 'no articles found: add .md or .jsonl files (see the corpus format in README.md)');
  }
  return { dir: root, articles };
}

/** The articles of one corpus file (a .jsonl file holds several; any other file is Markdown). CorpusError when it does not load. */
export function loadArticleFile(file: string, label = shown(file)): { article: Article; line: number | null }[] {
  const source = readText(label, file);
  return file.toLowerCase().endsWith('.jsonl') ? parseJsonl(label, source) : [markdownArticle(label, source)];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's text, refused (CorpusError naming `label`) unless it is readable, UTF-8 and free of NUL bytes. */
export function readText(label: string, file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CorpusError(label, null, null, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  // Quotes must be the article's words: bytes that are not text are refused, never quoted as U+FFFD.
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new CorpusError(label, lineOfBadByte(bytes), null, 'is not valid UTF-8 text: save it as UTF-8');
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) throw new CorpusError(label, text.slice(0, nul).split('\n').length, null, 'contains a NUL byte: it is not a text file, or it is damaged');
  return text;
}

/** The line of the first byte sequence that is not UTF-8, for the error message. */
function lineOfBadByte(bytes: Buffer): number {
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    try {
      strictUtf8.decode(bytes.subarray(0, i + 1), { stream: true });
    } catch {
      return line;
    }
    if (bytes[i] === 0x0a) line++;
  }
  return line;
}

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}

function markdownArticle(file: string, source: string): { article: Article; line: number | null } {
  const { meta, body, bodyLine } = parseMarkdownArticle(file, source);
  return { article: toArticle(file, meta, body, bodyLine), line: null };
}

function parseJsonl(file: string, source: string): { article: Article; line: number }[] {
  const out: { article: Article; line: number }[] = [];
  source.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((text, i) => {
    const line = i + 1;
    if (!text.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new CorpusError(file, line, null, `not valid JSON (${(error as Error).message}): expected one article object per line`);
    }
    const parsed = jsonlArticleSchema.safeParse(value, { reportInput: true });
    if (!parsed.success) throw zodIssueToError(file, parsed.error.issues[0]!, () => line);
    const { text: body, ...meta } = parsed.data;
    out.push({ article: toArticle(file, meta, body, line), line });
  });
  return out;
}

function toArticle(file: string, meta: ArticleMeta, body: string, bodyLine: number): Article {
  const sections = parseSections(body);
  const sentences = sentencesOf(meta.id, sections);
  if (sentences.length === 0) {
    const jsonl = file.toLowerCase().endsWith('.jsonl');
    throw new CorpusError(file, bodyLine, jsonl ? 'text' : 'body', `the article has no sentences: expected its text ${jsonl ? 'in "text" (not only ## headings)' : 'below the front matter'}`);
  }
  return { ...meta, datePrecision: datePrecision(meta.date), sections, sentences, file };
}
