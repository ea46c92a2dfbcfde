/**
 * A one-off command timed as a whole process, which is what a person typing `npx citebot ask`
 * waits for, next to a bare `node -e ''` timed in the same rounds: the machine is shared, so the
 * ratio to bare node is what carries from one run to another. Each round runs every command once,
 * in turn, after two rounds of warm-up (file cache); medians and p90 over the rounds.
 *
 *   npm run bench:startup [-- --runs 15] [--out bench/results/startup.json]
 *
 * Also times `ask` on a copy of the corpus without its prebuilt index (indexed in the process),
 * to show what the index saves, and `npx citebot --version`, npx's own share.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/paths/packageRoot.js';
import { codeVersion, finishMachine, machine, machineLine } from './runInfo.js';
import { summarize, type Summary } from './stats.js';

const QUESTION = 'who is the vice-mayor of Wuxi';
const WARM_UP = 2;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, out: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of 1 or more, not ${values.runs}`);
const root = packageRoot();
const out = values.out ?? join(root, 'bench', 'results', 'startup.json');
const corpus = join(root, 'corpus');
const bin = join(root, 'bin', 'citebot.js');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

interface Command {
  name: string;
  file: string;
  args: string[];
}

/** Seconds from spawn to exit; the run must succeed and say nothing on stderr (no stale-index notice). */
function time({ name, file, args }: Command): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(file, args, { cwd: root, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0 || run.stderr.trim())
    throw new Error(`${name} failed (status ${run.status}): ${run.stderr.trim() || run.error?.message}`);
  return seconds;
}

const report = {
  benchmark: 'Whole-process start-up of one-off commands on the bundled corpus, beside bare node in the same rounds',
  measuredAt: new Date().toISOString(),
  code: codeVersion(),
  machine: machine(),
  question: QUESTION,
  rounds: runs,
  commands: [] as { name: string; command: string; seconds: Summary; ratioToBareNode: number }[],
};

const work = mkdtempSync(join(tmpdir(), 'citebot-startup-'));
try {
  // The same articles without a prebuilt index: `ask` indexes them itself.
  const unindexed = join(work, 'corpus');
  mkdirSync(unindexed);
  for (const f of readdirSync(corpus)) if (f.endsWith('.md')) cpSync(join(corpus, f), join(unindexed, f));
  const commands: Command[] = [
    { name: "node -e ''", file: process.execPath, args: ['-e', ''] },
    { name: 'node bin/citebot.js ask', file: process.execPath, args: [bin, 'ask', '--corpus', corpus, QUESTION] },
    { name: 'node bin/citebot.js ask, no prebuilt index', file: process.execPath, args: [bin, 'ask', '--corpus', unindexed, QUESTION] },
    { name: 'npx citebot ask', file: npx, args: ['citebot', 'ask', '--corpus', corpus, QUESTION] },
    { name: 'npx citebot --version', file: npx, args: ['citebot', '--version'] },
  ];
  const times = new Map(commands.map((c) => [c.name, [] as number[]]));
  process.stderr.write(`${commands.length} commands, ${WARM_UP} warm-up rounds then ${runs}; ${machineLine(finishMachine(machine()))}\n`);
  for (let round = -WARM_UP; round < runs; round++) {
    const line = commands.map((c) => {
      const seconds = time(c);
      if (round >= 0) times.get(c.name)!.push(seconds);
      return `${c.name} ${seconds.toFixed(3)}`;
    });
    process.stderr.write(`${round < 0 ? 'warm-up' : `round ${round + 1}/${runs}`}: ${line.join(' | ')}\n`);
  }
  const bare = summarize(times.get(commands[0]!.name)!).median;
  for (const c of commands) {
    const seconds = summarize(times.get(c.name)!);
    report.commands.push({
      name: c.name,
      command: [c.file === process.execPath ? 'node' : c.file, ...c.args.map((a) => a.replace(root, '.').replace(work, '$TMP'))].join(' '),
      seconds,
      ratioToBareNode: Math.round((seconds.median / bare) * 10) / 10,
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
finishMachine(report.machine);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
const rows = report.commands.map(
  (c) =>
    `| ${c.name} | ${c.seconds.median.toFixed(3)} | ${c.seconds.p90.toFixed(3)} | ${c.seconds.min.toFixed(3)}–${c.seconds.max.toFixed(3)} | ${c.ratioToBareNode}× |`,
);
process.stdout.write(
  `| command | median s | p90 s | min–max s | × bare node |\n| --- | ---: | ---: | ---: | ---: |\n${rows.join('\n')}\n\n${machineLine(report.machine)}; ${runs} rounds; wrote ${out}\n`,
);
