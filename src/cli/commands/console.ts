import { runConsole } from '../../bot/console/runConsole.js';
import { friendlyStartError } from '../../bot/friendlyStartError.js';
import { loadConfig } from '../../config/loadConfig.js';
import { CliError } from '../cliError.js';
import { parseCliArgs } from '../parseCliArgs.js';

export const usage = 'citebot console [--corpus DIR]';
export const summary = "try the bot without Discord: type /ask question: how many IoT firms in Wuxi and see the reply as Discord would show it (stdin can be piped)";

export async function run(argv: string[]): Promise<void> {
  const { values } = parseCliArgs(argv, { corpus: { type: 'string' } }, usage);
  try {
    // Quiet by default: the replies are the output; LOG_LEVEL=info shows the bot's log lines on stderr.
    const config = loadConfig('local', { env: { ...process.env, ...(values.corpus ? { CITEBOT_CORPUS: values.corpus } : {}) }, defaults: { LOG_LEVEL: 'warn' } });
    await runConsole(config, { input: process.stdin, output: process.stdout });
  } catch (error) {
    const message = friendlyStartError(error);
    if (message) throw new CliError(message, 1);
    throw error;
  }
}
