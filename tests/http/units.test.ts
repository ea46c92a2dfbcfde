// The server's pieces with rules of their own, in process: Ed25519 against RFC 8032's
// vectors, the replay window's edges, and readiness (which the real process passes
// through too quickly to observe, since it loads the index synchronously).
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/process/logger.js';
import { ConfigError } from '../../src/config/configError.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { isFreshTimestamp, MAX_CLOCK_SKEW_MS } from '../../src/transports/http/freshness.js';
import { createInFlight } from '../../src/transports/inFlight.js';
import { createInteractionsEndpoint } from '../../src/transports/http/interactionsEndpoint.js';
import { createRoutes, type Health } from '../../src/transports/http/routes.js';
import { createSignatureVerifier, publicKeyFromHex } from '../../src/transports/http/verifySignature.js';
import { makeKeyPair, signatureHeaders } from '../support/discordSigning.js';
import { httpRequest } from '../support/serveProcess.js';

describe('Ed25519 verification', () => {
  // RFC 8032 §7.1, tests 1 and 2.
  const vectors = [
    {
      key: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
      message: '',
      signature:
        'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    },
    {
      key: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
      message: '72',
      signature:
        '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
    },
  ];

  it('accepts the RFC 8032 signatures from the raw 32-byte public keys', () => {
    for (const v of vectors) {
      const verify = createSignatureVerifier(publicKeyFromHex(v.key));
      expect(verify(v.signature, '', Buffer.from(v.message, 'hex'))).toBe(true);
      expect(verify(v.signature.toUpperCase(), '', Buffer.from(v.message, 'hex'))).toBe(true);
    }
  });

  it('signs timestamp + body as one message', () => {
    const [, second] = vectors;
    const verify = createSignatureVerifier(publicKeyFromHex(second!.key));
    // The message is the single byte 0x72, "r": as timestamp "r" and an empty body it verifies too.
    expect(verify(second!.signature, 'r', Buffer.alloc(0))).toBe(true);
    expect(verify(second!.signature, '', Buffer.from('r '))).toBe(false);
  });

  it('rejects tampered signatures and odd shapes without throwing', () => {
    const v = vectors[0]!;
    const verify = createSignatureVerifier(publicKeyFromHex(v.key));
    const flipped = (v.signature[0] === 'e' ? 'f' : 'e') + v.signature.slice(1);
    for (const signature of [flipped, '', v.signature.slice(2), `${v.signature}00`, 'g'.repeat(128)]) {
      expect(verify(signature, '', Buffer.alloc(0))).toBe(false);
    }
  });

  it('refuses a public key that is not 32 bytes of hex', () => {
    for (const key of [
      '',
      'ab',
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511',
      `${vectors[0]!.key}00`,
      'z'.repeat(64),
    ]) {
      expect(() => publicKeyFromHex(key)).toThrow(/64 hexadecimal characters/);
    }
  });
});

describe('replay window', () => {
  const now = 1_700_000_000_000;
  const seconds = (ms: number) => String(Math.floor(ms / 1000));

  it('accepts timestamps up to 5 minutes either side, and nothing further or malformed', () => {
    expect(isFreshTimestamp(seconds(now), now)).toBe(true);
    expect(isFreshTimestamp(seconds(now - MAX_CLOCK_SKEW_MS), now)).toBe(true);
    expect(isFreshTimestamp(seconds(now + MAX_CLOCK_SKEW_MS), now)).toBe(true);
    expect(isFreshTimestamp(seconds(now - MAX_CLOCK_SKEW_MS - 1000), now)).toBe(false);
    expect(isFreshTimestamp(seconds(now + MAX_CLOCK_SKEW_MS + 1000), now)).toBe(false);
    for (const bad of ['', '-1', '1.5', '1e9', ' 1700000000', String(now)]) expect(isFreshTimestamp(bad, now)).toBe(false);
  });
});

describe('readiness', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  it('/healthz is 503 while loading and stopping, 200 only when ready; verified interactions wait for the index too', async () => {
    const keys = makeKeyPair();
    let health: Health = 'loading';
    const log = createLogger('silent');
    const interactions = createInteractionsEndpoint({
      verify: createSignatureVerifier(publicKeyFromHex(keys.publicKeyHex)),
      maxBodyBytes: 1024,
      log,
      answerer: () => undefined,
      draining: () => health === 'stopping',
    });
    server = createServer(createRoutes({ interactions, health: () => health, corpus: () => undefined, inFlight: createInFlight(), log }));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    expect(await httpRequest(`${url}/healthz`)).toMatchObject({ status: 503, body: '{"status":"loading"}' });
    const ping = '{"type":1,"id":"1","token":"t","application_id":"1"}';
    const early = await httpRequest(`${url}/interactions`, { method: 'POST', headers: signatureHeaders(keys, ping), body: ping });
    expect(early).toMatchObject({ status: 503, body: '{"error":"not ready"}' });
    // Unverified stays 401 whatever the state: verification comes first.
    expect(await httpRequest(`${url}/interactions`, { method: 'POST', body: ping })).toMatchObject({ status: 401 });

    health = 'ready';
    expect(await httpRequest(`${url}/healthz`)).toMatchObject({ status: 200, body: '{"status":"ready"}' });
    expect((await httpRequest(`${url}/healthz`, { method: 'HEAD' })).status).toBe(200);

    health = 'stopping';
    const stopping = await httpRequest(`${url}/healthz`);
    expect(stopping).toMatchObject({ status: 503, body: '{"status":"stopping"}' });
    expect(stopping.headers.connection).toBe('close');
  });
});

describe('in-flight tracking', () => {
  it('drains work tracked while draining, and reports a missed deadline', async () => {
    const inFlight = createInFlight();
    let release: () => void = () => undefined;
    inFlight.track(new Promise<void>((r) => (release = r)));
    const drained = inFlight.drain(1_000);
    inFlight.track(new Promise<void>((r) => setTimeout(r, 20)));
    release();
    expect(await drained).toBe(true);
    expect(inFlight.size).toBe(0);
    inFlight.track(new Promise<void>(() => undefined));
    expect(await inFlight.drain(20)).toBe(false);
  });
});

describe('configuration for serve', () => {
  const key = 'D75A980182B10AB7D54BFED3C964073A0EE172F3DAA62325AF021A68F707511A';

  it('needs only the public key; listens on loopback:8080, reads at most 128 KiB and drains 5 s by default', () => {
    const config = loadConfig('http', { env: { DISCORD_PUBLIC_KEY: key }, envFile: null });
    expect(config.publicKey).toBe(key.toLowerCase());
    expect(config.http).toEqual({ port: 8080, host: '127.0.0.1', maxBodyBytes: 128 * 1024, drainMs: 5_000 });
    expect(config.token).toBeUndefined();
    const custom = loadConfig('http', {
      env: {
        DISCORD_PUBLIC_KEY: key,
        CITEBOT_HTTP_PORT: '0',
        CITEBOT_HTTP_HOST: '::',
        CITEBOT_HTTP_MAX_BODY_KB: '8',
        CITEBOT_HTTP_DRAIN_SECONDS: '0',
      },
      envFile: null,
    });
    expect(custom.http).toEqual({ port: 0, host: '::', maxBodyBytes: 8 * 1024, drainMs: 0 });
  });

  it('.env.example copied as is names the one thing serve lacks', () => {
    try {
      loadConfig('http', { env: {}, envFile: '.env.example' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^DISCORD_PUBLIC_KEY is missing: /)]);
    }
  });
});
