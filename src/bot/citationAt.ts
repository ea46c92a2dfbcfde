// A citation rebuilt from its ids alone (what a button's custom id carries), so Share
// works after a restart and on any instance without remembering the question.
import type { Engine } from '../engine/engine.js';
import { resolveRelativeDates } from '../engine/resolveRelativeDates.js';
import type { Citation } from '../discord/render/citation.js';

export function citationAt(engine: Engine, documentId: string, sentenceIndex: number): Citation | undefined {
  const found = engine.context(documentId, sentenceIndex, 0);
  const sentence = found?.sentences[0];
  if (!found || !sentence) return undefined;
  const { article } = found;
  return {
    quote: sentence.text,
    date: article.date,
    datePrecision: article.datePrecision,
    documentId: article.id,
    sentenceIndex: sentence.index,
    title: article.title,
    source: article.source,
    url: article.url,
    // Same wording as the engine's own notes (engine.ts toAnswer); an engine.answerAt(id, index) would remove this copy.
    notes: resolveRelativeDates(sentence.text, article.date).map((d) => `"${d.phrase}" = ${d.resolved}`),
  };
}
