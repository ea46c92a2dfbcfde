// Application command registration (bulk overwrite), global and per guild.
import type { APIApplicationCommand } from 'discord.js';
import { snowflake } from './ids.js';
import type { Reply } from './types.js';
import { asObject, checkCommands } from './validation.js';

const GLOBAL = 'global';

export class CommandRegistry {
  private readonly scopes = new Map<string, APIApplicationCommand[]>();

  constructor(private readonly applicationId: string) {}

  /** Commands as last registered; guildId omitted → global commands. */
  list(guildId?: string): APIApplicationCommand[] {
    return this.scopes.get(guildId ?? GLOBAL) ?? [];
  }

  get(guildId?: string): Reply {
    return { status: 200, body: this.list(guildId) };
  }

  /** PUT semantics: the body replaces the whole set; same-named commands keep their id. */
  overwrite(body: unknown, guildId?: string): Reply {
    const problem = checkCommands(body);
    if (problem) return problem;
    const previous = new Map(this.list(guildId).map((c) => [`${c.type}:${c.name}`, c]));
    const commands = (body as unknown[]).map((raw) => {
      const input = asObject(raw);
      const type = typeof input.type === 'number' ? input.type : 1;
      const old = previous.get(`${type}:${String(input.name)}`);
      return {
        description: '',
        default_member_permissions: null,
        nsfw: false,
        ...input,
        type,
        id: old?.id ?? snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        ...(guildId !== undefined && { guild_id: guildId }),
      } as APIApplicationCommand;
    });
    this.scopes.set(guildId ?? GLOBAL, commands);
    return { status: 200, body: commands };
  }
}
