// The worker thread a live reload runs (see rebuildOffThread.ts): everything that takes time —
// hashing the corpus files, parsing them, indexing them, writing the index file — happens here,
// off the thread that answers questions. It answers with one message and ends, so its memory
// (the build's, the largest part of a reload) is given back before the main thread reads the file.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { CorpusError } from '../../corpus/corpusError.js';
import { buildSentenceIndex } from '../sentenceIndex.js';
import { corpusDigest } from './corpusDigest.js';
import { readIndexFile, writeIndexFile } from './indexFile.js';
import type { RebuildProgress, RebuildRequest, RebuildResult } from './rebuildOffThread.js';

const progress = (message: RebuildProgress) => parentPort?.postMessage(message);

function rebuild({ corpusDir, indexFile, out, servedDigest }: RebuildRequest): RebuildResult {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const digest = corpusDigest(corpusDir);
    if (digest === servedDigest) return { kind: 'unchanged', digest };
    // Written since by `ingest`, `build-index` or another replica: read it rather than build it again.
    if (freshFor(indexFile, digest)) return { kind: 'ready', file: indexFile, digest, built: false, buildMs: ms() };
    const corpus = loadCorpus(corpusDir);
    const sentences = corpus.articles.reduce((sum, a) => sum + a.sentences.length, 0);
    progress({ kind: 'progress', step: 'corpus loaded', articles: corpus.articles.length, sentences, ms: ms() });
    const index = buildSentenceIndex(corpus);
    progress({ kind: 'progress', step: 'indexed', articles: corpus.articles.length, sentences: index.sentenceCount, ms: ms() });
    const file = writeSomewhere(out, (path) => writeIndexFile(path, index, digest));
    return { kind: 'ready', file, digest, built: true, buildMs: ms() };
  } catch (error) {
    if (error instanceof CorpusError) return { kind: 'failed', file: error.file, problem: error.message };
    return { kind: 'failed', file: null, problem: error instanceof Error ? error.message : String(error) };
  }
}

function freshFor(indexFile: string, digest: string): boolean {
  try {
    return readIndexFile(indexFile).digest === digest;
  } catch {
    return false; // missing, damaged or built by other code: build a new one
  }
}

/** Beside the index when that folder is writable (so a restart finds it), else in the temporary folder. */
function writeSomewhere(out: string, write: (path: string) => void): string {
  try {
    write(out);
    return out;
  } catch {
    const elsewhere = join(tmpdir(), basename(out));
    rmSync(out, { force: true });
    write(elsewhere);
    return elsewhere;
  }
}

parentPort?.postMessage(rebuild(workerData as RebuildRequest));
