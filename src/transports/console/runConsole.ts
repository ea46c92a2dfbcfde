// `citebot console` (what `npm start` opens): the bot's commands in a terminal, no token.
// Interactive with a prompt and Tab completion on a terminal; with piped input, one
// command per line, each echoed before its reply, so it can be scripted and tested.
import { userInfo } from 'node:os';
import { createInterface, type AsyncCompleter } from 'node:readline';
import { createApp } from '../../app/createApp.js';
import type { Registry } from '../../app/registry.js';
import type { Config } from '../../config/loadConfig.js';
import type { Invoker } from '../../discord/interactionRequest.js';
import type { Engine } from '../../engine/engine.js';
import { createLogger } from '../../process/logger.js';
import { CONSOLE_HELP, createConsoleSession } from './consoleSession.js';
import { handleInterrupts } from './interrupt.js';

export interface ConsoleIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

function consoleUser(): Invoker {
  let name = 'you';
  try {
    name = userInfo().username || name;
  } catch {
    // Some containers have no passwd entry for the user; "you" will do.
  }
  return { id: 'console', username: name, globalName: null };
}

export async function runConsole(config: Config, io: ConsoleIo, injected: { engine?: Engine; registry?: Registry } = {}): Promise<void> {
  const interactive = Boolean(io.input.isTTY && io.output.isTTY);
  // One person at a keyboard: no rate limit, and index notices in plain words.
  const { engine, registry, dispatcher } = await createApp(config, {
    log: createLogger(config.logLevel),
    ...injected,
    rateLimit: false,
    notices: 'terminal',
  });
  const user = consoleUser();
  const session = createConsoleSession({
    dispatcher,
    definitions: registry.definitions,
    user,
    style: {
      width: Math.min(100, Math.max(40, (io.output.columns ?? 80) - 2)),
      color: interactive,
      mentionName: (id) => (id === user.id ? user.username : id),
    },
  });
  const write = (text: string) => io.output.write(`${text}\n`);

  const completer: AsyncCompleter = (line, callback) => {
    session.complete(line).then(
      (hits) => callback(null, [hits, line]),
      () => callback(null, [[], line]),
    );
  };
  const lines = createInterface({
    input: io.input,
    output: interactive ? io.output : undefined,
    terminal: interactive,
    ...(interactive ? { completer } : {}),
  });
  // Ctrl-C clears a half-typed line, and quits on an empty one when pressed twice (interrupt.ts); Ctrl-D ends the input.
  if (interactive) handleInterrupts(lines, (text) => io.output.write(text));
  else lines.on('SIGINT', () => lines.close());
  if (interactive) {
    write(
      `citebot console: ${engine.corpus.articles.length} articles loaded. Same commands and handlers as the Discord bot, no Discord needed.\n${CONSOLE_HELP}\n`,
    );
    lines.setPrompt('citebot> ');
    lines.prompt();
  }
  for await (const line of lines) {
    if (!interactive && line.trim()) write(`› ${line.trim()}`);
    const { text, quit } = await session.handle(line);
    if (quit) break;
    if (text) write(`${text}\n`);
    if (interactive) lines.prompt();
  }
  lines.close();
}
