/**
 * The WordNet lexicon's tables as they are in memory, written once by the build
 * (`npm run build` runs compileLexicon.js) beside the compiled code: reading them is a few views
 * on one file, where decoding wordnet.json and inverting its relations takes ~60 ms of every
 * start. The file records the size, modification time and CRC-32 of the wordnet.json it was
 * made from, and is only used when they match (and its own CRC does): otherwise loadLexicon
 * decodes the JSON.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { arrayRegion, readArrayFile, writeArrayFile, type Region } from '../binary/arrayFile.js';
import { crc32 } from '../binary/checksum.js';
import { packageRoot } from '../paths/packageRoot.js';
import type { Csr, LexiconTables } from './wordnet.js';

const MAGIC = 'citebot-lexicon';
const FORMAT = 1;
const CSRS = ['senses', 'members', 'hypernyms', 'hyponyms', 'similar', 'derivation'] as const;

interface Header {
  /** The wordnet.json it was made from. */
  source: { bytes: number; crc: number; mtimeMs: number };
  posEnds: number[];
  lexFiles: string;
}

export const compiledLexiconFile = () => join(packageRoot(), 'dist', 'wordnet.lexicon');

export function writeCompiledLexicon(tables: LexiconTables, jsonPath: string, path = compiledLexiconFile()): void {
  const json = readFileSync(jsonPath);
  const regions: Region[] = [arrayRegion('lemmaStart', tables.lemmaStart), arrayRegion('lemmaText', Buffer.from(tables.lemmaText, 'utf8'))];
  for (const name of CSRS) regions.push(arrayRegion(`${name}.start`, tables[name].start), arrayRegion(`${name}.data`, tables[name].data));
  const header: Header = {
    source: { bytes: json.length, crc: crc32(json), mtimeMs: statSync(jsonPath).mtimeMs },
    posEnds: tables.posEnds,
    lexFiles: tables.lexFiles,
  };
  writeArrayFile(path, MAGIC, FORMAT, header, regions);
}

/** The tables, when the compiled file is there, intact and made from the wordnet.json at `jsonPath` as it is now; else undefined. */
export function readCompiledLexicon(jsonPath: string, path = compiledLexiconFile()): LexiconTables | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  try {
    const { header, get } = readArrayFile<Header>(
      file,
      MAGIC,
      FORMAT,
      'compiled lexicon',
      (message) => new Error(message),
      ({ source }) => {
        const { size, mtimeMs } = statSync(jsonPath);
        // The same size and modification time: the same file (reading all 4.4 MB for its CRC on every start
        // is not free); a file touched since (a checkout) is compared by its bytes.
        if (source.bytes !== size || (source.mtimeMs !== mtimeMs && source.crc !== crc32(readFileSync(jsonPath))))
          throw new Error('made from another wordnet.json');
      },
    );
    const csr = (name: (typeof CSRS)[number]): Csr => ({ start: get(`${name}.start`), data: get(`${name}.data`) });
    const lemmaText = get<Uint8Array>('lemmaText');
    return {
      lemmaText: Buffer.from(lemmaText.buffer, lemmaText.byteOffset, lemmaText.byteLength).toString('utf8'),
      lemmaStart: get('lemmaStart'),
      posEnds: header.posEnds,
      lexFiles: header.lexFiles,
      senses: csr('senses'),
      members: csr('members'),
      hypernyms: csr('hypernyms'),
      hyponyms: csr('hyponyms'),
      similar: csr('similar'),
      derivation: csr('derivation'),
    };
  } catch {
    return undefined; // stale or damaged: the JSON is the source of truth
  }
}
