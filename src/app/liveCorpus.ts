// The corpus being served, kept up to date while the process runs: a change in the corpus
// folder (once it has been quiet for a moment) or a call to reload() (SIGHUP) rebuilds the
// index on a worker thread, and the new engine and what handlers share are swapped in at
// once. A request keeps the context it started with, so it finishes on the engine it began
// on. A corpus that does not load changes nothing that is served: the failure is reported
// once, naming the file, and the next change tries again.
import { rename, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isCorpusFileName } from '../corpus/loadCorpus.js';
import type { Config } from '../config/loadConfig.js';
import { defaultIndexFile, engineFromIndex, type Engine } from '../engine/engine.js';
import { decodeIndexFile } from '../engine/persist/indexFile.js';
import { rebuildOffThread, type Rebuild } from '../engine/persist/rebuildOffThread.js';
import { errorFields, type Logger } from '../process/logger.js';
import { watchFolder, type FolderWatch } from '../process/watchFolder.js';
import type { CommandMentions } from './commandMentions.js';
import type { FeedbackLog } from './feedback/feedbackLog.js';
import { createHandlerContext } from './handlerContext.js';
import { reloadReport, type Counts } from './reloadReport.js';
import type { HandlerContext } from './handlerTypes.js';
import type { Registry } from './registry.js';

export interface CorpusStatus {
  /** SHA-256 of the corpus files the served index was built from (null: an engine given by the caller). */
  digest: string | null;
  articles: number;
  sentences: number;
  /** When the served index was swapped in: start-up, or the last reload that changed it. */
  loadedAt: string;
  /** The last reload, when there has been one: when it ended, and why it failed if it did. */
  lastReload: { at: string; outcome: ReloadOutcome; file?: string; error?: string } | null;
}

/** `reloaded`: a new index serves; `unchanged`: the files are as served; `failed`: the old index goes on serving; `closed`: shutting down. */
export type ReloadOutcome = 'reloaded' | 'unchanged' | 'failed' | 'closed';

export interface LiveCorpus {
  /** What a request starts with and keeps until it is answered, whatever reloads meanwhile. */
  context(): HandlerContext;
  status(): CorpusStatus;
  /** Reloads now (a reload already running is followed by one more, which this waits for). */
  reload(reason: string): Promise<ReloadOutcome>;
  /** Stops watching and any reload under way. Safe to call twice. */
  close(): Promise<void>;
}

export interface LiveCorpusOptions {
  config: Pick<Config, 'corpusDir' | 'indexFile' | 'reload'>;
  engine: Engine;
  digest: string | null;
  registry: Registry;
  /** Where "Not it?" presses are recorded: the same log across reloads. */
  feedback: FeedbackLog;
  /** /help's command ids, kept across reloads. */
  mentions?: CommandMentions;
  log: Logger;
  /** Watch the corpus folder (default config.reload.watch). */
  watch?: boolean;
  /** A person at a terminal: a short plain line per reload instead of the JSON log lines. */
  say?: (line: string) => void;
}

