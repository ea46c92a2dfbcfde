import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/configError.js';
import { CorpusError } from '../corpus/corpusError.js';
import { packageRoot } from '../paths/packageRoot.js';
import { CliError } from './cliError.js';
import { helpOf, usageOf, type CommandSpec } from './parseCliArgs.js';
import * as specs from './specs.js';

interface CliCommand {
  run(argv: string[]): void | Promise<void>;
}

/**
 * Each command's code is imported only when it runs: `ask` must not pay for loading discord.js
 * (~300 ms), which only `bot`, `serve`, `console` and `deploy-commands` use.
 */
const commands: Record<string, { spec: CommandSpec; load: () => Promise<CliCommand> }> = Object.fromEntries(
  (
    [
      [specs.askSpec, () => import('./commands/ask.js')],
      [specs.searchSpec, () => import('./commands/search.js')],
      [specs.sourcesSpec, () => import('./commands/sources.js')],
      [specs.showSpec, () => import('./commands/show.js')],
      [specs.ingestSpec, () => import('./commands/ingest.js')],
      [specs.consoleSpec, () => import('./commands/console.js')],
      [specs.botSpec, () => import('./commands/bot.js')],
      [specs.serveSpec, () => import('./commands/serve.js')],
      [specs.deployCommandsSpec, () => import('./commands/deployCommands.js')],
      [specs.buildIndexSpec, () => import('./commands/buildIndex.js')],
      [specs.feedbackSpec, () => import('./commands/feedback.js')],
    ] as const
  ).map(([spec, load]) => [spec.name, { spec, load }]),
);

function help(): string {
  const lines = Object.values(commands).map((c) => `  ${usageOf(c.spec)}\n      ${c.spec.summary}`);
  return `citebot: answers questions with one quoted, dated sentence from a news corpus\n\n${lines.join('\n')}\n\n\`citebot <command> --help\` lists a command's flags and their defaults; \`citebot --version\` prints the version.\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    console.log((JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version);
    return 0;
  }
  const command = commands[name];
  if (!command) throw new CliError(`unknown command "${name}"\n\n${help()}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(helpOf(command.spec));
    return 0;
  }
  await (await command.load()).run(rest);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError) {
    console.error(`citebot: ${error.message}`);
    process.exitCode = error.exitCode;
  } else if (error instanceof ConfigError) {
    console.error(`citebot: ${error.message}`);
    process.exitCode = 1;
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
