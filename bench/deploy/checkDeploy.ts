/**
 * `npm run check:deploy`: deploy/nginx.conf, really run. Two `citebot serve` replicas (built
 * code, free ports on 127.0.0.1, a key pair made for the run) behind nginx over HTTPS with a
 * self-signed certificate; a steady stream of signed /ask interactions through nginx while
 * each replica in turn is restarted with SIGTERM (and waited for until healthy and answering
 * again); every response is checked. Prints `rolling restart through nginx: N requests, F
 * failed` and exits 1 unless N ≥ 500 and F = 0. Then kills one replica with SIGKILL under
 * load and reports how many interactions failed. Everything it starts is stopped and its
 * temporary folder removed, including on failure; it gives up after 100 s.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askInteraction, makeScope, snowflake } from '../load/signedPool.js';
import { makeKeyPair } from '../../tests/support/discordSigning.js';
import { freePort } from '../../tests/support/serveProcess.js';
import { startSignedStream, type Outcome, type SignedStream } from '../../tests/support/signedStream.js';
import { selfSignedCertificate } from './certificate.js';
import { accessLogOf, startNginx, type NginxSetup, type RunningNginx } from './nginxProcess.js';
import { startReplica, type Replica } from './replicas.js';

const MIN_REQUESTS = 500;
const DRAIN_SECONDS = 2;
const GIVE_UP_MS = 100_000;
/** Questions with a piece of the sentence that answers each: a wrong or empty answer fails. */
const QUESTIONS = [
  { question: 'how many IoT firms in Wuxi', answer: '3,657 IoT enterprises' },
  { question: 'when was the World Internet of Things Expo first held', answer: 'World Internet of Things Expo' },
  { question: 'who is the vice mayor of Wuxi', answer: 'Gao Yaguang' },
];

