// Discord signs every interaction it POSTs: Ed25519 over `X-Signature-Timestamp + raw body`
// with the application's key pair. Verification uses the raw bytes as received; parsing
// and re-serialising the JSON first would change them and break (or fake) the check.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER prefix of an SPKI Ed25519 public key; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const SIGNATURE_HEX = /^[0-9a-fA-F]{128}$/;

/** The public key as Discord shows it (64 hex characters) → a KeyObject, built once at start-up. */
export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32 || raw.toString('hex') !== hex.toLowerCase()) throw new Error('an Ed25519 public key is 64 hexadecimal characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export type SignatureVerifier = (signatureHex: string, timestamp: string, body: Buffer) => boolean;

export function createSignatureVerifier(publicKey: KeyObject): SignatureVerifier {
  return (signatureHex, timestamp, body) => {
    // Buffer.from(…, 'hex') silently drops what is not hex: check the shape first.
    if (!SIGNATURE_HEX.test(signatureHex)) return false;
    const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
    return verify(null, signed, publicKey, Buffer.from(signatureHex, 'hex'));
  };
}
