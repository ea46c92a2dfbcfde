// `citebot feedback`: what people said with "Not it?", for the corpus's curators.
import type { FeedbackRecord } from '../../app/feedback/feedbackRecord.js';
import { readFeedback } from '../../app/feedback/readFeedback.js';
import { loadConfig } from '../../config/loadConfig.js';
import { fsStep } from '../fsError.js';
import { parseCommand, parsePositiveInt } from '../parseCliArgs.js';
import { feedbackSpec as spec } from '../specs.js';

const CHOICE_WORDS: Record<FeedbackRecord['choice'], string> = {
  'not-it': 'not it',
  'shared-alternative': 'shared another',
};

function recordText(r: FeedbackRecord): string {
  const lines = [`${r.time.slice(0, 16).replace('T', ' ')} UTC  ${CHOICE_WORDS[r.choice].padEnd(14)}  ${r.question}`];
  lines.push(`    shown:   ${r.shown.join(', ') || '(nothing)'}`);
  if (r.offered) lines.push(`    offered: ${r.offered.join(', ') || '(nothing else bore on it)'}`);
  if (r.alternative) lines.push(`    chose:   ${r.alternative}`);
  lines.push(`    user:    ${r.user}`);
  return lines.join('\n');
}

export function run(argv: string[]): void {
  const { values } = parseCommand(spec, argv);
  const limit = parsePositiveInt(values.limit, '--limit');
  const { feedback } = loadConfig('local');
  const found = fsStep('cannot read', feedback.file, () => readFeedback(feedback.file));
  const off = feedback.enabled ? '' : ' Recording is off (CITEBOT_FEEDBACK=off).';
  if (!found) {
    if (!values.json) console.log(`No feedback yet: ${feedback.file} does not exist (it is written when someone presses "Not it?").${off}`);
    return;
  }
  const latest = found.records.slice(-limit);
  if (found.unreadable.length)
    console.error(
      `citebot: skipped ${found.unreadable.length} line(s) of ${feedback.file} that are not records: ${found.unreadable.join(', ')}`,
    );
  if (values.json) {
    for (const r of latest) console.log(JSON.stringify(r));
    return;
  }
  const notIt = found.records.filter((r) => r.choice === 'not-it').length;
  const shown = latest.length < found.records.length ? ` (the latest ${latest.length})` : '';
  console.log(
    `${found.records.length} record(s) in ${feedback.file}${shown}: ${notIt} "Not it?", ${found.records.length - notIt} shared another sentence.${off}`,
  );
  for (const r of latest) console.log(`\n${recordText(r)}`);
}
