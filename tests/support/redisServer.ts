// A real redis-server for a test, on a free port on 127.0.0.1, keeping nothing on disk.
// When redis-server is not installed the test fails saying how to install it: a shared rate
// limit that was never tested must not look like one that passed.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './serveProcess.js';
import { findTool } from './systemTools.js';

export interface RedisServer {
  url: string;
  port: number;
  child: ChildProcessWithoutNullStreams;
  /** Stops it (SIGTERM) and waits for the exit. */
  stop(): Promise<void>;
}

/** Starts redis-server (on `port`, or a free one) and resolves once it accepts connections. */
export async function startRedis(port?: number): Promise<RedisServer> {
  const bin = findTool('redis-server');
  const chosen = port ?? (await freePort());
  const child = spawn(bin, ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => reject(new Error(`redis-server exited on start:\n${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
