// A live reload's heavy part, on a worker thread (indexWorker.ts): the corpus is hashed, loaded,
// indexed and written as a prebuilt index file; the caller then reads that file and swaps the
// engine in. Meanwhile the calling thread goes on answering from the index it has.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../../paths/packageRoot.js';

export interface RebuildRequest {
  corpusDir: string;
  /** The prebuilt index a restart would read: used as it is when it already matches the corpus files. */
  indexFile: string;
  /** Where a new index is written (then renamed to indexFile by the caller, when it is beside it). */
  out: string;
  /** The digest of the corpus files being served: the same digest means nothing to do. */
  servedDigest: string | null;
}

export type RebuildResult =
  | { kind: 'unchanged'; digest: string }
  /** An index of the corpus as it is now, in `file`; `built` false when an index already there was fresh. */
  | { kind: 'ready'; file: string; digest: string; built: boolean; buildMs: number }
  /** The corpus does not load: the file at fault (when one is) and what is wrong, as a sentence. */
  | { kind: 'failed'; file: string | null; problem: string };

/** Said on the way, for the log: a build at 1M sentences takes about a minute. */
export interface RebuildProgress {
  kind: 'progress';
  step: 'corpus loaded' | 'indexed';
  articles: number;
  sentences: number;
  ms: number;
}

export interface Rebuild {
  result: Promise<RebuildResult>;
  /** Stops the worker (on shutdown); `result` then says it failed. */
  cancel(): Promise<void>;
}

/** The compiled worker beside this file; from the TypeScript sources (the tests), the build's copy of it. */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./indexWorker.js', import.meta.url));
  return existsSync(beside) ? beside : join(packageRoot(), 'dist', 'src', 'engine', 'persist', 'indexWorker.js');
}

export function rebuildOffThread(request: RebuildRequest, onProgress: (progress: RebuildProgress) => void = () => {}): Rebuild {
  const worker = new Worker(workerFile(), { workerData: request, stdout: false, stderr: false });
  const result = new Promise<RebuildResult>((resolve) => {
    let answer: RebuildResult | undefined;
    worker.on('message', (message: RebuildResult | RebuildProgress) => {
      if (message.kind === 'progress') onProgress(message);
      else answer = message;
    });
    // Out of memory, or a bug: the reload fails like a bad file would, and the old index goes on serving.
    worker.once('error', (error) => (answer ??= { kind: 'failed', file: null, problem: `the indexing worker failed: ${error.message}` }));
    // Its memory is given back once it has exited: only then may the caller read the new index.
    worker.once('exit', (code) =>
      resolve(answer ?? { kind: 'failed', file: null, problem: `the indexing worker stopped (exit code ${code}) before finishing` }),
    );
  });
  return { result, cancel: async () => void (await worker.terminate()) };
}
