import { SlashCommandBuilder } from 'discord.js';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/app/loadCommands.js';
import { buildRegistry, CommandLoadError } from '../../src/app/registry.js';

const ok = () => ({ kind: 'message', visibility: 'private', body: { content: 'ok' } });
const raw = (json: Record<string, unknown>) => ({ name: String(json.name), toJSON: () => json });

describe('loading commands', () => {
  it('collects every command and button in commands/', async () => {
    const registry = await loadCommands();
    expect(registry.definitions.map((d) => d.name).sort()).toEqual(['Find source', 'ask', 'help', 'search', 'source', 'sources']);
    expect(registry.chatCommand('ask')?.autocomplete).toBeTypeOf('function');
    expect(registry.messageCommand('Find source')?.defer).toBe(true);
    expect(registry.button('share')?.visibility).toBe('public');
    expect(registry.button('context')).toBeDefined();
    expect(registry.catalog.map((c) => c.label)).toContain('Find source');
  });

  it('refuses to start on malformed command files, naming each file and problem', async () => {
    const dir = fileURLToPath(new URL('./fixtures/badCommands/', import.meta.url));
    const error = await loadCommands({ dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandLoadError);
    const message = (error as Error).message;
    expect(message).toMatch(/^refusing to start: commands are malformed/);
    expect(message).toContain('badCommands/tooLong.ts: does not load: Invalid string length (expected.length <= 100)');
    expect(message).toContain('badCommands/noExecute.ts: no `execute` function export');
    expect(message).toMatch(/badCommands\/buttons\/noAction\.ts: `action`: /);
    expect(message).not.toContain('fine.ts');
  });

  it('reports problems found after import: missing execute, button without action', async () => {
    const noExecute = await import('./fixtures/badCommands/noExecute.js');
    const noAction = await import('./fixtures/badCommands/buttons/noAction.js');
    expect(() =>
      buildRegistry(
        [{ source: 'badCommands/noExecute.ts', module: noExecute }],
        [{ source: 'badCommands/buttons/noAction.ts', module: noAction }],
      ),
    ).toThrow(/badCommands\/noExecute\.ts: no `execute` function export[\s\S]*badCommands\/buttons\/noAction\.ts: `action`: /);
  });

  it.each([
    [
      'an upper-case slash name',
      { data: raw({ type: 1, name: 'Ask', description: 'd' }), execute: ok },
      /data\.name: slash command names are 1-32 lower-case/,
    ],
    [
      'a long option description',
      { data: raw({ type: 1, name: 'x', description: 'd', options: [{ type: 3, name: 'q', description: 'y'.repeat(101) }] }), execute: ok },
      /data\.options\.0\.description: descriptions are at most 100 characters/,
    ],
    [
      'autocomplete without a handler',
      {
        data: new SlashCommandBuilder()
          .setName('x')
          .setDescription('d')
          .addStringOption((o) => o.setName('q').setDescription('q').setAutocomplete(true)),
        execute: ok,
      },
      /no `autocomplete` function export/,
    ],
    [
      'a handler for autocomplete no option asks for',
      { data: new SlashCommandBuilder().setName('x').setDescription('d'), execute: ok, autocomplete: () => [] },
      /exports `autocomplete` but no option sets autocomplete/,
    ],
    ['no data', { execute: ok }, /no `data` export \(a command definition, or a SlashCommandBuilder/],
    ['a user command', { data: raw({ type: 2, name: 'Profile' }), execute: ok }, /command type 2 is not supported/],
  ])('refuses %s', (_what, module, problem) => {
    expect(() => buildRegistry([{ source: 'commands/x.js', module }], [])).toThrow(problem);
  });

  it('refuses two commands with one name and two buttons with one action', () => {
    const command = { data: new SlashCommandBuilder().setName('same').setDescription('d'), execute: ok };
    const button = { action: 'same', execute: ok };
    expect(() =>
      buildRegistry(
        [
          { source: 'a.js', module: command },
          { source: 'b.js', module: command },
        ],
        [
          { source: 'c.js', module: button },
          { source: 'd.js', module: button },
        ],
      ),
    ).toThrow(/b\.js: a second command named \/same[\s\S]*d\.js: a second button module for action "same"/);
  });
});
