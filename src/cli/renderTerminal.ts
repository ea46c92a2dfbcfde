import { formatDate } from '../corpus/articleDate.js';
import type { Answer, AskResult, SearchHit } from '../engine/types.js';
import { markSpans } from '../text/markSpans.js';
import { plainText, type Emphasis } from '../terminal/bold.js';
import { wrap } from '../terminal/wrap.js';

export const citation = (a: Answer) => `${a.title} · ${a.source ?? 'publisher unknown'} · ${formatDate(a.date)}`;

/** The quote with the words that answer the question emphasised (bold in a terminal that shows it). */
const quoted = (a: Answer, bold: Emphasis) => `“${markSpans(a.quote, a.answerSpans, bold)}”`;

/** An ask reply as a terminal reader wants it: the quote, its source and date, notes, other dated answers. */
export function renderAskResult(result: AskResult, width = 78, bold: Emphasis = plainText): string {
  if (!result.answered) {
    const near = result.nearTitles.length ? `\nClosest articles: ${result.nearTitles.join('; ')}` : '';
    return `${result.message ?? 'No answer.'}${near}`;
  }
  const [best, ...others] = result.answers;
  const out = [wrap(quoted(best!, bold), width, '  '), `  — ${citation(best!)}`];
  for (const note of best!.notes) out.push(`  note: ${note}`);
  if (others.length) {
    out.push('', '  Other sources, by date:');
    for (const a of byDateNewestFirst(others)) out.push(wrap(`${formatDate(a.date)}: ${quoted(a, bold)} (${a.title})`, width, '    '));
  }
  out.push(`  (confidence ${best!.score.toFixed(2)})`);
  return out.join('\n');
}

/** Undated answers last. */
const byDateNewestFirst = (answers: Answer[]) => [...answers].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));

/** One line per reply, for piped questions in human-readable mode. */
export function renderAskLine(result: AskResult, bold: Emphasis = plainText): string {
  const best = result.answers[0];
  return best ? `${result.question} → ${quoted(best, bold)} (${citation(best)})` : `${result.question} → ${result.message}`;
}

export function renderSearchHits(hits: SearchHit[], width = 78, none = 'No matching sentences.'): string {
  if (hits.length === 0) return none;
  return hits
    .map((h, i) => `${String(i + 1).padStart(2)}. ${wrap(h.quote, width - 4, '    ').trimStart()}\n    — ${citation(h)}`)
    .join('\n');
}
