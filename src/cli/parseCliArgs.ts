import { parseArgs } from 'node:util';
import { CliError } from './cliError.js';

/**
 * One command-line flag, the single source for parsing it (node:util parseArgs reads `type` and
 * `default`) and for describing it in usage lines and `--help`.
 */
export interface FlagSpec {
  type: 'string' | 'boolean';
  /** Applied when the flag is not given, and shown by --help. */
  default?: string;
  /** The value's placeholder in usage: `--corpus DIR`. */
  value?: string;
  help: string;
  /** A default that is not one fixed value ("CITEBOT_CORPUS, else corpus/"): shown by --help only. */
  defaultText?: string;
}

export interface CommandSpec<F extends Record<string, FlagSpec> = Record<string, FlagSpec>> {
  name: string;
  summary: string;
  /** The words after the flags as usage shows them ("[QUESTION]", "FILE..."); without it, stray words are refused. */
  operands?: string;
  flags: F;
}

// Flags several commands share, described once.
export const CORPUS_FLAG = {
  type: 'string',
  value: 'DIR',
  help: 'the corpus folder',
  defaultText: 'CITEBOT_CORPUS from the environment or .env, else corpus/ in the repository',
} as const satisfies FlagSpec;
export const INDEX_FLAG = {
  type: 'string',
  value: 'FILE',
  help: 'the prebuilt index to load, such as one written by build-index --out',
  defaultText: '.citebot-index in the corpus folder',
} as const satisfies FlagSpec;
export const JSON_FLAG = { type: 'boolean', help: 'print JSON instead of text' } as const satisfies FlagSpec;

const flagWithValue = (name: string, flag: FlagSpec) => `--${name}${flag.value ? ` ${flag.value}` : ''}`;

export function usageOf(spec: CommandSpec): string {
  const flags = Object.entries(spec.flags).map(([name, flag]) => `[${flagWithValue(name, flag)}]`);
  return ['citebot', spec.name, ...flags, ...(spec.operands ? [spec.operands] : [])].join(' ');
}

/** `citebot <command> --help`: usage, what it does, and every flag with its default. */
export function helpOf(spec: CommandSpec): string {
  const rows = Object.entries(spec.flags).map(([name, flag]) => {
    const fallback = flag.default ?? flag.defaultText;
    return [flagWithValue(name, flag), `${flag.help}${fallback === undefined ? '' : ` (default: ${fallback})`}`] as const;
  });
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  const table = rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
  return `usage: ${usageOf(spec)}\n${spec.summary}\n${rows.length ? `\n${table}\n` : ''}`;
}

/** The command's flags and operands, with every slip (unknown or empty flag, stray word) turned into a usage message. */
export function parseCommand<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>, argv: string[]) {
  const usage = `usage: ${usageOf(spec)}`;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: spec.flags, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message.split('\n')[0]}\n${usage}`);
  }
  if (!spec.operands && parsed.positionals.length > 0)
    throw new CliError(`${spec.name} takes no arguments besides its flags, got "${parsed.positionals[0]}"\n${usage}`);
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string' && !value.trim()) throw new CliError(`--${name} needs a value\n${usage}`);
  }
  return parsed;
}

export function parsePositiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${name} must be a whole number of 1 or more, got "${value}"`);
  return n;
}
