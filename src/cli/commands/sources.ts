import { formatDate } from '../../corpus/articleDate.js';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { loadConfig } from '../../config/loadConfig.js';
import { parseCommand } from '../parseCliArgs.js';
import { sourcesSpec as spec } from '../specs.js';

export function run(argv: string[]): void {
  const { values } = parseCommand(spec, argv);
  const { articles } = loadCorpus(loadConfig('corpus', { corpus: values.corpus }).corpusDir);
  if (values.json) {
    const list = articles.map((a) => ({
      id: a.id,
      title: a.title,
      date: a.date,
      datePrecision: a.datePrecision,
      source: a.source,
      url: a.url,
      sentences: a.sentences.length,
    }));
    console.log(JSON.stringify(list, null, 2));
    return;
  }
  for (const a of articles) {
    console.log(
      `${a.id}  ${formatDate(a.date).padEnd(12)} ${a.title} · ${a.source ?? 'publisher unknown'} · ${a.sentences.length} sentences`,
    );
  }
}
