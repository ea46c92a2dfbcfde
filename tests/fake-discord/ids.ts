import { randomBytes } from 'node:crypto';

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/**
 * Real-looking snowflake: discord.js derives `createdAt` from ids, so a bot that
 * checks interaction age sees "now" rather than 2015.
 */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** Opaque URL-safe token, like interaction tokens and session ids. */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
