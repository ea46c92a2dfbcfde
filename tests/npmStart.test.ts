// `npm start` compiles only when the build is out of date (tsc --build compares the sources
// with dist/.tsbuildinfo): run on a current build, it opens the console without rewriting
// anything in dist/. (After an edit, tsc --build compiles what changed before the console opens.)
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, ROOT } from './support/cli.js';

const mtime = (file: string) => statSync(join(ROOT, file)).mtimeMs;

describe('npm start', () => {
  it('on a current build opens the console without compiling', () => {
    // Whatever ran before, the build is current after this (a no-op when it already was).
    const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-b', 'tsconfig.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.stdout + build.stderr).toBe('');
    const before = { info: mtime('dist/.tsbuildinfo'), main: mtime('dist/src/cli/main.js') };

    const start = spawnSync('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: cleanEnv(),
      input: '/sources\n',
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(start.stderr).toBe('');
    expect(start.status).toBe(0);
    expect(start.stdout).toContain('The sources: 5 articles');
    expect({ info: mtime('dist/.tsbuildinfo'), main: mtime('dist/src/cli/main.js') }).toEqual(before);
  }, 150_000);
});
