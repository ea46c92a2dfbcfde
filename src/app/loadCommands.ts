// discord.js-guide style loading: every file in commands/ is a command, every file in
// commands/buttons/ a button handler. Compiled, this reads dist/commands/*.js; under
// vitest it reads the TypeScript sources, the same relative path from this file.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildRegistry, CommandLoadError, type ModuleEntry, type Registry } from './registry.js';

export const defaultCommandsDir = (): string => fileURLToPath(new URL('../../commands/', import.meta.url));

const isModuleFile = (name: string) => /\.(js|ts)$/.test(name) && !name.endsWith('.d.ts');

interface Imported {
  entries: ModuleEntry[];
  problems: string[];
}

/** A builder's validation error says what it expected ("expected.length <= 100"); keep that. */
function importProblem(error: unknown): string {
  const { message, expected } = error as { message?: string; expected?: unknown };
  const first = String(message ?? error).split('\n')[0];
  return typeof expected === 'string' ? `${first} (${expected})` : first!;
}

async function importAll(dir: string, root: string): Promise<Imported> {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && isModuleFile(e.name))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [] };
    throw error;
  }
  const imported: Imported = { entries: [], problems: [] };
  for (const name of names) {
    const file = join(dir, name);
    const source = relative(root, file) || name;
    try {
      imported.entries.push({ source, module: (await import(pathToFileURL(file).href)) as unknown });
    } catch (error) {
      // Builders validate as they are called, so a bad name or description fails right at import.
      imported.problems.push(`${source}: does not load: ${importProblem(error)}`);
    }
  }
  return imported;
}

export interface LoadOptions {
  dir?: string;
  /** Modules added after the files (tests inject failing or slow handlers this way). */
  extraCommands?: readonly ModuleEntry[];
  extraButtons?: readonly ModuleEntry[];
}

/** Imports and checks every command; throws CommandLoadError listing each malformed one. */
export async function loadCommands(options: LoadOptions = {}): Promise<Registry> {
  const dir = options.dir ?? defaultCommandsDir();
  const root = join(dir, '..');
  const [commands, buttons] = await Promise.all([importAll(dir, root), importAll(join(dir, 'buttons'), root)]);
  // Report every problem at once: those found at import and those the registry finds after.
  let registry: Registry | undefined;
  let registryProblems: string[] = [];
  try {
    registry = buildRegistry(
      [...commands.entries, ...(options.extraCommands ?? [])],
      [...buttons.entries, ...(options.extraButtons ?? [])],
    );
  } catch (error) {
    if (!(error instanceof CommandLoadError)) throw error;
    registryProblems = error.problems;
  }
  const problems = [...commands.problems, ...buttons.problems, ...registryProblems];
  if (problems.length || !registry) throw new CommandLoadError(problems);
  return registry;
}
