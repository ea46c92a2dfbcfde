import { statSync } from 'node:fs';
import { CliError } from './cliError.js';

// What a filesystem error code means for the person who gave the path.
const REASONS: Record<string, string> = {
  ENOENT: 'it, or a folder above it, does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'it already exists',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/** A filesystem failure as one sentence naming the path ("cannot write X: permission denied"), not "unexpected error: EACCES"; any other error as it is. */
export function fsFailure(what: string, path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  return new CliError(`${what} ${path}: ${REASONS[code] ?? code}`, 1);
}

export function fsStep<T>(what: string, path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw fsFailure(what, path, error);
  }
}

/** Whether a path is an existing folder (false for a file, a missing path, or a path under a file). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
