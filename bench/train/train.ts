/**
 * Trains the answer model: `npm run train`. Extracts every training question's candidates and
 * features (SelQA dev from the repository, TrecQA train and dev from ../shared), writes the
 * feature table (numbers only, no text) and fits the model from that table, so that a test can
 * check the committed model is exactly what training produces.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { modelFile } from '../../src/engine/model/answerModel.js';
import { loadTrainingSet, TRAINING_SETS } from './datasets.js';
import { extractRows, tableText, type QuestionRows } from './extract.js';
import { modelText, readTable, tableFile } from './model.js';

function main(): void {
  const questions: QuestionRows[] = [];
  for (const name of TRAINING_SETS) {
    process.stderr.write(`train: ${name}: building the pooled corpus and extracting features\n`);
    questions.push(...extractRows(loadTrainingSet(name)));
  }
  // gzip level and header are fixed: the same table gives the same bytes.
  writeFileSync(tableFile(), gzipSync(tableText(questions), { level: 9 }));
  process.stderr.write(`train: fitting on ${questions.length} questions\n`);
  const text = modelText(readTable());
  writeFileSync(modelFile(), text);
  process.stdout.write(text);
}

main();
