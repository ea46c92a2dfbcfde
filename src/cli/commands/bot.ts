import { startBot } from '../../transports/gateway/startBot.js';
import { friendlyStartError } from '../friendlyStartError.js';
import { createLogger } from '../../process/logger.js';
import { runShardedBot } from '../../process/sharding/runShardedBot.js';
import { parseShardCount } from '../../process/sharding/shardCount.js';
import { currentShardProcess, stopWhenManagerSays } from '../../process/sharding/shardProcess.js';
import { reloadOnSignal } from '../../process/reloadOnSignal.js';
import { stopOnSignals } from '../../process/shutdown.js';
import { loadConfig } from '../../config/loadConfig.js';
import { CliError } from '../cliError.js';
import { parseCommand } from '../parseCliArgs.js';
import { botSpec as spec } from '../specs.js';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseCommand(spec, argv);
  const shards = values.shards === undefined ? undefined : parseShardCount(values.shards);
  if (values.shards !== undefined && shards === undefined)
    throw new CliError(`--shards must be a whole number of 1 or more, or auto; got "${values.shards}"`);
  try {
    const config = loadConfig('discord', { corpus: values.corpus, indexFile: values.index });
    if (shards !== undefined) {
      await runShardedBot(config, { shards, log: createLogger(config.logLevel).child({ role: 'shard-manager' }) });
      return;
    }
    // Forked by the ShardingManager above: one shard, stopped by the manager.
    const shard = currentShardProcess();
    const log = createLogger(config.logLevel, process.stderr, shard ? { shard: shard.id } : {});
    // Listening from the start: Node's default for SIGHUP is to exit, and a reload asked for while loading waits for the load.
    let reload = (_reason: string): Promise<unknown> => Promise.resolve();
    const stopReloading = reloadOnSignal(log, (reason) => reload(reason));
    const bot = await startBot(config, { log });
    reload = bot.app.corpus.reload;
    await (shard ? stopWhenManagerSays(log, bot.stop) : stopOnSignals(log, bot.stop));
    stopReloading();
  } catch (error) {
    // A shard that cannot start must exit for its manager to hear of it: the IPC channel would keep it alive.
    if (currentShardProcess() && process.connected) process.disconnect();
    const message = friendlyStartError(error);
    if (message) throw new CliError(message, 1);
    throw error;
  }
}
