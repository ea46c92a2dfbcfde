// A citation rebuilt from its ids alone (what a button's custom id carries), so Share
// works after a restart and on any instance without remembering the question.
import type { Engine } from '../engine/engine.js';
import type { Citation } from '../discord/render/citation.js';

export function citationAt(engine: Engine, documentId: string, sentenceIndex: number): Citation | undefined {
  return engine.answerAt(documentId, sentenceIndex);
}
