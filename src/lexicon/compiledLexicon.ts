/**
 * The WordNet lexicon's tables as they are in memory, written once by the build
 * (`npm run build` runs compileLexicon.js) beside the compiled code: reading them is a few views
 * on one file, where decoding wordnet.json and inverting its relations takes ~60 ms of every
 * start. The file records the size and CRC-32 of the wordnet.json it was made from, and is
 * only used when they match (and its own CRC does): otherwise loadLexicon decodes the JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arrayRegion, readArrayFile, writeArrayFile, type Region } from '../binary/arrayFile.js';
import { crc32 } from '../binary/checksum.js';
import { packageRoot } from '../paths/packageRoot.js';
import type { Csr, LexiconTables } from './wordnet.js';

const MAGIC = 'citebot-lexicon';
const FORMAT = 1;
const CSRS = ['senses', 'members', 'hypernyms', 'hyponyms', 'similar', 'derivation'] as const;

interface Header {
  source: { bytes: number; crc: number };
  posEnds: number[];
  lexFiles: string;
}

export const compiledLexiconFile = () => join(packageRoot(), 'dist', 'wordnet.lexicon');

const sourceOf = (json: Buffer) => ({ bytes: json.length, crc: crc32(json) });

export function writeCompiledLexicon(tables: LexiconTables, json: Buffer, path = compiledLexiconFile()): void {
  const regions: Region[] = [arrayRegion('lemmaStart', tables.lemmaStart), arrayRegion('lemmaText', Buffer.from(tables.lemmaText, 'utf8'))];
  for (const name of CSRS) regions.push(arrayRegion(`${name}.start`, tables[name].start), arrayRegion(`${name}.data`, tables[name].data));
  const header: Header = { source: sourceOf(json), posEnds: tables.posEnds, lexFiles: tables.lexFiles };
  writeArrayFile(path, MAGIC, FORMAT, header, regions);
}

/** The tables, when the compiled file is there, intact and made from exactly these wordnet.json bytes; else undefined. */
export function readCompiledLexicon(json: Buffer, path = compiledLexiconFile()): LexiconTables | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  try {
    const source = sourceOf(json);
    const { header, get } = readArrayFile<Header>(
      file,
      MAGIC,
      FORMAT,
      'compiled lexicon',
      (message) => new Error(message),
      (h) => {
        if (h.source.bytes !== source.bytes || h.source.crc !== source.crc) throw new Error('made from another wordnet.json');
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
