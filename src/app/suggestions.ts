// Autocomplete for /ask, answered from memory: the named things, article titles and section
// headings the index found when it was built (engine/corpusEntities.ts) and verified sample
// questions; every keystroke is a scan of a few hundred strings — microseconds, far inside 3 seconds.
import type { SentenceIndex } from '../engine/sentenceIndex.js';
import type { Choice } from '../discord/reply.js';
import { LIMITS } from '../discord/render/limits.js';

export interface QuestionSuggestions {
  suggest(typed: string): Choice[];
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Cuts typed text to a choice value's 100 characters at a word boundary (a value is submitted as is, so no "…"). */
function fitValue(text: string): string {
  if (text.length <= LIMITS.choiceValue) return text;
  const cut = text.slice(0, LIMITS.choiceValue);
  const space = cut.lastIndexOf(' ');
  return (space > 50 ? cut.slice(0, space) : cut).trim();
}

export function buildSuggestions(
  { entities, topics }: Pick<SentenceIndex, 'entities' | 'topics'>,
  examples: readonly string[],
): QuestionSuggestions {
  const indexed = (list: readonly string[]) => list.map((text) => ({ text, words: words(text) }));
  const exampleIndex = indexed(examples);
  const entityIndex = indexed(entities);
  const topicIndex = indexed(topics);

  return {
    suggest(typed) {
      const text = typed.replace(/\s+/g, ' ').trim();
      const out: string[] = [];
      const seen = new Set<string>();
      const add = (candidate: string) => {
        const value = fitValue(candidate);
        const key = value.toLowerCase();
        if (value && !seen.has(key)) {
          seen.add(key);
          out.push(value);
        }
      };
      if (!text) {
        examples.forEach(add);
        entities.slice(0, LIMITS.choices).forEach(add);
      } else {
        const typedWords = words(text);
        const complete = /\s$/.test(typed) ? typedWords : typedWords.slice(0, -1);
        const partial = /\s$/.test(typed) ? '' : (typedWords.at(-1) ?? '');
        // Every finished word appears, and the one being typed starts some word.
        const matches = (candidate: { words: string[] }) =>
          complete.every((w) => candidate.words.includes(w)) && (!partial || candidate.words.some((w) => w.startsWith(partial)));
        if (text.length <= LIMITS.choiceValue) add(text);
        exampleIndex.filter(matches).forEach((e) => add(e.text));
        if (partial.length >= 2) {
          // "who is gao" → "who is Gao Yaguang", "how much will china el" → "… China Electronics Technology Hik Group":
          // the typed tail that matches a name's words (the last one as a prefix) becomes the whole name.
          const spans = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
          for (const e of entityIndex) {
            if (out.length >= LIMITS.choices) break;
            const k = matchedTail(typedWords, e.words);
            if (k === 0) continue;
            const head = text.slice(0, spans[spans.length - k]?.index ?? 0).trimEnd();
            add(head ? `${head} ${e.text}` : e.text);
          }
        }
        topicIndex.filter(matches).forEach((t) => add(t.text));
      }
      return out.slice(0, LIMITS.choices).map((value) => ({ name: value, value }));
    },
  };
}

/**
 * How many of the typed words, counted from the end, run into the name's words: the
 * last typed word as a prefix of a name word, the ones before it equal to the name words
 * before that. 0 when the word being typed starts no word of the name.
 */
function matchedTail(typed: readonly string[], name: readonly string[]): number {
  const last = typed.at(-1);
  if (!last) return 0;
  let best = 0;
  name.forEach((word, j) => {
    if (!word.startsWith(last)) return;
    let k = 1;
    while (k <= j && k < typed.length && typed[typed.length - 1 - k] === name[j - k]) k++;
    best = Math.max(best, k);
  });
  return best;
}
