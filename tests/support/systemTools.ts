// System programs some checks run (Debian packages: nginx, openssl, redis-server; `script`, which
// runs a command on a terminal of its own, is in bsdutils), found on
// PATH or in the sbin folders a non-root PATH often lacks. A missing one is an error that
// says how to install it, never a silently skipped check.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const PACKAGE: Record<string, string> = { script: 'bsdutils' };

export function findTool(name: 'nginx' | 'openssl' | 'redis-server' | 'script'): string {
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  const found = folders
    .filter(Boolean)
    .map((folder) => join(folder, name))
    .find((path) => existsSync(path));
  if (!found) throw new Error(`${name} is not installed: apt-get install -y ${PACKAGE[name] ?? name} (.ci/run installs it when missing)`);
  return found;
}
