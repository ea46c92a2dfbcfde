import { formatDate } from '../../corpus/articleDate.js';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { loadConfig } from '../../config/loadConfig.js';
import { CliError } from '../cliError.js';
import { parseCommand, usageOf } from '../parseCliArgs.js';
import { showSpec as spec } from '../specs.js';

export function run(argv: string[]): void {
  const { values, positionals } = parseCommand(spec, argv);
  const [id] = positionals;
  if (!id || positionals.length > 1) throw new CliError(`give one article id\nusage: ${usageOf(spec)}`);
  const { articles } = loadCorpus(loadConfig('corpus', { corpus: values.corpus }).corpusDir);
  const article = articles.find((a) => a.id === id);
  if (!article) throw new CliError(`no article has the id "${id}": \`citebot sources\` lists them`, 1);
  const { sections: _sections, sentences, file: _file, ...meta } = article;
  if (values.json) {
    console.log(JSON.stringify({ ...meta, sentences: sentences.map((s) => s.text) }, null, 2));
    return;
  }
  console.log(
    `${article.title}\n${article.source ?? 'publisher unknown'} · ${formatDate(article.date)}${article.url ? ` · ${article.url}` : ''}`,
  );
  for (const note of [article.dateNote, article.titleNote, article.sourceNote]) if (note) console.log(`note: ${note}`);
  let section: string | null = null;
  for (const s of sentences) {
    if (s.section !== section && s.section) console.log(`\n## ${s.section}`);
    section = s.section;
    console.log(`${String(s.index).padStart(3)}  ${s.text}`);
  }
}
