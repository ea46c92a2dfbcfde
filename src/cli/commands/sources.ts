import { formatDate } from '../../corpus/articleDate.js';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { resolveCorpusDir } from '../../paths/packageRoot.js';
import { parseCliArgs } from '../parseCliArgs.js';

export const usage = 'citebot sources [--corpus DIR] [--json]';
export const summary = 'list the articles of the corpus';

export function run(argv: string[]): void {
  const { values } = parseCliArgs(argv, { corpus: { type: 'string' }, json: { type: 'boolean' } }, usage);
  const { articles } = loadCorpus(resolveCorpusDir(values.corpus));
  if (values.json) {
    const list = articles.map((a) => ({ id: a.id, title: a.title, date: a.date, datePrecision: a.datePrecision, source: a.source, url: a.url, sentences: a.sentences.length }));
    console.log(JSON.stringify(list, null, 2));
    return;
  }
  for (const a of articles) {
    console.log(`${a.id}  ${formatDate(a.date).padEnd(12)} ${a.title} · ${a.source ?? 'publisher unknown'} · ${a.sentences.length} sentences`);
  }
}
