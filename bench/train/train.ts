/**
 * Trains the answer model: `npm run train`. Extracts every training question's candidates and
 * features (SelQA dev from the repository, TrecQA train and dev from ../shared), writes the
 * feature table (numbers only, no text) and fits the model from that table, so that a test can
 * check the committed model is exactly what training produces.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { packageRoot } from '../../src/paths/packageRoot.js';
import { modelFile } from '../../src/engine/model/answerModel.js';
import { loadTrainingSet, TRAINING_SETS } from './datasets.js';
import { extractRows, parseTable, tableText, type QuestionRows } from './extract.js';
import { fitModel } from './fit.js';

export const tableFile = () => join(packageRoot(), 'bench', 'train', 'features.tsv.gz');

export const modelText = (questions: QuestionRows[]) => JSON.stringify(fitModel(questions), null, 2) + '\n';

export const readTable = () => parseTable(gunzipSync(readFileSync(tableFile())).toString('utf8'));

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
