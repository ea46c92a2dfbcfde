// Structured logs: one JSON object per line on stderr (stdout stays for program output,
// e.g. the console's replies). Enough for `jq` and any log shipper; no dependency.
// Logging never throws, whatever the fields hold (see boundedJson.ts).
import { LOG_LEVELS, type LogLevel } from '../config/logLevels.js';
import { boundedJson } from './boundedJson.js';

export type { LogLevel };
type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: Fields): Logger;
}

export interface LogSink {
  write(line: string): unknown;
}

/** Errors do not survive JSON.stringify on their own: keep name, message, code and stack. */
export function errorFields(error: unknown): Fields {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(code !== undefined ? { code } : {}), stack: error.stack };
  }
  return { message: String(error) };
}

export function createLogger(level: LogLevel = 'info', sink: LogSink = process.stderr, base: Fields = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const emit = (lineLevel: LogLevel, msg: string, fields: Fields = {}) => {
    if (LOG_LEVELS.indexOf(lineLevel) < threshold) return;
    const head = { time: new Date().toISOString(), level: lineLevel, msg };
    let entry: Fields;
    try {
      entry = { ...head, ...base, ...fields };
    } catch (error) {
      entry = { ...head, unreadableFields: error }; // a getter that throws
    }
    sink.write(`${boundedJson(entry, (value) => (value instanceof Error ? errorFields(value) : undefined))}\n`);
  };
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => createLogger(level, sink, { ...base, ...fields }),
  };
}
