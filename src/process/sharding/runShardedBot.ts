// `citebot bot --shards N|auto`: discord.js's ShardingManager runs N copies of
// `citebot bot`, one process per gateway shard, respawning any that die. Each loads the
// index and answers the interactions of its own shard through the same dispatcher.
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ShardingManager, type Shard } from 'discord.js';
import type { DiscordConfig } from '../../config/loadConfig.js';
import { packageRoot } from '../../paths/packageRoot.js';
import type { Logger } from '../logger.js';
import { stopOnSignals } from '../shutdown.js';
import { recommendedShardCount, type ShardCount } from './shardCount.js';

export interface ShardedBotOptions {
  shards: ShardCount;
  log: Logger;
  /**
   * Between shard starts. Discord lets a bot IDENTIFY max_concurrency times per 5 s
   * (1 for all but very large bots); discord.js's default of 5.5 s respects that.
   */
  spawnDelayMs?: number;
}

/** Longer than a shard's own drain (5 s) plus its disconnect. */
const SHARD_STOP_MS = 15_000;

/** Resolves after SIGINT/SIGTERM has stopped every shard; rejects if the shards cannot start. */
export async function runShardedBot(config: DiscordConfig, { shards, log, spawnDelayMs = 5_500 }: ShardedBotOptions): Promise<void> {
  const total = shards === 'auto' ? await recommendedShardCount(config) : shards;
  const manager = new ShardingManager(join(packageRoot(), 'bin', 'citebot.js'), {
    totalShards: total,
    token: config.token,
    // Every shard answers from the corpus and index this process was given, however it was given them.
    shardArgs: ['bot', '--corpus', config.corpusDir, ...(config.indexFile ? ['--index', config.indexFile] : [])],
    mode: 'process',
    respawn: true,
  });
  let stopping = false;
  manager.on('shardCreate', (shard) => {
    log.info('shard starting', { shard: shard.id, of: total });
    // A respawned shard that fails to start reports it here (unheard, the 'error' event would crash the manager).
    shard.on('error', (error) => log.warn('shard failed to start', { shard: shard.id, message: error.message }));
    shard.on('death', () => {
      if (!stopping) log.warn('shard process exited; restarting it', { shard: shard.id, code: shard.process?.exitCode });
    });
  });

  const stop = async () => {
    stopping = true;
    manager.respawn = false; // read by each shard when its process exits
    await Promise.all([...manager.shards.values()].map((shard) => stopShard(shard, log)));
    log.info('all shards stopped');
  };
  const stopped = stopOnSignals(log, stop);
  // `kill -HUP <manager>` reloads the corpus in every shard (each reloads on its own SIGHUP).
  const forwardReload = () => {
    log.info('reloading the corpus in every shard', { signal: 'SIGHUP' });
    for (const shard of manager.shards.values()) shard.process?.kill('SIGHUP');
  };
  process.on('SIGHUP', forwardReload);
  void stopped.finally(() => process.off('SIGHUP', forwardReload));

  try {
    await manager.spawn({ amount: total, delay: spawnDelayMs, timeout: 60_000 });
  } catch (error) {
    if (stopping) return stopped; // interrupted while starting: the stop above finishes the job
    await stop();
    throw error;
  }
  log.info('all shards ready', { shards: total });
  return stopped;
}

/** SIGTERM lets the shard drain its replies and disconnect; SIGKILL only if it hangs. */
async function stopShard(shard: Shard, log: Logger): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const outcome = await Promise.race([exited.then(() => 'exited' as const), sleep(SHARD_STOP_MS, 'hung' as const, { ref: false })]);
  if (outcome === 'hung') {
    log.warn('shard did not stop in time: killing it', { shard: shard.id });
    child.kill('SIGKILL');
  }
}
