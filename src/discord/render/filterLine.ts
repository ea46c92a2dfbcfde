// The second line of a filtered /ask or /search reply: the filter as typed, shown to the reader
// and read back by a later button press (Previous / Next, "Not it?"), which Discord sends with the
// message's text, so the press applies the same filter in any process.
import { hasFilter, parseAnswerFilter, type AnswerFilter } from '../../engine/articleFilter.js';
import { echoedText, escapeInlineWithin } from './escape.js';

const WITHIN = '**Within:** ';

/** "\n**Within:** since 2020; source wuxinews.com.cn", or nothing without a filter. */
export function withinLine(filter: AnswerFilter | undefined): string {
  if (!hasFilter(filter)) return '';
  const typed = [filter.since && `since ${filter.since}`, filter.source && `source ${filter.source}`].filter(Boolean).join('; ');
  return `\n${WITHIN}${escapeInlineWithin(typed, 300)}`;
}

/** The filter a reply's second line states ({} when it states none), or undefined when that line does not parse. */
export function filterFromReply(content: string | undefined): AnswerFilter | undefined {
  const within = echoedText(content?.split('\n').slice(1).join('\n'), WITHIN);
  if (within === undefined) return {};
  try {
    return parseAnswerFilter({ since: /(?:^|; )since ([^;\s]+)/.exec(within)?.[1], source: /(?:^|; )source (.+)$/.exec(within)?.[1] });
  } catch {
    return undefined;
  }
}
