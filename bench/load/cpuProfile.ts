/**
 * Where a `--cpu-prof` profile of the serve child spent its time: self time by category and
 * by function, and inclusive time of citebot's own functions (a sample counts once per
 * function on its stack, so recursion is not double counted).
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface TimeShare {
  name: string;
  ms: number;
  /** Of all sampled time except idle. */
  percent: number;
}

export interface ProfileSummary {
  file: string;
  /** Which samples were counted. */
  window: string;
  /** Sampled time, and the part of it the process was idle (waiting for I/O). */
  totalMs: number;
  idleMs: number;
  busyMs: number;
  categories: TimeShare[];
  topSelf: TimeShare[];
  /** citebot's own functions (src/), by time including everything they call. */
  topInclusive: TimeShare[];
}

/** Which part of the server a frame belongs to. */
export function category(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)') return 'V8/native, unattributed ((program))';
  if (functionName === '(root)') return 'root';
  const src = /\/dist\/src\/([^/]+)\//.exec(url);
  if (src) return `citebot src/${src[1]}`;
  if (url.includes('/node_modules/')) return `dependency ${/\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? '?'}`;
  if (/^node:(_http|http|net|stream|internal\/(http|streams|stream_base|net))/.test(url) || /node:internal\/(js_stream|timers)/.test(url))
    return 'node http/net/streams';
  if (/^node:(internal\/)?crypto/.test(url)) return 'node crypto (JS side)';
  if (url.startsWith('node:')) return 'node other';
  if (url === '') return 'native (V8 builtins, C++ bindings)';
  return 'other';
}

const key = (f: CallFrame) =>
  `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/dist\//, '').replace(/^file:\/\//, '')}:${f.lineNumber + 1}`;

/**
 * `window`: only samples taken between these two monotonic-clock times (µs; V8 stamps samples with
 * the same clock as process.hrtime, on Linux CLOCK_MONOTONIC, in every process), e.g. one measured run.
 */
export function summarizeProfile(file: string, top = 15, window?: [number, number]): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  // A window that misses the profile entirely means the clocks differ: use every sample, and say so.
  const windowed = window !== undefined && window[0] < profile.endTime && window[1] > profile.startTime;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfByKey = new Map<string, number>();
  const byCategory = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  let at = profile.startTime;
  // timeDeltas[i] is the time since the previous sample: charge it to sample i's frame.
  for (let i = 0; i < profile.samples.length; i++) {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    if (windowed && (at < window[0] || at > window[1])) continue;
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    totalUs += us;
    const cat = category(node.callFrame);
    if (cat === 'idle') {
      idleUs += us;
      continue;
    }
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + us);
    const k = key(node.callFrame);
    selfByKey.set(k, (selfByKey.get(k) ?? 0) + us);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      if (!frame.url.includes('/dist/src/')) continue;
      const fk = key(frame);
      if (seen.has(fk)) continue;
      seen.add(fk);
      inclusive.set(fk, (inclusive.get(fk) ?? 0) + us);
    }
  }
  const busyUs = totalUs - idleUs;
  const shares = (map: Map<string, number>, n: number): TimeShare[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10, percent: Math.round((1000 * us) / Math.max(1, busyUs)) / 10 }));
  return {
    file,
    window: windowed ? 'the measured run only' : window ? 'whole profile (the run window did not overlap it)' : 'whole profile',
    totalMs: Math.round(totalUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    busyMs: Math.round(busyUs / 1000),
    categories: shares(byCategory, 50),
    topSelf: shares(selfByKey, top),
    topInclusive: shares(inclusive, top),
  };
}