export function createLiveCorpus({
  config,
  engine,
  digest,
  registry,
  feedback,
  mentions,
  log,
  watch = config.reload.watch,
  say,
}: LiveCorpusOptions): LiveCorpus {
  const corpusDir = resolve(config.corpusDir);
  const indexFile = config.indexFile ?? defaultIndexFile(corpusDir);
  let served = { context: createHandlerContext(engine, registry, feedback, mentions), digest, loadedAt: new Date() };
  let lastReload: CorpusStatus['lastReload'] = null;
  let running: Promise<ReloadOutcome> | undefined;
  let queued: Promise<ReloadOutcome> | undefined;
  let rebuild: Rebuild | undefined;
  let closed = false;

  const counts = (e: Engine): Counts => ({ articles: e.corpus.articles.length, sentences: e.index.sentenceCount });

  const run = async (reason: string): Promise<ReloadOutcome> => {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const report = reloadReport(reason, corpusDir, log, say);
    const before = counts(served.context.engine);
    report.started();
    // A name of this process's own, so replicas (and `ingest`) reloading the same corpus never write the same file.
    const out = join(dirname(indexFile), `${basename(indexFile)}.${process.pid}.reload`);
    rebuild = rebuildOffThread({ corpusDir, indexFile, out, servedDigest: served.digest }, ({ step, ...progress }) =>
      report.progress(step, progress),
    );
    const result = await rebuild.result;
    rebuild = undefined;
    // A worker stopped mid-write (shutdown, out of memory) leaves its temporary file: never left in the folder.
    await rm(`${out}.tmp`, { force: true });
    const written = result.kind === 'ready' && result.file !== indexFile ? result.file : undefined;
    if (closed) {
      if (written) await rm(written, { force: true });
      return 'closed';
    }
    const finish = (outcome: ReloadOutcome, failure?: { file: string | null; problem: string }) => {
      if (failure) report.failed({ ...failure, ms: ms(), serving: before });
      const at = new Date().toISOString();
      lastReload = failure ? { at, outcome, ...(failure.file ? { file: failure.file } : {}), error: failure.problem } : { at, outcome };
      return outcome;
    };
    if (result.kind === 'unchanged') {
      report.unchanged(ms());
      return finish('unchanged');
    }
    if (result.kind === 'failed') return finish('failed', result);
    let next: typeof served;
    let built: string;
    let swapMs: number;
    try {
      // Read without blocking the event loop; decoding (checksum, views on the bytes, not copies) is the part that does.
      const bytes = await readFile(result.file);
      const decoding = performance.now();
      const decoded = decodeIndexFile(bytes);
      built = decoded.digest;
      next = {
        context: createHandlerContext(engineFromIndex(decoded.index, corpusDir), registry, feedback, mentions),
        digest: built,
        loadedAt: new Date(),
      };
      swapMs = Math.round(performance.now() - decoding);
    } catch (error) {
      if (written) await rm(written, { force: true });
      const problem = `the new index ${result.file} cannot be used: ${error instanceof Error ? error.message : String(error)}`;
      return finish('failed', { file: result.file, problem });
    }
    // Kept on disk first, then swapped in and reported in one step: /healthz never lags the answers and the folder already holds the new index.
    if (written) await keep(written);
    served = next;
    report.reloaded({
      now: counts(next.context.engine),
      before,
      digest: built,
      built: result.built,
      buildMs: result.buildMs,
      swapMs,
      ms: ms(),
    });
    return finish('reloaded');
  };

  /** The new index replaces the prebuilt one, so a restart loads it; one written elsewhere is removed. */
  const keep = async (file: string) => {
    try {
      if (dirname(file) === dirname(indexFile)) await rename(file, indexFile);
      else await rm(file, { force: true });
    } catch (error) {
      log.warn('the reloaded index could not be kept for the next start', { file, error: errorFields(error) });
      await rm(file, { force: true }).catch(() => undefined);
    }
  };

  const reload = (reason: string): Promise<ReloadOutcome> => {
    if (closed) return Promise.resolve('closed');
    if (!running) {
      running = run(reason).catch((error: unknown) => {
        log.error('corpus reload failed', { reason, error: errorFields(error) });
        return 'failed' as const;
      });
      void running.finally(() => (running = undefined));
      return running;
    }
    // Changes made while a reload runs may have come too late for it: one more reload follows, for all of them.
    return (queued ??= running.then(() => {
      queued = undefined;
      return reload(reason);
    }));
  };

  const folder: FolderWatch | undefined = watch
    ? watchFolder(corpusDir, {
        debounceMs: config.reload.debounceMs,
        relevant: (name) => name === null || isCorpusFileName(name),
        onQuiet: (names) =>
          void reload(`changed: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`),
        onError: (error) =>
          say
            ? say(`not watching ${corpusDir} for changes (${error.message})`)
            : log.warn('not watching the corpus folder for changes', { corpus: corpusDir, error: errorFields(error) }),
      })
    : undefined;

  let closing: Promise<void> | undefined;
  return {
    context: () => served.context,
    status: () => ({
      digest: served.digest,
      ...counts(served.context.engine),
      loadedAt: served.loadedAt.toISOString(),
      lastReload,
    }),
    reload,
    close: () =>
      (closing ??= (async () => {
        closed = true;
        folder?.close();
        await rebuild?.cancel();
        await running;
      })()),
  };
}
