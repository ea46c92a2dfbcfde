/**
 * Compressed sparse rows: many small integer lists in two flat arrays, list i being
 * data[start[i] .. start[i + 1]). Millions of sentences cost a few typed arrays, not millions
 * of objects, and the arrays can be written to disk and read back as they are.
 */
export interface Csr {
  start: Uint32Array;
  data: Uint32Array;
}

export function csrFromLists(lists: ArrayLike<number>[]): Csr {
  const start = new Uint32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) start[i + 1] = start[i]! + lists[i]!.length;
  const data = new Uint32Array(start[lists.length]!);
  for (let i = 0; i < lists.length; i++) data.set(lists[i]!, start[i]!);
  return { start, data };
}

export function row(csr: Csr, i: number): Uint32Array {
  return csr.data.subarray(csr.start[i]!, csr.start[i + 1]!);
}

/** Whether a sorted list holds a value (binary search). */
export function sortedHas(list: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Position of a value in a sorted list, or -1. */
export function sortedIndexOf(list: Uint32Array, value: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

type TypedArray = Uint8Array | Uint32Array;

/**
 * An append-only typed array that doubles its capacity: building a million rows costs a few
 * buffers, not a million JavaScript arrays of 8-byte numbers (what pushed the 1M build past 2 GB).
 */
export class Growable<T extends TypedArray> {
  private array: T;
  length = 0;

  constructor(
    private readonly make: (capacity: number) => T,
    capacity = 1024,
  ) {
    this.array = make(capacity);
  }

  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = this.make(Math.max(16, this.array.length * 2));
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = value;
  }

  /** The values so far, trimmed to their length (a copy: the spare capacity is let go). */
  done(): T {
    return this.array.slice(0, this.length) as T;
  }
}

export const growableU32 = (capacity?: number) => new Growable((n) => new Uint32Array(n), capacity);
export const growableU8 = (capacity?: number) => new Growable((n) => new Uint8Array(n), capacity);

/** Rows appended one at a time into growable arrays, then frozen into a Csr. */
export class CsrBuilder {
  private readonly start = growableU32();
  private readonly data = growableU32();

  constructor() {
    this.start.push(0);
  }

  push(row: ArrayLike<number>): void {
    for (let i = 0; i < row.length; i++) this.data.push(row[i]!);
    this.start.push(this.data.length);
  }

  done(): Csr {
    return { start: this.start.done(), data: this.data.done() };
  }
}
