// The bot as one shard under `citebot bot --shards`: discord.js's ShardingManager forks
// `citebot bot` with SHARDING_MANAGER, SHARDS and SHARD_COUNT set, and the Client picks
// its shard from those by itself. What changes here is only who decides to stop:
// the manager. Ctrl-C reaches the whole process group, so a shard ignores SIGINT and
// waits for the manager's SIGTERM (two signals would mean "exit at once" and skip the
// drain); and a shard whose manager has died stops, since nobody would ever stop it.
import type { Logger } from '../logger.js';
import { stopOnSignals } from '../shutdown.js';

export interface ShardProcess {
  id: number;
  count: number;
}

/** This process's shard, when a ShardingManager started it; undefined for a plain `citebot bot`. */
export function currentShardProcess(env: NodeJS.ProcessEnv = process.env): ShardProcess | undefined {
  if (env.SHARDING_MANAGER !== 'true' || env.SHARDING_MANAGER_MODE !== 'process') return undefined;
  return { id: Number(env.SHARDS ?? 0), count: Number(env.SHARD_COUNT ?? 1) };
}

/** Resolves once the shard has stopped: on the manager's SIGTERM, or when the manager is gone. */
export async function stopWhenManagerSays(log: Logger, stop: () => Promise<void>): Promise<void> {
  process.on('SIGINT', () => log.debug('SIGINT left to the sharding manager'));
  let onGone: () => void = () => undefined;
  await new Promise<void>((resolve, reject) => {
    onGone = () => {
      log.warn('sharding manager gone: stopping');
      stop().then(resolve, reject);
    };
    process.once('disconnect', onGone);
    stopOnSignals(log, stop, ['SIGTERM']).then(resolve, reject);
  });
  process.off('disconnect', onGone);
  // The IPC channel to the manager keeps this process alive: close it so the shard can exit.
  if (process.connected) process.disconnect();
}
