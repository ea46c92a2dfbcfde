// SIGINT/SIGTERM: stop cleanly once (finish in-flight replies, close the gateway); a
// second signal while stopping means "now", as people expect from Ctrl-C twice.
import type { Logger } from './logger.js';

/** `signals`: a shard's process leaves SIGINT to its ShardingManager (see sharding/shardProcess.ts). */
export function stopOnSignals(
  log: Logger,
  stop: (signal: NodeJS.Signals) => Promise<void>,
  signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'],
): Promise<void> {
  return new Promise((resolve, reject) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        log.warn('second signal: exiting at once', { signal });
        process.exit(130);
      }
      stopping = true;
      log.info('shutting down', { signal });
      stop(signal).then(() => {
        for (const name of signals) process.off(name, onSignal);
        resolve();
      }, reject);
    };
    for (const name of signals) process.on(name, onSignal);
  });
}
