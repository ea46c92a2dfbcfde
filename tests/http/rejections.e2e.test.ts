// Everything `citebot serve` must refuse, against the real process: unsigned, badly
// signed, replayed, oversized, malformed, and anything but POST /interactions and
// GET /healthz. Refusals are small constant bodies; nothing unverified is ever answered.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKeyPair, nowSeconds, signatureHeaders } from '../support/discordSigning.js';
import { httpRequest, startServe, type HttpResult, type ServeProcess } from '../support/serveProcess.js';

const REFUSED_401 = '{"error":"invalid request signature"}';

const MAX_BODY_KB = 32; // room for a user id nested 10,000 arrays deep (20 KB)
let server: ServeProcess;

beforeAll(async () => {
  server = await startServe({ env: { CITEBOT_HTTP_MAX_BODY_KB: String(MAX_BODY_KB), CITEBOT_RATE_LIMIT: '0' } });
}, 20_000);

afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

/** A real /ask, so that answering it would be visible (and must not happen when unverified). */
const ask = (id: string) =>
  JSON.stringify({
    type: 2,
    id,
    token: `token-${id}`,
    application_id: '123456789012345678',
    version: 1,
    user: { id: '42', username: 'mallory' },
    data: { id: '1', type: 1, name: 'ask', options: [{ name: 'question', type: 3, value: 'how many IoT enterprises in Wuxi' }] },
  });