const say = (line: string) => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`[deploy] ${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function isAnswered(outcome: Outcome): boolean {
  if (outcome.status !== 200 || !outcome.body) return false;
  const question = (outcome.payload as { data: { options: [{ value: string }] } }).data.options[0].value;
  const expected = QUESTIONS.find((q) => q.question === question)!.answer;
  const response = JSON.parse(outcome.body) as { type: number };
  // As a reader sees it: the words that answer are bold inside the quote ("**3,657** IoT enterprises").
  return response.type === 4 && outcome.body.replaceAll('**', '').includes(expected);
}

function failures(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes)
    if (!isAnswered(o)) counts.set(o.error ?? `HTTP ${o.status}`, (counts.get(o.error ?? `HTTP ${o.status}`) ?? 0) + 1);
  return [...counts].map(([why, n]) => `${n} × ${why}`).join(', ') || 'none';
}

/** nginx's complaints about the replicas (what a failed request met), without the notices. */
function nginxErrors(setup: NginxSetup): string[] {
  return readFileSync(join(setup.folder, 'error.log'), 'utf8')
    .split('\n')
    .filter((line) => /\[(error|crit|alert|emerg)\]/.test(line));
}

async function check(folder: string, running: { replicas: Replica[]; nginx?: RunningNginx; stream?: SignedStream }): Promise<boolean> {
  const { cert, key } = selfSignedCertificate(folder);
  const ca = readFileSync(cert, 'utf8');
  const keys = makeKeyPair();
  const setup: NginxSetup = {
    folder,
    cert,
    key,
    httpsPort: await freePort(),
    httpPort: await freePort(),
    replicaPorts: [await freePort(), await freePort()],
  };
  // DISCORD_API_URL: a closed local port, so nothing can leave the machine (/ask answers inline).
  const env = {
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    CITEBOT_HTTP_DRAIN_SECONDS: String(DRAIN_SECONDS),
    DISCORD_API_URL: 'http://127.0.0.1:9',
  };
  for (const port of setup.replicaPorts) running.replicas.push(await startReplica(port, env, folder));
  const started = await startNginx(setup, ca);
  running.nginx = started.nginx;
  say(`nginx -t on the rendered deploy/nginx.conf: ${started.testReport.split('\n').at(-1)}`);

  const scope = makeScope();
  let asked = 0;
  const stream = startSignedStream({
    url: `https://127.0.0.1:${setup.httpsPort}/interactions`,
    keys,
    workers: 4,
    gapMs: 5,
    agent: () => new Agent({ keepAlive: true, maxSockets: 1, ca }),
    // Each interaction from its own user, so the default per-user rate limit stays on and never bites.
    payload: () => askInteraction(scope, snowflake(), QUESTIONS[asked++ % QUESTIONS.length]!.question),
  });
  running.stream = stream;
  for (const replica of running.replicas) await replica.waitAnswered(5, 15_000);

  const rollingFrom = performance.now();
  let exitCodesOk = true;
  for (const [i, replica] of running.replicas.entries()) {
    const { exitCode, drainedMs, healthyMs } = await replica.restart();
    const rotationMs = await replica.waitAnswered(5, 30_000);
    exitCodesOk &&= exitCode === 0;
    progress(
      `replica ${i + 1}: SIGTERM → exit ${exitCode} after ${seconds(drainedMs)}, healthy ${seconds(healthyMs)} later, answering through nginx ${seconds(rotationMs)} after that`,
    );
  }
  const rolling = stream.outcomes.filter((o) => o.startedAt >= rollingFrom);
  const rollingFailed = rolling.filter((o) => !isAnswered(o));
  say(`rolling restart through nginx: ${rolling.length} requests, ${rollingFailed.length} failed`);
  if (rollingFailed.length) {
    say(`  failures: ${failures(rollingFailed)}; nginx's error log says:`);
    for (const line of nginxErrors(setup).slice(0, 10)) say(`  ${line}`);
  }

  const killFrom = performance.now();
  const victim = running.replicas[0]!;
  victim.process.child.kill('SIGKILL');
  await victim.process.exited;
  await new Promise((r) => setTimeout(r, 3_000));
  await stream.stop();
  const afterKill = stream.outcomes.filter((o) => o.startedAt >= killFrom || o.endedAt >= killFrom);
  const retried = readFileSync(accessLogOf(setup), 'utf8')
    .split('\n')
    .filter((line) => /upstream=\S+, /.test(line)).length;
  say(
    `kill -9 of one replica under load: ${afterKill.length} requests, ${afterKill.filter((o) => !isAnswered(o)).length} failed (${failures(afterKill)}); nginx retried ${retried} requests on the other replica over the whole run, each after a refused connection`,
  );

  const ok = rolling.length >= MIN_REQUESTS && rollingFailed.length === 0 && exitCodesOk;
  if (rolling.length < MIN_REQUESTS) say(`FAILED: fewer than ${MIN_REQUESTS} requests during the rolling restart`);
  if (!exitCodesOk) say('FAILED: a replica did not exit 0 on SIGTERM');
  return ok;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'citebot-deploy-'));
  const running: { replicas: Replica[]; nginx?: RunningNginx; stream?: SignedStream } = { replicas: [] };
  const cleanUp = async () => {
    await running.stream?.stop();
    // SIGINT: stop without the drain delay; nothing is sending any more.
    await Promise.all(running.replicas.map((r) => r.process.stop('SIGINT')));
    await running.nginx?.stop();
    rmSync(folder, { recursive: true, force: true });
  };
  const giveUp = setTimeout(() => {
    say(`FAILED: check:deploy did not finish within ${GIVE_UP_MS / 1000} s`);
    void cleanUp().finally(() => process.exit(1));
  }, GIVE_UP_MS);
  let ok = false;
  try {
    ok = await check(folder, running);
  } catch (error) {
    say(`FAILED: ${(error as Error).message}`);
  } finally {
    await cleanUp();
    clearTimeout(giveUp);
  }
  process.exitCode = ok ? 0 : 1;
}

await main();
