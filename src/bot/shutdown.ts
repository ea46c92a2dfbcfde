// SIGINT/SIGTERM: stop cleanly once (finish in-flight replies, close the gateway); a
// second signal while stopping means "now", as people expect from Ctrl-C twice.
import type { Logger } from './logger.js';

export function stopOnSignals(log: Logger, stop: () => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        log.warn('second signal: exiting at once', { signal });
        process.exit(130);
      }
      stopping = true;
      log.info('shutting down', { signal });
      stop().then(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        resolve();
      }, reject);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