const postRaw = (body: string | Buffer, headers: Record<string, string>) =>
  httpRequest(`${server.url}/interactions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

function expectRefused(result: HttpResult, status: number, body: string) {
  expect(result.status).toBe(status);
  expect(result.body).toBe(body);
  expect(result.headers['content-type']).toBe('application/json');
  expect(result.body).not.toMatch(/\bat\b|Error|\n/); // never a stack trace or a message from inside
}

/** Nothing about these interactions may have reached the dispatcher. */
function expectNeverAnswered(ids: string[]) {
  const answered = server
    .logs()
    .filter((l) => l.msg === 'interaction answered')
    .map((l) => l.interaction);
  for (const id of ids) expect(answered).not.toContain(id);
}

describe('signature verification', () => {
  it('refuses a request without the signature headers', async () => {
    const body = ask('u1');
    expectRefused(await postRaw(body, {}), 401, REFUSED_401);
    expectRefused(await postRaw(body, { 'x-signature-timestamp': nowSeconds() }), 401, REFUSED_401);
    expectRefused(await postRaw(body, { 'x-signature-ed25519': 'ab'.repeat(64) }), 401, REFUSED_401);
    expectNeverAnswered(['u1']);
  });

  it('refuses a bad signature, including one that is not even hex', async () => {
    const body = ask('u2');
    const timestamp = nowSeconds();
    expectRefused(await postRaw(body, { 'x-signature-ed25519': '00'.repeat(64), 'x-signature-timestamp': timestamp }), 401, REFUSED_401);
    expectRefused(await postRaw(body, { 'x-signature-ed25519': 'zz'.repeat(64), 'x-signature-timestamp': timestamp }), 401, REFUSED_401);
    expectRefused(await postRaw(body, { 'x-signature-ed25519': 'abc', 'x-signature-timestamp': timestamp }), 401, REFUSED_401);
    expectNeverAnswered(['u2']);
  });

  it('refuses the signature of another body, and of another timestamp', async () => {
    const signedFor = signatureHeaders(server.keys, ask('u3'));
    expectRefused(await postRaw(ask('u4'), signedFor), 401, REFUSED_401);
    const later = nowSeconds(1);
    expectRefused(await postRaw(ask('u3'), { ...signedFor, 'x-signature-timestamp': later }), 401, REFUSED_401);
    expectNeverAnswered(['u3', 'u4']);
  });

  it('refuses a request signed with another key', async () => {
    const body = ask('u5');
    expectRefused(await postRaw(body, signatureHeaders(makeKeyPair(), body)), 401, REFUSED_401);
    expectNeverAnswered(['u5']);
  });

  it('verifies the raw bytes as sent: re-serialised JSON no longer matches the signature', async () => {
    const asSent = '{ "type": 1, "id": "p1", "token": "t", "application_id": "123456789012345678", "version": 1 }';
    const headers = signatureHeaders(server.keys, asSent);
    const pong = await postRaw(asSent, headers);
    expect(pong.status).toBe(200);
    expect(JSON.parse(pong.body)).toEqual({ type: 1 });
    expectRefused(await postRaw(JSON.stringify(JSON.parse(asSent)), headers), 401, REFUSED_401);
  });
});

describe('replays', () => {
  it('refuses a correctly signed request whose timestamp is more than 5 minutes old or ahead', async () => {
    expectRefused(await server.post(ask('r1'), { timestamp: nowSeconds(-301) }), 401, REFUSED_401);
    expectRefused(await server.post(ask('r2'), { timestamp: nowSeconds(+301) }), 401, REFUSED_401);
    expectRefused(await server.post(ask('r3'), { timestamp: 'yesterday' }), 401, REFUSED_401);
    expectNeverAnswered(['r1', 'r2', 'r3']);
  });

  it('accepts a little clock skew', async () => {
    const answer = await server.post(ask('r4'), { timestamp: nowSeconds(-60) });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ type: 4 });
  });
});

describe('body size', () => {
  const oversized = JSON.stringify({ type: 1, id: 'big', token: 't', application_id: '1', padding: 'x'.repeat(MAX_BODY_KB * 1024) });

  it('refuses a declared Content-Length over the limit before reading the body (413), even signed', async () => {
    const answer = await postRaw(oversized, signatureHeaders(server.keys, oversized));
    expectRefused(answer, 413, '{"error":"request body too large"}');
    expect(answer.headers.connection).toBe('close');
  });

  it('refuses a chunked body once it grows past the limit, without waiting for its end', async () => {
    // Headers, then more than the limit, and never the end: the answer must come anyway.
    const answer = await new Promise<HttpResult>((resolve, reject) => {
      const req = request(
        `${server.url}/interactions`,
        { method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...signatureHeaders(server.keys, oversized) } },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.write(oversized);
    });
    expectRefused(answer, 413, '{"error":"request body too large"}');
  });
});

describe('malformed requests', () => {
  it('refuses a correctly signed body that is not JSON (400)', async () => {
    expectRefused(await server.post('{"type": 1,'), 400, '{"error":"malformed request"}');
    expectRefused(await server.post(''), 400, '{"error":"malformed request"}');
  });

  it('refuses signed JSON that is not an interaction, and interaction types it does not handle (400)', async () => {
    expectRefused(await server.post('[]'), 400, '{"error":"malformed request"}');
    expectRefused(await server.post({ type: '1', id: 'x', token: 't', application_id: '1' }), 400, '{"error":"malformed request"}');
    // An application command without its data: nothing to route.
    expectRefused(
      await server.post({ type: 2, id: 'c1', token: 't', application_id: '1', user: { id: '42', username: 'u' } }),
      400,
      '{"error":"malformed request"}',
    );
    // A modal submit: citebot opens no modals.
    expectRefused(
      await server.post({
        type: 5,
        id: 'm1',
        token: 't',
        application_id: '1',
        user: { id: '42', username: 'u' },
        data: { custom_id: 'x', components: [] },
      }),
      400,
      '{"error":"malformed request"}',
    );
  });

  it('refuses signed interactions with wrongly typed fields (400, not 500), and logs them in bounded lines', async () => {
    const from = { user: { id: '42', username: 'mallory' } };
    // Written as text: JSON.stringify itself overflows on 10,000 levels.
    const deepUser = ask('w2').replace('"id":"42"', `"id":${'['.repeat(10_000)}"42"${']'.repeat(10_000)}`);
    const bad = [
      { type: 3, id: 'w1', token: 't', application_id: '1', ...from, data: { component_type: 2, custom_id: 12345 } },
      deepUser,
      { ...JSON.parse(ask('w3')), data: { id: '1', type: 1, name: 'ask', options: [{ name: 'question', type: 3, value: { $gt: '' } }] } },
      { ...JSON.parse(ask('w4')), data: { id: '1', type: 1, name: ['ask'] } },
      {
        ...JSON.parse(ask('w5')),
        data: {
          id: '1',
          type: 1,
          name: 'ask',
          options: [{ name: 'sub', type: 1, options: [{ name: 'question', type: 3, value: 7n.toString(), focused: 'yes' }] }],
        },
      },
      { type: 4, id: 'w6', token: 't', application_id: '1', ...from, data: { type: 1, name: 'ask', options: 'question' } },
      {
        type: 2,
        id: 'w7',
        token: 't',
        application_id: '1',
        ...from,
        data: { type: 3, name: 'Find source', target_id: '9', resolved: { messages: { 9: { id: '9', content: 5, author: { id: '1' } } } } },
      },
      { type: 2, id: 'w8', token: 't', application_id: '1', member: { user: { id: 42 } }, data: { type: 1, name: 'help' } },
      // The message a button is on, whose text a page button reads its query from: text, or nothing.
      {
        type: 3,
        id: 'w9',
        token: 't',
        application_id: '1',
        ...from,
        data: { component_type: 2, custom_id: 'search-page:0123456789ab:1' },
        message: { content: { $ne: '' } },
      },
    ];
    for (const payload of bad) expectRefused(await server.post(payload), 400, '{"error":"malformed request"}');
    expectNeverAnswered(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'w9']);
    const refusals = server.logs().filter((l) => l.msg === 'request refused' && l.status === 400);
    expect(refusals.map((l) => l.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^not an interaction citebot answers: data\.custom_id: /),
        expect.stringMatching(/^not an interaction citebot answers: message\.content: /),
      ]),
    );
    expect(
      server
        .stderr()
        .split('\n')
        .every((line) => line.length < 2_000),
    ).toBe(true);
    // Still answering.
    expect((await server.post(ask('w9'))).status).toBe(200);
  });
});

describe('routes', () => {
  it('answers 404 for any other path', async () => {
    for (const path of ['/', '/interaction', '/interactions/', '/interactions/extra', '/api/interactions', '/healthz/x']) {
      expectRefused(await httpRequest(`${server.url}${path}`, { method: 'POST', body: '{}' }), 404, '{"error":"not found"}');
    }
  });

  it('answers 405 with Allow for a wrong method on a known path', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await httpRequest(`${server.url}/interactions`, { method });
      expectRefused(answer, 405, '{"error":"method not allowed"}');
      expect(answer.headers.allow).toBe('POST');
    }
    const answer = await httpRequest(`${server.url}/healthz`, { method: 'POST', body: '{}' });
    expectRefused(answer, 405, '{"error":"method not allowed"}');
    expect(answer.headers.allow).toBe('GET, HEAD');
  });

  it('GET /healthz says ready once the index is loaded, with the corpus it serves', async () => {
    const health = await httpRequest(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({
      status: 'ready',
      corpus: {
        digest: expect.stringMatching(/^[0-9a-f]{64}$/),
        articles: 5,
        sentences: expect.any(Number),
        loadedAt: expect.any(String),
        lastReload: null,
      },
    });
  });
});
