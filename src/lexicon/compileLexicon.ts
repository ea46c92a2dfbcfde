// Run by `npm run build`: writes the compiled lexicon (compiledLexicon.ts) from src/lexicon/wordnet.json.
import { readFileSync } from 'node:fs';
import { compiledLexiconFile, writeCompiledLexicon } from './compiledLexicon.js';
import { LEXICON_JSON, tablesFromJson, type LexiconFile } from './wordnet.js';

writeCompiledLexicon(tablesFromJson(JSON.parse(readFileSync(LEXICON_JSON(), 'utf8')) as LexiconFile), LEXICON_JSON());
process.stdout.write(`wrote ${compiledLexiconFile()}\n`);
