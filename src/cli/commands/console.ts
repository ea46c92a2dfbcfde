import { runConsole } from '../../transports/console/runConsole.js';
import { friendlyStartError } from '../friendlyStartError.js';
import { loadConfig } from '../../config/loadConfig.js';
import { CliError } from '../cliError.js';
import { parseCommand } from '../parseCliArgs.js';
import { consoleSpec as spec } from '../specs.js';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseCommand(spec, argv);
  try {
    // Quiet by default: the replies are the output; LOG_LEVEL=info shows the bot's log lines on stderr.
    const config = loadConfig('local', { corpus: values.corpus, indexFile: values.index, defaults: { LOG_LEVEL: 'warn' } });
    await runConsole(config, { input: process.stdin, output: process.stdout });
  } catch (error) {
    const message = friendlyStartError(error);
    if (message) throw new CliError(message, 1);
    throw error;
  }
}
