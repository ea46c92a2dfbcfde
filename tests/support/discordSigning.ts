// Signing as Discord does for an interactions endpoint, shared by the HTTP tests and the load
// benchmark: a key pair for the run (the server gets the public half as DISCORD_PUBLIC_KEY)
// and the two headers Discord adds to every request.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface KeyPair {
  /** What Discord shows as the application's Public Key: the raw 32 bytes in hex. */
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function makeKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  return { publicKeyHex: Buffer.from(x, 'base64url').toString('hex'), privateKey };
}

export const nowSeconds = (offsetSeconds = 0): string => String(Math.floor(Date.now() / 1000) + offsetSeconds);

/** Ed25519 over timestamp + raw body, hex. */
export function signatureHeaders(
  keys: KeyPair,
  body: string | Buffer,
  timestamp = nowSeconds(),
): { 'x-signature-ed25519': string; 'x-signature-timestamp': string } {
  const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), keys.privateKey).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}
