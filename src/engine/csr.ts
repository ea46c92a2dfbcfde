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
