// Tab completion as shells do it: only what starts with what was typed, so Tab extends the
// text (an article id, a question) instead of replacing it. node:readline puts in the common
// part of what this returns, and lists them on a second Tab; a completion that does not
// start with the typed text would make it rewrite the line with less than was typed.

/**
 * The values that start with `typed` (letter case aside). Several: each as `typed` plus the rest
 * of the value, so their common part extends exactly what was typed. One: the value itself,
 * which readline puts in place of the typed text (its own letter case; nothing is lost). When
 * none starts so but exactly one value was offered (a word of an article's title), that one too.
 */
export function completeByPrefix(typed: string, values: readonly string[]): string[] {
  const lower = typed.toLowerCase();
  // A value that is just what was typed completes nothing.
  const matching = [...new Set(values.filter((v) => v.length > typed.length && v.toLowerCase().startsWith(lower)))];
  if (matching.length > 1) return [...new Set(matching.map((v) => typed + v.slice(typed.length)))];
  if (matching.length === 1) return matching;
  return values.length === 1 && typed.trim() && values[0]!.toLowerCase() !== lower ? [...values] : [];
}
