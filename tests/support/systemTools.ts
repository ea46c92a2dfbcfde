// System programs some checks run (Debian packages: nginx, openssl, redis-server), found on
// PATH or in the sbin folders a non-root PATH often lacks. A missing one is an error that
// says how to install it, never a silently skipped check.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function findTool(name: 'nginx' | 'openssl' | 'redis-server'): string {
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  const found = folders
    .filter(Boolean)
    .map((folder) => join(folder, name))
    .find((path) => existsSync(path));
  if (!found) throw new Error(`${name} is not installed: apt-get install -y ${name} (.ci/run installs it when missing)`);
  return found;
}
