// Failing to listen is a setup problem people fix themselves: one plain line that names
// the address and the setting, instead of Node's error and stack.

export class ListenError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'ListenError';
  }
}

export function toListenError(error: unknown, host: string, port: number): ListenError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${host}:${port}`;
  if (code === 'EADDRINUSE')
    return new ListenError(`cannot listen on ${where}: the port is in use (choose another with --port or CITEBOT_HTTP_PORT)`, {
      cause: error,
    });
  if (code === 'EACCES')
    return new ListenError(
      `cannot listen on ${where}: permission denied (ports below 1024 need privileges; listen higher, behind a proxy)`,
      { cause: error },
    );
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ListenError(`cannot listen on ${host}: no such address on this machine (check --host or CITEBOT_HTTP_HOST)`, {
      cause: error,
    });
  }
  return undefined;
}
