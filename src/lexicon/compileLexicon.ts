// Run by `npm run build`: writes the compiled lexicon (compiledLexicon.ts) from src/lexicon/wordnet.json.
import { readFileSync } from 'node:fs';
import { compiledLexiconFile, writeCompiledLexicon } from './compiledLexicon.js';
import { LEXICON_JSON, tablesFromJson, type LexiconFile } from './wordnet.js';

const json = readFileSync(LEXICON_JSON());
writeCompiledLexicon(tablesFromJson(JSON.parse(json.toString('utf8')) as LexiconFile), json);
process.stdout.write(`wrote ${compiledLexiconFile()}\n`);
