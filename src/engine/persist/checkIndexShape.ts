import type { IndexData } from '../sentenceIndex.js';
import type { SentenceShape } from './indexArticles.js';
import { IndexFileError, type CsrName, type Header } from './indexLayout.js';

/**
 * The arrays must agree with each other and with what they are per (sentence, term, section,
 * article), so that a file that passes the checksum but was not written by writeIndexFile is
 * refused here rather than met in the middle of a question: sentence texts are decoded lazily,
 * so everything decoding them relies on is checked now. (The values themselves are as the writer
 * wrote them.) Returns each article's first sentence.
 */
export function checkIndexShape(
  index: Omit<IndexData, 'articles' | 'articleStart'>,
  header: Header,
  shape: SentenceShape,
  textBytes: number,
): Uint32Array {
  const sentences = index.sentenceCount;
  const terms = index.terms.length;
  const sections = index.sectionStart.length - 1;
  const rows: [CsrName, number][] = [
    ['postings', terms],
    ['sentenceTerms', sentences],
    ['sequence', sentences],
    ['numbers', sentences],
    ['names', sentences],
    ['places', sentences],
    ['years', sentences],
    ['contextTerms', sections],
    ['contextPostings', terms],
  ];
  for (const [name, count] of rows) {
    const { start, data } = index[name];
    if (start.length !== count + 1 || start[0] !== 0 || start[count] !== data.length)
      throw new IndexFileError(`its ${name} do not fit its ${count} rows`);
  }
  const lengths: [string, number, number][] = [
    ['answerFlags', index.answerFlags.length, sentences],
    ['articleOf', index.articleOf.length, sentences],
    ['sectionOf', index.sectionOf.length, sentences],
    ['lengthNorm', index.lengthNorm.length, sentences],
    ['commonFlags', index.commonFlags.length, index.sentenceTerms.data.length],
    ['commonVocabulary', index.commonVocabulary.length, terms],
    ['sectionStart', sections < 0 ? -1 : index.sectionStart[sections]!, sentences],
    ['sentenceHeading', shape.sentenceHeading.length, sentences],
    ['paragraphs', shape.paragraphs.length, sentences],
    ['texts', textBytes, shape.textStart[sentences] ?? -1],
  ];
  for (const [name, length, expected] of lengths)
    if (length !== expected) throw new IndexFileError(`its ${name} has ${length} entries, not ${expected}`);
  checkAscending('textStart', shape.textStart);
  for (let i = 0; i < sentences; i++) {
    if (shape.sentenceHeading[i]! > shape.headings.length)
      throw new IndexFileError(`its sentence ${i} is under heading ${shape.sentenceHeading[i]}, which it does not list`);
  }
  checkStrings(header);
  return articleStarts(index.articleOf, checkColumns(header));
}

function checkAscending(name: string, values: Uint32Array): void {
  if (values[0] !== 0) throw new IndexFileError(`its ${name} does not start at 0`);
  for (let i = 1; i < values.length; i++) if (values[i]! < values[i - 1]!) throw new IndexFileError(`its ${name} goes backwards at ${i}`);
}

/** Every article column as long as the ids; returns the number of articles. */
function checkColumns({ articles }: Header): number {
  const count = articles.id.length;
  for (const column of ['title', 'date', 'source', 'url', 'file'] as const) {
    if (articles[column].length !== count)
      throw new IndexFileError(`its article ${column}s are ${articles[column].length}, for ${count} articles`);
  }
  if (articles.file.some((f) => articles.files[f] === undefined)) throw new IndexFileError('it names a corpus file it does not list');
  if (articles.notes.some(([i]) => !(i >= 0 && i < count))) throw new IndexFileError('it has notes for an article it does not list');
  return count;
}

/** What the suggestions and the vocabulary take as text is text. */
function checkStrings(header: Header): void {
  for (const name of ['entities', 'topics', 'headings', 'questions'] as const) {
    const list = header[name];
    if (name === 'questions' && list === null) continue;
    if (!Array.isArray(list) || list.some((s) => typeof s !== 'string')) throw new IndexFileError(`its ${name} are not a list of texts`);
  }
}

/** Sentences come article after article: each article's first sentence, from the sentences' article numbers. */
function articleStarts(articleOf: Uint32Array, articles: number): Uint32Array {
  const start = new Uint32Array(articles + 1);
  let article = 0;
  for (let id = 0; id < articleOf.length; id++) {
    const a = articleOf[id]!;
    if (a >= articles) throw new IndexFileError(`its sentence ${id} belongs to article ${a}, which it does not list`);
    if (a < article) throw new IndexFileError(`its sentence ${id} belongs to article ${a}, after article ${article}`);
    while (article < a) start[++article] = id;
  }
  while (article < articles) start[++article] = articleOf.length;
  return start;
}
