import { startBot } from '../../bot/gateway/startBot.js';
import { friendlyStartError } from '../../bot/friendlyStartError.js';
import { createLogger } from '../../bot/logger.js';
import { stopOnSignals } from '../../bot/shutdown.js';
import { loadConfig } from '../../config/loadConfig.js';
import { CliError } from '../cliError.js';
import { parseCliArgs } from '../parseCliArgs.js';

export const usage = 'citebot bot';
export const summary = 'run the Discord bot on the gateway (DISCORD_TOKEN etc. from the environment or .env; see .env.example)';

export async function run(argv: string[]): Promise<void> {
  parseCliArgs(argv, {}, usage);
  try {
    const config = loadConfig('discord');
    const log = createLogger(config.logLevel);
    const bot = await startBot(config, { log });
    await stopOnSignals(log, bot.stop);
  } catch (error) {
    const message = friendlyStartError(error);
    if (message) throw new CliError(message, 1);
    throw error;
  }
}
