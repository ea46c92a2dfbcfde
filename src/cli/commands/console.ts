import { runConsole } from '../../transports/console/runConsole.js';
import { friendlyStartError } from '../friendlyStartError.js';
import { loadConfig } from '../../config/loadConfig.js';
import { CliError } from '../cliError.js';
import { CORPUS_FLAG, INDEX_FLAG, parseCommand, type CommandSpec } from '../parseCliArgs.js';

export const spec = {
  name: 'console',
  summary: "try the bot without Discord: type /ask question: how many IoT firms in Wuxi and see the reply as Discord would show it (stdin can be piped)",
  flags: { corpus: CORPUS_FLAG, index: INDEX_FLAG },
} satisfies CommandSpec;

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
