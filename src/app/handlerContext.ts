import type { Engine } from '../engine/engine.js';
import { answerableExamples } from './examples.js';
import type { FeedbackLog } from './feedback/feedbackLog.js';
import type { HandlerContext } from './handlerTypes.js';
import type { Registry } from './registry.js';
import { buildSuggestions } from './suggestions.js';

/** Everything handlers share, computed from the engine and the registry at start-up and at every reload (liveCorpus.ts). */
export function createHandlerContext(engine: Engine, registry: Registry, feedback: FeedbackLog): HandlerContext {
  const examples = answerableExamples(engine);
  return { engine, examples, suggestions: buildSuggestions(engine.index, examples), catalog: registry.catalog, feedback };
}
