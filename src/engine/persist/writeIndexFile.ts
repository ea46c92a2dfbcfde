import { arrayRegion, writeArrayFile, type ChecksummedFile, type Region } from '../../binary/arrayFile.js';
import type { SentenceIndex } from '../sentenceIndex.js';
import { engineFingerprint, INDEX_FORMAT } from './fingerprint.js';
import { articleColumns, sentenceShape } from './indexArticles.js';
import { CSRS, FLAT, MAGIC, SENTENCE_SHAPE, type Header } from './indexLayout.js';

/** Sentence texts are encoded into this much at a time: the file is streamed, never whole in memory. */
const TEXT_CHUNK = 1 << 20;

/**
 * Saves an index (layout: indexLayout.ts). Streamed: every array is written from where it lies
 * and the texts a chunk at a time, so saving a 1M-sentence index adds a few MB to the build's
 * memory, not a copy of the ~370 MB file.
 */
export function writeIndexFile(path: string, index: SentenceIndex, digest: string, fingerprint = engineFingerprint()): void {
  const shape = sentenceShape(index);
  const regions: Region[] = [];
  for (const name of CSRS) regions.push(arrayRegion(`${name}.start`, index[name].start), arrayRegion(`${name}.data`, index[name].data));
  for (const name of FLAT) regions.push(arrayRegion(name, index[name]));
  for (const name of SENTENCE_SHAPE) regions.push(arrayRegion(name, shape[name]));
  regions.push({ name: 'texts', type: 'u8', length: shape.textStart[index.sentenceCount]!, write: (out) => writeTexts(out, index) });
  const header: Omit<Header, 'arrays'> = {
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
    questions: index.questions ?? null,
  };
  writeArrayFile(path, MAGIC, INDEX_FORMAT, header, regions);
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
