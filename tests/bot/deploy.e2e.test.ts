// deploy-commands through discord.js REST against the fake: what the bot sends Discord.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/app/deployCommands.js';
import { loadCommands } from '../../src/app/loadCommands.js';
import type { Registry } from '../../src/app/registry.js';
import { loadConfig, type DiscordConfig } from '../../src/config/loadConfig.js';
import { FakeDiscord, type IncomingRequest } from '../fake-discord/index.js';
import { TOKEN } from '../support/discordBot.js';

let fake: FakeDiscord;
let config: DiscordConfig;
let registry: Registry;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: TOKEN });
  config = loadConfig('discord', {
    env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl },
    envFile: null,
  });
  registry = await loadCommands();
});

afterAll(async () => {
  await fake?.stop();
});

type Sent = { name: string; type?: number; integration_types?: number[]; contexts?: number[] }[];

/** The bulk-overwrite PUT the bot sent to `path` (the fake answers it as Discord would). */
function sentTo(path: string) {
  return () => fake.requests.find((r: IncomingRequest) => r.method === 'PUT' && r.path === path);
}

describe('deploy-commands', () => {
  it('registers every command globally, installable to servers and users, usable everywhere', async () => {
    const sent = sentTo(`/applications/${fake.applicationId}/commands`);
    const result = await deployCommands(config, registry);
    expect(result.scope).toBe('global');
    expect(result.commands).toHaveLength(6);
    const put = sent();
    expect(put?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(put).toMatchObject({ status: 200, fault: false });
    // Registered for real: the fake's per-type name check accepts the context-menu "Find source".
    expect(
      fake.commands
        .list()
        .map((c) => `${c.type}:${c.name}`)
        .sort(),
    ).toEqual(['1:ask', '1:help', '1:search', '1:source', '1:sources', '3:Find source']);
    expect(result.commands.every((c) => typeof c.id === 'string' && c.application_id === fake.applicationId)).toBe(true);
    const body = put?.body as Sent;
    expect(body.map((c) => `${c.type ?? 1}:${c.name}`).sort()).toEqual([
      '1:ask',
      '1:help',
      '1:search',
      '1:source',
      '1:sources',
      '3:Find source',
    ]);
    for (const command of body) {
      expect(command.integration_types).toEqual([0, 1]);
      expect(command.contexts).toEqual([0, 1, 2]);
    }
  });

  it('registers to one guild for development, without the global-only install fields', async () => {
    const sent = sentTo(`/applications/${fake.applicationId}/guilds/${fake.guild!.id}/commands`);
    const result = await deployCommands(config, registry, fake.guild!.id);
    expect(result.scope).toEqual({ guildId: fake.guild!.id });
    const put = sent();
    expect(put).toMatchObject({ status: 200, fault: false });
    expect(
      fake.commands
        .list(fake.guild!.id)
        .map((c) => `${c.type}:${c.name}`)
        .sort(),
    ).toEqual(['1:ask', '1:help', '1:search', '1:source', '1:sources', '3:Find source']);
    const body = put?.body as Sent;
    expect(body).toHaveLength(6);
    for (const command of body) {
      expect(command.integration_types).toBeUndefined();
      expect(command.contexts).toBeUndefined();
    }
  });

  it('registers the slash commands for real with the fake (its name check passes them)', async () => {
    const slashOnly = { ...registry, definitions: registry.definitions.filter((d) => (d.type ?? 1) === 1) };
    await deployCommands(config, slashOnly);
    expect(
      fake.commands
        .list()
        .map((c) => c.name)
        .sort(),
    ).toEqual(['ask', 'help', 'search', 'source', 'sources']);
  });

  it('keeps every description and option inside Discord limits', () => {
    for (const def of registry.definitions) {
      if (def.type === 3) continue;
      const d = def as { description: string; options?: { description: string }[] };
      expect(d.description.length).toBeLessThanOrEqual(100);
      for (const o of d.options ?? []) expect(o.description.length).toBeLessThanOrEqual(100);
    }
    const ask = registry.definitions.find((d) => d.name === 'ask') as {
      options: { name: string; autocomplete?: boolean; required?: boolean }[];
    };
    expect(ask.options[0]).toMatchObject({ name: 'question', autocomplete: true, required: true });
  });
});
