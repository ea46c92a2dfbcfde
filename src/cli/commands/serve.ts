import { friendlyStartError } from '../friendlyStartError.js';
import { createLogger } from '../../process/logger.js';
import { reloadOnSignal } from '../../process/reloadOnSignal.js';
import { stopOnSignals } from '../../process/shutdown.js';
import { loadConfig } from '../../config/loadConfig.js';
import { ListenError, startServer } from '../../transports/http/startServer.js';
import { CliError } from '../cliError.js';
import { parseCommand } from '../parseCliArgs.js';
import { serveSpec as spec } from '../specs.js';

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535)
    throw new CliError(`--port must be a port number from 0 to 65535 (0 picks a free port), got "${value}"`);
  return Number(value);
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseCommand(spec, argv);
  const port = parsePort(values.port);
  try {
    const config = loadConfig('http', { corpus: values.corpus, indexFile: values.index });
    const log = createLogger(config.logLevel);
    let reload = (_reason: string): Promise<unknown> => Promise.resolve();
    // Listening from the start: Node's default for SIGHUP is to exit. startServer's reload waits for the index to load.
    const stopReloading = reloadOnSignal(log, (reason) => reload(reason));
    const server = await startServer(config, {
      log,
      ...(port !== undefined ? { port } : {}),
      ...(values.host ? { host: values.host } : {}),
    });
    // stdout carries only this line: scripts and tests read the bound address (useful with --port 0).
    process.stdout.write(`listening on ${server.url}\n`);
    reload = server.reload;
    // SIGTERM is how orchestrators and systemd stop a replica: drain first. Ctrl-C (SIGINT) is a person at a terminal: no delay.
    const stopped = stopOnSignals(log, (signal) => server.stop(signal === 'SIGTERM' ? {} : { drainMs: 0 }));
    try {
      await server.ready;
    } catch (error) {
      await server.stop({ drainMs: 0 }); // it never answered: nothing to drain
      throw error;
    }
    await stopped;
    stopReloading();
  } catch (error) {
    const message = error instanceof ListenError ? error.message : friendlyStartError(error);
    if (message) throw new CliError(message, 1);
    throw error;
  }
}
