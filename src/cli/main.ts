import { CorpusError } from '../corpus/corpusError.js';
import { CliError } from './cliError.js';
import * as ask from './commands/ask.js';
import * as bot from './commands/bot.js';
import * as buildIndex from './commands/buildIndex.js';
import * as consoleCommand from './commands/console.js';
import * as deployCommands from './commands/deployCommands.js';
import * as ingest from './commands/ingest.js';
import * as search from './commands/search.js';
import * as serve from './commands/serve.js';
import * as show from './commands/show.js';
import * as sources from './commands/sources.js';

interface CliCommand {
  usage: string;
  summary: string;
  run(argv: string[]): void | Promise<void>;
}

const commands: Record<string, CliCommand> = { ask, search, sources, show, ingest, console: consoleCommand, bot, serve, 'deploy-commands': deployCommands, 'build-index': buildIndex };

function help(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `citebot: answers questions with one quoted, dated sentence from a news corpus\n\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return 0;
  }
  const command = commands[name];
  if (!command) throw new CliError(`unknown command "${name}"\n\n${help()}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`usage: ${command.usage}\n${command.summary}`);
    return 0;
  }
  await command.run(rest);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError) {
    console.error(`citebot: ${error.message}`);
    process.exitCode = error.exitCode;
  } else if (error instanceof CorpusError) {
    console.error(`citebot: the corpus does not load: ${error.message}`);
    process.exitCode = 1;
  } else {
    // A bug, not a mistake of the user's: say so plainly; the stack only on request.
    console.error(`citebot: unexpected error: ${(error as Error).message ?? String(error)}`);
    if (process.env.CITEBOT_DEBUG) console.error((error as Error).stack);
    else console.error('citebot: set CITEBOT_DEBUG=1 to see where it happened, and please report it.');
    process.exitCode = 1;
  }
}
