/**
 * Articles and sentences in an index file: metadata as columns, sentence texts as one UTF-8
 * region with offsets. Read back, a sentence is decoded when asked for, an article's sentences and
 * sections when first used: a million sentences cost a few typed arrays at start-up, not a million objects.
 */
import { datePrecision } from '../../corpus/articleDate.js';
import type { Article, Section, Sentence } from '../../corpus/schema.js';
import type { SentenceIndex } from '../sentenceIndex.js';
import type { ArticleColumns } from './indexLayout.js';

/** The sentences' own data, in the arrays the file stores. */
export interface SentenceShape {
  headings: string[];
  /** Per sentence: heading number + 1, 0 for none. */
  sentenceHeading: Uint32Array;
  paragraphs: Uint32Array;
  /** Per sentence: where its text starts in the texts region; one more entry, the region's length. */
  textStart: Uint32Array;
}

export function articleColumns(articles: readonly Article[]): ArticleColumns {
  const files: string[] = [];
  const fileNumber = new Map<string, number>();
  const columns: ArticleColumns = { id: [], title: [], date: [], source: [], url: [], files, file: [], notes: [] };
  articles.forEach((a, i) => {
    columns.id.push(a.id);
    columns.title.push(a.title);
    columns.date.push(a.date);
    columns.source.push(a.source);
    columns.url.push(a.url);
    if (!fileNumber.has(a.file)) fileNumber.set(a.file, files.push(a.file) - 1);
    columns.file.push(fileNumber.get(a.file)!);
    const notes = Object.fromEntries(
      (['dateNote', 'titleNote', 'sourceNote'] as const).flatMap((k) => (a[k] === undefined ? [] : [[k, a[k]]])),
    );
    if (Object.keys(notes).length) columns.notes.push([i, notes]);
  });
  return columns;
}

export function sentenceShape(index: SentenceIndex): SentenceShape {
  const n = index.sentenceCount;
  const headings: string[] = [];
  const headingNumber = new Map<string, number>();
  const shape = { headings, sentenceHeading: new Uint32Array(n), paragraphs: new Uint32Array(n), textStart: new Uint32Array(n + 1) };
  for (let id = 0; id < n; id++) {
    const { section, paragraph, text } = index.sentence(id);
    if (section !== null && !headingNumber.has(section)) headingNumber.set(section, headings.push(section) - 1);
    shape.sentenceHeading[id] = section === null ? 0 : headingNumber.get(section)! + 1;
    shape.paragraphs[id] = paragraph;
    shape.textStart[id + 1] = shape.textStart[id]! + Buffer.byteLength(text, 'utf8');
  }
  return shape;
}

/**
 * The sentences and articles of an index file, decoded from its arrays when asked for: one
 * sentence at a time (a question's candidates), or an article's sentences and sections the first
 * time they are used. The reader has checked the arrays against each other (checkIndexShape),
 * so decoding cannot fail.
 */
export class StoredSentences {
  constructor(
    private readonly columns: ArticleColumns,
    private readonly shape: SentenceShape,
    private readonly texts: Buffer,
    private readonly articleOf: Uint32Array,
    private readonly articleStart: Uint32Array,
  ) {}

  sentence(id: number): Sentence {
    const { shape, articleOf, articleStart } = this;
    const article = articleOf[id]!;
    const documentId = this.columns.id[article]!;
    const index = id - articleStart[article]!;
    const h = shape.sentenceHeading[id]!;
    const text = this.texts.toString('utf8', shape.textStart[id]!, shape.textStart[id + 1]!);
    return {
      id: `${documentId}:${index}`,
      documentId,
      index,
      text,
      section: h === 0 ? null : shape.headings[h - 1]!,
      paragraph: shape.paragraphs[id]!,
    };
  }

  articles(): Article[] {
    const { columns, articleStart } = this;
    const notes = new Map(columns.notes);
    return columns.id.map((id, i) => {
      let body: { sections: Section[]; sentences: Sentence[] } | undefined;
      const read = () => (body ??= this.body(articleStart[i]!, articleStart[i + 1]!));
      const date = columns.date[i]!;
      const article: Article = {
        id,
        title: columns.title[i]!,
        date,
        datePrecision: datePrecision(date),
        source: columns.source[i]!,
        url: columns.url[i]!,
        file: columns.files[columns.file[i]!]!,
        get sections() {
          return read().sections;
        },
        get sentences() {
          return read().sentences;
        },
      };
      return notes.has(i) ? Object.assign(article, notes.get(i)) : article;
    });
  }

  /** Sentences `from` to `to` as their article's; sections and paragraphs come back from them (a paragraph is its sentences joined by single spaces, as the splitter cut it). */
  private body(from: number, to: number): { sections: Section[]; sentences: Sentence[] } {
    const sentences: Sentence[] = [];
    const sections: Section[] = [];
    for (let id = from; id < to; id++) {
      const sentence = this.sentence(id);
      const previous = sentences.at(-1);
      sentences.push(sentence);
      if (!previous || previous.section !== sentence.section) sections.push({ heading: sentence.section, paragraphs: [sentence.text] });
      else if (previous.paragraph !== sentence.paragraph) sections.at(-1)!.paragraphs.push(sentence.text);
      else {
        const last = sections.at(-1)!;
        last.paragraphs[last.paragraphs.length - 1] += ` ${sentence.text}`;
      }
    }
    return { sections, sentences };
  }
}
