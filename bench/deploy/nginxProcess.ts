// deploy/nginx.conf, run for real: rendered with the check's own ports, certificate and log
// path (each substitution must match exactly once, so a reshaped file fails the check
// loudly instead of being run half-substituted), checked with `nginx -t`, then run in the
// foreground as a child process with its prefix, pid and error log in the check's folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths/packageRoot.js';
import { findTool } from '../../tests/support/systemTools.js';

export interface NginxSetup {
  /** The check's temporary folder: nginx's prefix, pid, logs and rendered configuration. */
  folder: string;
  httpsPort: number;
  httpPort: number;
  replicaPorts: [number, number];
  cert: string;
  key: string;
}

export function renderNginxConf(template: string, setup: NginxSetup): string {
  const substitutions: [string, string][] = [
    ['listen 443 ssl;', `listen 127.0.0.1:${setup.httpsPort} ssl;`],
    ['listen 80;', `listen 127.0.0.1:${setup.httpPort};`],
    ['server 127.0.0.1:8081 ', `server 127.0.0.1:${setup.replicaPorts[0]} `],
    ['server 127.0.0.1:8082 ', `server 127.0.0.1:${setup.replicaPorts[1]} `],
    ['/etc/letsencrypt/live/citebot.example.com/fullchain.pem', setup.cert],
    ['/etc/letsencrypt/live/citebot.example.com/privkey.pem', setup.key],
    ['/var/log/nginx/citebot.access.log', accessLogOf(setup)],
  ];
  return substitutions.reduce((text, [from, to]) => {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`deploy/nginx.conf: expected "${from}" exactly once, found it ${count} times`);
    return text.replace(from, to);
  }, template);
}

export const accessLogOf = (setup: NginxSetup) => join(setup.folder, 'access.log');

export interface RunningNginx {
  child: ChildProcess;
  /** Graceful stop (SIGQUIT), SIGKILL after 5 s. */
  stop(): Promise<void>;
}

/** Renders the configuration, runs `nginx -t` on it (returning its report), and starts nginx once the test passes. */
export async function startNginx(setup: NginxSetup, ca: string): Promise<{ nginx: RunningNginx; testReport: string }> {
  const conf = join(setup.folder, 'nginx.conf');
  writeFileSync(conf, renderNginxConf(readFileSync(join(packageRoot(), 'deploy', 'nginx.conf'), 'utf8'), setup));
  const args = [
    '-p',
    `${setup.folder}/`,
    '-c',
    conf,
    '-e',
    join(setup.folder, 'error.log'),
    '-g',
    `daemon off; pid ${join(setup.folder, 'nginx.pid')};`,
  ];
  const bin = findTool('nginx');
  const test = spawnSync(bin, ['-t', ...args], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t rejected the rendered deploy/nginx.conf:\n${test.stderr}`);

  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = once(child, 'exit');
  await waitListening(setup.httpsPort, ca, child, () => stderr);
  const nginx: RunningNginx = {
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  return { nginx, testReport: test.stderr.trim() };
}

/** Resolves once nginx answers HTTPS on `port` (any status: the replicas may not be up). */
async function waitListening(port: number, ca: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}) on start:\n${stderr()}`);
    const answered = await new Promise<boolean>((resolve) => {
      request({ host: '127.0.0.1', port, path: '/healthz', ca, agent: false }, (res) => resolve(res.resume() !== undefined))
        .on('error', () => resolve(false))
        .end();
    });
    if (answered) return;
    if (Date.now() > deadline) throw new Error(`nginx did not answer on 127.0.0.1:${port} within 10 s:\n${stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
