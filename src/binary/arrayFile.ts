/**
 * Typed arrays on disk, read back without parsing: a first line (magic, format, header length),
 * a JSON header (the caller's, plus the array layout), every array's bytes as they are in memory
 * (each 4-byte aligned, so reading makes views, not copies), and last a CRC-32 of every byte
 * before it. Used by the prebuilt index (engine/persist) and the compiled lexicon.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { crc32 } from './checksum.js';

export type Typed = Uint8Array | Uint32Array | Float32Array;
export const BYTES = { u8: 1, u32: 4, f32: 4 } as const;
export type ElementType = keyof typeof BYTES;
export interface ArrayLayout {
  name: string;
  type: ElementType;
  length: number;
}

const CHECKSUM_BYTES = 4;
const aligned = (offset: number) => offset + ((4 - (offset % 4)) % 4);

/** One region of the file: its layout, and how to write its bytes (all at once, or streamed). */
export interface Region extends ArrayLayout {
  write(out: ChecksummedFile): void;
}

/** A region holding an array as it is in memory. */
export function arrayRegion(name: string, array: Typed): Region {
  const type: ElementType = array instanceof Float32Array ? 'f32' : array instanceof Uint8Array ? 'u8' : 'u32';
  return { name, type, length: array.length, write: (out) => out.write(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)) };
}

/**
 * Writes the file beside `path` and renames it into place, so a reader never sees half a file
 * and a failure leaves none behind. Streamed: nothing is copied into one big buffer.
 */
export function writeArrayFile(path: string, magic: string, format: number, header: object, regions: Region[]): void {
  const head = Buffer.from(
    JSON.stringify({ ...header, arrays: regions.map(({ name, type, length }) => ({ name, type, length })) }),
    'utf8',
  );
  const temp = `${path}.tmp`;
  const out = new ChecksummedFile(temp);
  try {
    out.write(Buffer.from(`${magic} ${format} ${head.length}\n`));
    out.write(head);
    for (const region of regions) {
      out.align();
      region.write(out);
    }
    out.seal();
    renameSync(temp, path);
  } catch (error) {
    out.abort();
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A file written front to back with a running CRC-32, sealed by writing the CRC last. */
export class ChecksummedFile {
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

  /** Closes the file (once), whatever state it is in. */
  abort(): void {
    if (!this.open) return;
    this.open = false;
    closeSync(this.fd);
  }

  private writeAll(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length;) done += writeSync(this.fd, bytes, done, bytes.length - done);
  }
}

export interface ReadArrays<H> {
  header: H & { arrays: ArrayLayout[] };
  /** The named array, or a failure saying the file lacks it. */
  get<T extends Typed>(name: string): T;
}

/**
 * Checks the magic, format and CRC-32, parses the header, lets `check` refuse it (before any
 * array is looked at), and makes a view per array. Every problem is `fail(message)`, a sentence
 * about the file ("its checksum does not match ..."); `kind` names what the file should be.
 */
export function readArrayFile<H>(
  file: Buffer,
  magic: string,
  format: number,
  kind: string,
  fail: (message: string) => Error,
  check: (header: H) => void = () => {},
): ReadArrays<H> {
  const firstLine = file.subarray(0, Math.min(file.length, 64)).toString('latin1').split('\n')[0] ?? '';
  const [fileMagic, fileFormat, headLength] = firstLine.split(' ');
  if (fileMagic !== magic) throw fail(`it is not a ${kind}`);
  if (Number(fileFormat) !== format) throw fail(`it has format ${fileFormat}, and this citebot reads format ${format}`);
  const end = file.length - CHECKSUM_BYTES;
  if (end < firstLine.length || crc32(file.subarray(0, end)) !== file.readUInt32LE(end)) {
    throw fail('its checksum does not match its contents: the file is damaged or truncated');
  }
  const headStart = firstLine.length + 1;
  const headEnd = headStart + Number(headLength);
  if (!Number.isSafeInteger(headEnd) || headEnd > end) throw fail(`its header length ${headLength} is impossible`);
  const header = JSON.parse(file.subarray(headStart, headEnd).toString('utf8')) as H & { arrays: ArrayLayout[] };
  check(header);
  const arrays = views(file, header.arrays, headEnd, end, fail);
  return {
    header,
    get<T extends Typed>(name: string) {
      const a = arrays.get(name);
      if (!a) throw fail(`it lacks the array ${name}`);
      return a as T;
    },
  };
}

function views(file: Buffer, layout: ArrayLayout[], headEnd: number, end: number, fail: (message: string) => Error): Map<string, Typed> {
  let offset = headEnd;
  const arrays = new Map<string, Typed>();
  for (const { name, type, length } of layout) {
    offset = aligned(offset);
    const size = BYTES[type];
    if (!size || !Number.isSafeInteger(length) || length < 0)
      throw fail(`its array ${name} has an impossible type or length (${type}, ${length})`);
    if (offset + length * size > end) throw fail(`its array ${name} runs past the end of the file`);
    const buffer = file.buffer as ArrayBuffer;
    const at = file.byteOffset + offset;
    // readFileSync's buffer may start anywhere in a shared pool: copy when not aligned.
    const view = (Ctor: typeof Uint32Array | typeof Float32Array) =>
      at % 4 === 0 ? new Ctor(buffer, at, length) : new Ctor(new Uint8Array(file.subarray(offset, offset + length * 4)).buffer);
    arrays.set(name, type === 'u8' ? new Uint8Array(buffer, at, length) : view(type === 'f32' ? Float32Array : Uint32Array));
    offset += length * size;
  }
  return arrays;
}
