// Autocomplete, answered from memory (every keystroke is a scan of a few hundred strings —
// microseconds, far inside Discord's 3 seconds):
// - /ask: whole questions the engine answers from this corpus (engine/suggestQuestions.ts, made
//   and verified when the index is built) and the verified sample questions, by the words typed;
//   then the named things the typed tail starts ("who is gao" → "who is Gao Yaguang");
// - /search: the named things, article titles and section headings (engine/corpusEntities.ts);
// - `source` on both: the corpus's publishers.
import type { SentenceIndex } from '../engine/sentenceIndex.js';
import type { Choice } from '../discord/reply.js';
import { LIMITS } from '../discord/render/limits.js';

export interface Suggestions {
  /** /ask's question. */
  questions(typed: string): Choice[];
  /** /search's query. */
  searches(typed: string): Choice[];
  /** The `source` filter. */
  sources(typed: string): Choice[];
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

/** Up to 25 distinct choices, in the order added. */
function choiceList() {
  const out: string[] = [];
  const seen = new Set<string>();
  return {
    add(candidate: string) {
      const value = fitValue(candidate);
      const key = value.toLowerCase();
      if (value && !seen.has(key)) {
        seen.add(key);
        out.push(value);
      }
    },
    full: () => out.length >= LIMITS.choices,
    choices: () => out.slice(0, LIMITS.choices).map((value) => ({ name: value, value })),
  };
}

/** What has been typed: the finished words, and the one being typed (empty after a space). */
function typedWords(typed: string) {
  const all = words(typed);
  const finished = /\s$/.test(typed);
  return { all, complete: finished ? all : all.slice(0, -1), partial: finished ? '' : (all.at(-1) ?? '') };
}

/** Every finished word appears, and the one being typed starts some word. */
const matcher =
  ({ complete, partial }: ReturnType<typeof typedWords>) =>
  (candidate: { words: string[] }) =>
    complete.every((w) => candidate.words.includes(w)) && (!partial || candidate.words.some((w) => w.startsWith(partial)));

export function buildSuggestions(
  { entities, topics }: Pick<SentenceIndex, 'entities' | 'topics'>,
  questions: readonly string[],
  publishers: readonly string[] = [],
): Suggestions {
  const indexed = (list: readonly string[]) => list.map((text) => ({ text, words: words(text) }));
  const questionIndex = indexed(questions);
  const entityIndex = indexed(entities);
  const topicIndex = indexed(topics);

  return {
    questions(typed) {
      const text = typed.replace(/\s+/g, ' ').trim();
      const list = choiceList();
      if (!text) {
        questions.forEach(list.add);
        return list.choices();
      }
      const t = typedWords(typed);
      if (text.length <= LIMITS.choiceValue) list.add(text);
      questionIndex.filter(matcher(t)).forEach((q) => list.add(q.text));
      if (t.partial.length >= 2) {
        // "who is gao" → "who is Gao Yaguang", "how much will china el" → "… China Electronics Technology Hik Group":
        // the typed tail that matches a name's words (the last one as a prefix) becomes the whole name.
        const spans = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
        for (const e of entityIndex) {
          if (list.full()) break;
          const k = matchedTail(t.all, e.words);
          if (k === 0) continue;
          const head = text.slice(0, spans[spans.length - k]?.index ?? 0).trimEnd();
          list.add(head ? `${head} ${e.text}` : e.text);
        }
      }
      return list.choices();
    },
    searches(typed) {
      const text = typed.replace(/\s+/g, ' ').trim();
      const list = choiceList();
      if (text && text.length <= LIMITS.choiceValue) list.add(text);
      const matches = matcher(typedWords(typed));
      for (const candidate of [...entityIndex, ...topicIndex]) {
        if (list.full()) break;
        if (!text || matches(candidate)) list.add(candidate.text);
      }
      return list.choices();
    },
    sources(typed) {
      const wanted = typed.trim().toLowerCase();
      const list = choiceList();
      publishers.filter((p) => p.toLowerCase().includes(wanted)).forEach(list.add);
      return list.choices();
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
