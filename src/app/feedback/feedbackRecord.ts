// One line of the feedback file: what a person said about an answer, for the corpus's
// curators. The question and the sentence ids, never who: the user is a keyed hash.
import { z } from 'zod';

/** `documentId:sentenceIndex`, as the buttons carry them. */
const quoteId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}:\d{1,6}$/, 'must be documentId:sentenceIndex');

export const FEEDBACK_CHOICES = ['not-it', 'shared-alternative'] as const;

export const feedbackRecordSchema = z.object({
  /** When, as an ISO 8601 UTC timestamp. */
  time: z.iso.datetime(),
  question: z.string(),
  /** The quotes the answer showed: the answer first, then the other sources' dated answers. */
  shown: z.array(quoteId),
  /** `not-it`: "Not it?" was pressed; `shared-alternative`: one of the next best sentences it offered was shared. */
  choice: z.enum(FEEDBACK_CHOICES),
  /** not-it: the next best sentences offered instead, best first. */
  offered: z.array(quoteId).optional(),
  /** shared-alternative: the sentence shared. */
  alternative: quoteId.optional(),
  /** HMAC-SHA256 of the Discord user id under this installation's secret key (first 32 hex digits). */
  user: z.string().regex(/^[0-9a-f]{32}$/),
});

export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;
/** What a handler gives: the time and the hashed user are added by the log. */
export type FeedbackEntry = Omit<FeedbackRecord, 'time' | 'user'> & { userId: string };
