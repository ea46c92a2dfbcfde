// Marking parts of a text without changing it: the shells bold the engine's answer words inside
// a verbatim quote, each in its own markup (Discord Markdown, ANSI), escaping the rest as they must.

export interface TextSpan {
  /** Character offsets into the text: [start, end). */
  start: number;
  end: number;
}

/**
 * The text with each span wrapped by `marked` and everything else passed through `plain`;
 * overlapping, empty or out-of-range spans are skipped, so the words stay exactly the text's.
 */
export function markSpans(
  text: string,
  spans: readonly TextSpan[] | undefined,
  marked: (part: string) => string,
  plain: (part: string) => string = (part) => part,
): string {
  let out = '';
  let at = 0;
  for (const { start, end } of [...(spans ?? [])].sort((a, b) => a.start - b.start)) {
    if (start < at || end <= start || end > text.length) continue;
    out += plain(text.slice(at, start)) + marked(text.slice(start, end));
    at = end;
  }
  return out + plain(text.slice(at));
}
