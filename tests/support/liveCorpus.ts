// Live reload in the tests: a corpus folder of the test's own (a copy of the bundled corpus, its
// prebuilt index included), articles written into it as `ingest` or an editor would, and polling
// until a condition holds (never a fixed sleep).
import { cpSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/** A copy of the bundled corpus's articles and prebuilt index in `dir` (not raw/: it is not corpus). */
export function copyCorpus(dir: string): string {
  for (const name of readdirSync(join(ROOT, 'corpus')))
    if (name.endsWith('.md') || name === '.citebot-index') cpSync(join(ROOT, 'corpus', name), join(dir, name));
  return dir;
}

/** A Markdown article as the corpus holds them, written whole at once (beside, then renamed in, as editors do). */
export function writeArticle(dir: string, article: { id: string; title: string; date: string; body: string }, name = `${article.id}.md`) {
  const text = `---\nid: ${article.id}\ntitle: ${article.title}\ndate: ${article.date}\nsource: example.org\nurl: null\n---\n\n${article.body}\n`;
  const temp = join(dir, `.${name}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, join(dir, name));
}

/** A file the corpus loader refuses: front matter without a date line that parses. */
export function writeBrokenArticle(dir: string, name: string) {
  writeFileSync(
    join(dir, name),
    '---\nid: broken\ntitle: Half written\ndate: the 45th of Nonember\nsource: example.org\nurl: null\n---\n\nSome text.\n',
  );
}

/** Calls `probe` until it returns something (not undefined), every 50 ms, for at most `timeoutMs`. */
export async function pollUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
