/**
 * Memory across a live reload (issue 10): SelQA grown to about --sentences N (default 100,000)
 * in a temporary folder, its prebuilt index built by `citebot build-index`, then the corpus
 * served as bot, serve and the console serve it (createLiveCorpus over loadEngineAndDigest); one
 * article file is added and the corpus reloaded, memory sampled every 10 ms throughout.
 * Reported: the index file's size; this thread's heap plus array buffers, less what it holds with
 * the bundled five-article corpus (modules, lexicon, word vectors) (where the served
 * index lives: the index file's bytes are array buffers, its other parts heap) before, at
 * their peak during the reload, just after the swap, after a collection while an interaction
 * begun before the swap still holds the old engine (old and new both live), and once it is let go; and the process's RSS, which also counts the worker thread's build.
 * Run: npx tsc -p tsconfig.json && node --expose-gc dist/bench/reloadMemory.js [--sentences N] [--keep]
 */
import { NO_FEEDBACK } from '../src/app/feedback/feedbackLog.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createLiveCorpus } from '../src/app/liveCorpus.js';
import { loadCommands } from '../src/app/loadCommands.js';
import { createHandlerContext } from '../src/app/handlerContext.js';
import { loadEngine, loadEngineAndDigest } from '../src/engine/engine.js';
import { createLogger } from '../src/process/logger.js';
import { BIN, ROOT } from '../tests/support/cli.js';
import { growCorpus } from './scale/growCorpus.js';

const { values } = parseArgs({ options: { sentences: { type: 'string', default: '100000' }, keep: { type: 'boolean', default: false } } });
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const MB = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const served = () => {
  const m = process.memoryUsage();
  return { mainThread: m.heapUsed + m.arrayBuffers, rss: m.rss };
};
/** After full collections, with a pause between them for the freeing of array buffers' memory, which runs after a collection. */
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await sleep(50);
  }
  return served();
};

const dir = mkdtempSync(join(tmpdir(), 'citebot-reload-memory-'));
try {
  const grown = growCorpus(join(dir, 'corpus'), Number(values.sentences));
  const corpusDir = join(dir, 'corpus');
  const build = spawnSync(process.execPath, [BIN, 'build-index', '--corpus', corpusDir], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(build.stderr);
  const indexBytes = statSync(join(corpusDir, '.citebot-index')).size;
  console.log(
    `corpus: ${grown.articles} articles, ~${grown.selqaSentences} sentences, ${MB(grown.bytes)} of JSONL; index file ${MB(indexBytes)}`,
  );

  let swapMs: unknown;
  const log = createLogger('info', { write: (line: string) => (swapMs = (JSON.parse(line) as { swapMs?: number }).swapMs ?? swapMs) });
  const registry = await loadCommands();
  // What the process holds without this corpus (modules, lexicon, word vectors): measured on the bundled corpus.
  createHandlerContext(loadEngine(join(ROOT, 'corpus')), registry, NO_FEEDBACK);
  const baseline = await settle();
  const live = createLiveCorpus({
    config: { corpusDir, reload: { watch: false, debounceMs: 0 } },
    ...loadEngineAndDigest(corpusDir),
    registry,
    feedback: NO_FEEDBACK,
    log,
  });
  const before = await settle();
  const index = before.mainThread - baseline.mainThread;

  // An interaction begun before the swap keeps the old engine until it is answered: held here the same way.
  let inFlight: ReturnType<typeof live.context> | undefined = live.context();
  let peak = served();
  const sampler = setInterval(() => {
    const now = served();
    peak = { mainThread: Math.max(peak.mainThread, now.mainThread), rss: Math.max(peak.rss, now.rss) };
  }, 10);
  writeFileSync(
    join(corpusDir, 'zz-added.jsonl'),
    `${JSON.stringify({ id: 'added-article', title: 'Added', date: '2021-01-01', source: 'example.org', url: null, text: 'A bridge of 300 metres opened on Monday.' })}\n`,
  );
  const started = performance.now();
  const outcome = await live.reload('measure');
  clearInterval(sampler);
  const swapped = served();
  peak = { mainThread: Math.max(peak.mainThread, swapped.mainThread), rss: Math.max(peak.rss, swapped.rss) };
  const ms = Math.round(performance.now() - started);
  const bothHeld = await settle();
  if (inFlight.engine === live.context().engine) throw new Error('the reload did not swap the engine');
  inFlight = undefined;
  const after = await settle();
  await live.close();

  console.log(
    `reload: ${outcome} in ${ms} ms (of which ${String(swapMs)} ms on the serving thread: decoding the new index, the handler context); ${live.status().articles} articles, ${live.status().sentences} sentences`,
  );
  console.log(`the served index: ${MB(index)} (main thread with it ${MB(before.mainThread)}, without it ${MB(baseline.mainThread)})`);
  console.log('                      main thread (heap + array buffers)      held for indexes     process RSS');
  const row = (label: string, m: { mainThread: number; rss: number }) =>
    console.log(
      `${label.padEnd(22)}${MB(m.mainThread).padStart(12)}${MB(m.mainThread - baseline.mainThread).padStart(30)} (${((m.mainThread - baseline.mainThread) / index).toFixed(2)}× the index)${MB(m.rss).padStart(12)}`,
    );
  row('before', before);
  row('peak during reload', peak);
  row('just after the swap', swapped);
  row('both held, collected', bothHeld);
  row('after a collection', after);
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
