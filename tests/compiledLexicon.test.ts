// The compiled lexicon (dist/wordnet.lexicon, written by the build) holds exactly the tables
// decoded from wordnet.json, and is set aside — the JSON decoded instead — when it was made from
// other JSON, is damaged, or is missing; a wordnet.json only touched since is still its source.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCompiledLexicon, writeCompiledLexicon } from '../src/lexicon/compiledLexicon.js';
import { LEXICON_JSON, tablesFromJson, type LexiconFile } from '../src/lexicon/wordnet.js';

const dir = mkdtempSync(join(tmpdir(), 'citebot-lexicon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A copy of wordnet.json, so the test can touch and change it.
const json = join(dir, 'wordnet.json');
copyFileSync(LEXICON_JSON(), json);
const bytes = readFileSync(json);
const tables = tablesFromJson(JSON.parse(bytes.toString('utf8')) as LexiconFile);
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

  it('is still used when wordnet.json was only touched, and not when its bytes changed, even at the same size', () => {
    utimesSync(json, new Date(), new Date(Date.now() + 5000));
    expect(readCompiledLexicon(json, file)).toBeDefined();
    const changed = Buffer.from(bytes);
    changed[changed.length >> 1]! ^= 1;
    writeFileSync(json, changed);
    expect(readCompiledLexicon(json, file)).toBeUndefined();
    writeFileSync(json, Buffer.concat([bytes, Buffer.from(' ')]));
    expect(readCompiledLexicon(json, file)).toBeUndefined();
    writeFileSync(json, bytes);
  });

  it('is not used when damaged or missing', () => {
    const damaged = readFileSync(file);
    damaged[damaged.length >> 1]! ^= 4;
    writeFileSync(join(dir, 'damaged'), damaged);
    expect(readCompiledLexicon(json, join(dir, 'damaged'))).toBeUndefined();
    expect(readCompiledLexicon(json, join(dir, 'missing'))).toBeUndefined();
  });
});
