import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { SentenceIndex } from '../sentenceIndex.js';
import { crc32 } from './checksum.js';
import { engineFingerprint, INDEX_FORMAT } from './fingerprint.js';
import { articleColumns, sentenceShape } from './indexArticles.js';
import { aligned, CHECKSUM_BYTES, CSRS, elementType, FLAT, MAGIC, SENTENCE_SHAPE, type Header, type Typed } from './indexLayout.js';

/** Sentence texts are encoded into this much at a time: the file is streamed, never whole in memory. */
const TEXT_CHUNK = 1 << 20;

/**
 * Saves an index (layout: indexLayout.ts). Streamed: every array is written from where it lies,
 * the texts a chunk at a time, the CRC-32 computed on the way; so saving a 1M-sentence index
 * adds a few MB to the build's memory, not a copy of the ~370 MB file.
 */
export function writeIndexFile(path: string, index: SentenceIndex, digest: string, fingerprint = engineFingerprint()): void {
  const shape = sentenceShape(index);
  const arrays: [string, Typed][] = [];
  for (const name of CSRS) arrays.push([`${name}.start`, index[name].start], [`${name}.data`, index[name].data]);
  for (const name of FLAT) arrays.push([name, index[name]]);
  for (const name of SENTENCE_SHAPE) arrays.push([name, shape[name]]);
  const header: Header = {
    magic: MAGIC,
    format: INDEX_FORMAT,
    fingerprint,
    digest,
    terms: index.terms.join('\n'),
    articles: articleColumns(index.articles),
    headings: shape.headings,
    resolvedDates: [...index.resolvedDates],
    acronyms: [...index.acronyms],
    entities: index.entities,
    topics: index.topics,
    arrays: [...arrays.map(([name, a]) => ({ name, type: elementType(a), length: a.length })), { name: 'texts', type: 'u8', length: shape.textStart[index.sentenceCount]! }],
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  // Written beside and renamed, so a reader never sees half a file; and no half file is left behind.
  const temp = `${path}.tmp`;
  const out = new ChecksummedFile(temp);
  try {
    out.write(Buffer.from(`${MAGIC} ${INDEX_FORMAT} ${head.length}\n`));
    out.write(head);
    for (const [, a] of arrays) {
      out.align();
      out.write(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    }
    out.align();
    writeTexts(out, index);
    out.seal();
    renameSync(temp, path);
  } catch (error) {
    out.abort();
    rmSync(temp, { force: true });
    throw error;
  }
}

function writeTexts(out: ChecksummedFile, index: SentenceIndex): void {
  const chunk = Buffer.allocUnsafe(TEXT_CHUNK);
  let used = 0;
  for (let id = 0; id < index.sentenceCount; id++) {
    const text = index.sentence(id).text;
    // Three bytes per UTF-16 unit at most: if it may not fit, empty the chunk first.
    if (used + text.length * 3 > TEXT_CHUNK) {
      out.write(chunk.subarray(0, used));
      used = 0;
    }
    if (text.length * 3 > TEXT_CHUNK) out.write(Buffer.from(text, 'utf8'));
    else used += chunk.write(text, used, 'utf8');
  }
  out.write(chunk.subarray(0, used));
}

/** A file written front to back with a running CRC-32, sealed by writing the CRC last. */
class ChecksummedFile {
  private readonly fd: number;
  private offset = 0;
  private crc = 0;
  private open = true;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(bytes: Uint8Array): void {
    this.crc = crc32(bytes, this.crc);
    this.writeAll(bytes);
    this.offset += bytes.length;
  }

  /** Zero bytes up to the next multiple of 4, where the next array starts. */
  align(): void {
    const pad = aligned(this.offset) - this.offset;
    if (pad) this.write(new Uint8Array(pad));
  }

  /** Writes the checksum of everything before it and closes the file. */
  seal(): void {
    const checksum = Buffer.alloc(CHECKSUM_BYTES);
    checksum.writeUInt32LE(this.crc);
    this.writeAll(checksum);
    this.abort();
  }

  private writeAll(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
  }

  /** Closes the file (once), whatever state it is in. */
  abort(): void {
    if (!this.open) return;
    this.open = false;
    closeSync(this.fd);
  }
}
