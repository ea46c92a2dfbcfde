// The compiled lexicon (dist/wordnet.lexicon, written by the build) holds exactly the tables
// decoded from wordnet.json, and is set aside — the JSON decoded instead — when it was made from
// other JSON, is damaged, or is missing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCompiledLexicon, writeCompiledLexicon } from '../src/lexicon/compiledLexicon.js';
import { LEXICON_JSON, tablesFromJson, type LexiconFile } from '../src/lexicon/wordnet.js';

const dir = mkdtempSync(join(tmpdir(), 'citebot-lexicon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const json = readFileSync(LEXICON_JSON());
const tables = tablesFromJson(JSON.parse(json.toString('utf8')) as LexiconFile);
const file = join(dir, 'wordnet.lexicon');
writeCompiledLexicon(tables, json, file);

describe('the compiled lexicon', () => {
  it('reads back the tables decoded from wordnet.json', () => {
    const read = readCompiledLexicon(json, file)!;
    expect([read.lemmaText, read.posEnds, read.lexFiles]).toEqual([tables.lemmaText, tables.posEnds, tables.lexFiles]);
    // Typed arrays compared as bytes: element by element, toEqual takes seconds on these.
    const same = (a: Uint32Array, b: Uint32Array) =>
      Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
    expect(same(read.lemmaStart, tables.lemmaStart)).toBe(true);
    for (const name of ['senses', 'members', 'hypernyms', 'hyponyms', 'similar', 'derivation'] as const) {
      for (const part of ['start', 'data'] as const) expect(same(read[name][part], tables[name][part]), `${name}.${part}`).toBe(true);
    }
  });

  it('is not used when made from another wordnet.json, damaged, or missing', () => {
    const otherJson = Buffer.concat([json, Buffer.from(' ')]);
    expect(readCompiledLexicon(otherJson, file)).toBeUndefined();
    const damaged = readFileSync(file);
    damaged[damaged.length >> 1]! ^= 4;
    writeFileSync(join(dir, 'damaged'), damaged);
    expect(readCompiledLexicon(json, join(dir, 'damaged'))).toBeUndefined();
    expect(readCompiledLexicon(json, join(dir, 'missing'))).toBeUndefined();
  });
});
