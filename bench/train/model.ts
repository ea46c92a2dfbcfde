import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packageRoot } from '../../src/paths/packageRoot.js';
import { parseTable, type QuestionRows } from './extract.js';
import { fitModel } from './fit.js';

/** The feature table training writes (numbers and labels only: no question or sentence text). */
export const tableFile = () => join(packageRoot(), 'bench', 'train', 'features.tsv.gz');

export const readTable = () => parseTable(gunzipSync(readFileSync(tableFile())).toString('utf8'));

/** The model file's text as training writes it: the committed file must be exactly this. */
export const modelText = (questions: QuestionRows[]) => JSON.stringify(fitModel(questions), null, 2) + '\n';
