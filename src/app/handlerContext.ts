import { publishers } from '../engine/articleFilter.js';
import type { Engine } from '../engine/engine.js';
import { createCommandMentions, type CommandMentions } from './commandMentions.js';
import { answerableExamples } from './examples.js';
import type { FeedbackLog } from './feedback/feedbackLog.js';
import type { HandlerContext } from './handlerTypes.js';
import type { Registry } from './registry.js';
import { buildSuggestions } from './suggestions.js';

/** Everything handlers share, computed from the engine and the registry at start-up and at every reload (liveCorpus.ts). */
export function createHandlerContext(
  engine: Engine,
  registry: Registry,
  feedback: FeedbackLog,
  mentions: CommandMentions = createCommandMentions(),
): HandlerContext {
  const examples = answerableExamples(engine);
  // The corpus's own questions (made and verified when the index was built) after the hand-written samples.
  const questions = [...examples, ...engine.suggestedQuestions()];
  return {
    engine,
    examples: examples.length ? examples : questions.slice(0, 5),
    suggestions: buildSuggestions(engine.index, questions, publishers(engine.corpus.articles)),
    catalog: registry.catalog,
    feedback,
    mentions,
  };
}
