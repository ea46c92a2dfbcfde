// The deploy check's `citebot serve` replicas: each on a fixed port (nginx's upstream
// names it), restarted on that same port, started the one shared way
// (tests/support/serveProcess.ts).
import { spawnServe, waitHealthy, type ServeChild } from '../../tests/support/serveProcess.js';

export interface Replica {
  readonly port: number;
  readonly process: ServeChild;
  /** Interactions this process has answered (its `interaction answered` log lines). */
  answered(): number;
  /** SIGTERM, wait for the exit (its code), start again on the same port, wait for /healthz 200. */
  restart(): Promise<{ exitCode: number | null; drainedMs: number; healthyMs: number }>;
  /** Resolves once this process has answered `count` interactions (nginx sends it traffic again). */
  waitAnswered(count: number, timeoutMs: number): Promise<number>;
}

export async function startReplica(port: number, env: Record<string, string>, cwd: string): Promise<Replica> {
  const start = async () => {
    const child = await spawnServe({ env: { LOG_LEVEL: 'info', ...env }, port, cwd });
    await waitHealthy(child.url, { child: child.child });
    return child;
  };
  let current = await start();
  const answered = () => current.stderr().split('"msg":"interaction answered"').length - 1;
  return {
    port,
    get process() {
      return current;
    },
    answered,
    async restart() {
      const signalled = performance.now();
      const exitCode = await current.stop('SIGTERM');
      const drainedMs = performance.now() - signalled;
      current = await start();
      return { exitCode, drainedMs, healthyMs: performance.now() - signalled - drainedMs };
    },
    async waitAnswered(count, timeoutMs) {
      const started = performance.now();
      while (answered() < count) {
        if (performance.now() - started > timeoutMs)
          throw new Error(
            `replica on port ${port} answered ${answered()} of ${count} interactions within ${timeoutMs} ms: nginx sent it no traffic`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
      return performance.now() - started;
    },
  };
}
