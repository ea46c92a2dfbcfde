import { z } from 'zod';

/** A publication date as the corpus format writes it: day, month or year precision, or unknown. */
export const DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The pattern allows "2021-02-30"; a date that cites a source must be a real day. */
export function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  if (day === undefined) return true;
  const d = new Date(Date.UTC(year!, month! - 1, day));
  return d.getUTCMonth() === month! - 1 && d.getUTCDate() === day;
}

// YAML reads an unquoted `date: 2018` as a number; a bare year is still a year.
const dateField = z.preprocess(
  (value) => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value),
  z
    .string({ error: 'expected a date as "YYYY-MM-DD", "YYYY-MM", "YYYY" or null' })
    .regex(DATE_PATTERN, 'expected a date as "YYYY-MM-DD", "YYYY-MM", "YYYY" or null')
    .refine(isCalendarDate, 'expected a day that exists in the calendar (not "2021-02-30")')
    .nullable(),
);

const nonEmpty = (what: string) => z.string({ error: `expected ${what} (a non-empty string)` }).trim().min(1, `expected ${what} (a non-empty string)`);

/** Ids end up in Discord custom ids (100 characters with the sentence number), so keep them short and URL-safe. */
export const articleIdSchema = z
  .string({ error: 'expected an id (a non-empty string)' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'expected an id of 1-64 letters, digits, "_", "-" or "." starting with a letter or digit');

/** The metadata every article carries, in Markdown front matter or on a JSONL line. */
export const articleMetaSchema = z.object({
  id: articleIdSchema,
  title: nonEmpty('a title'),
  date: dateField,
  source: nonEmpty('the publisher').nullable(),
  url: z.url({ error: 'expected an absolute URL or null' }).nullable().or(z.literal('').transform(() => null)),
  dateNote: nonEmpty('a note on the date').optional(),
  titleNote: nonEmpty('a note on the title').optional(),
  sourceNote: nonEmpty('a note on the publisher').optional(),
});

export const markdownFrontMatterSchema = articleMetaSchema.strict();

export const jsonlArticleSchema = articleMetaSchema
  .extend({ text: z.string({ error: 'expected the article text as a string' }).trim().min(1, 'expected non-empty article text') })
  .strict();

export type ArticleMeta = z.infer<typeof articleMetaSchema>;
export type DatePrecision = 'day' | 'month' | 'year';

export interface Section {
  /** The `##` heading above these paragraphs; null before the first heading. */
  heading: string | null;
  paragraphs: string[];
}

export interface Sentence {
  /** `${documentId}:${index}`: stable as long as the article text is. */
  id: string;
  documentId: string;
  /** Position in the article, counting from 0. */
  index: number;
  text: string;
  section: string | null;
  paragraph: number;
}

export interface Article extends ArticleMeta {
  datePrecision: DatePrecision | null;
  sections: Section[];
  sentences: Sentence[];
  /** Where it was loaded from, for error messages and `show`. */
  file: string;
}

export interface Corpus {
  dir: string;
  articles: Article[];
}
