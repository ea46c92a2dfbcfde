// SIGHUP: reload the corpus, as daemons reread their files on it (`systemctl reload`, `kill -HUP`).
// Listening also means a SIGHUP no longer ends the process, which is Node's default.
import type { Logger } from './logger.js';

/** Until the returned function is called, each SIGHUP calls `reload`; a failure is logged, never thrown. */
export function reloadOnSignal(log: Logger, reload: (reason: string) => Promise<unknown>): () => void {
  const onSignal = () => {
    reload('SIGHUP').catch((error: unknown) => log.error('reload on SIGHUP failed', { error: String(error) }));
  };
  process.on('SIGHUP', onSignal);
  return () => process.off('SIGHUP', onSignal);
}
