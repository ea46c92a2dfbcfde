// Sample questions for /help and autocomplete. Only those the engine actually answers
// from the loaded corpus are shown, so another corpus never advertises a dead question.
import type { Engine } from '../engine/engine.js';

const CANDIDATES = [
  'how many IoT enterprises in Wuxi',
  'Who is the vice-mayor of Wuxi?',
  'How much will China Electronics Technology Hik Group invest?',
  "How many people are employed in Wuxi's IoT sector?",
  'Which ministry will support the Wuxi IoT cluster?',
];

export function answerableExamples(engine: Engine, candidates: readonly string[] = CANDIDATES): string[] {
  return candidates.filter((q) => engine.ask(q, { limit: 1 }).answered);
}
