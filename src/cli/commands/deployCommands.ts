import { deployCommands } from '../../app/deployCommands.js';
import { friendlyStartError } from '../friendlyStartError.js';
import { loadCommands } from '../../app/loadCommands.js';
import { loadConfig } from '../../config/loadConfig.js';
import { CliError } from '../cliError.js';
import { parseCommand, usageOf } from '../parseCliArgs.js';
import { deployCommandsSpec as spec } from '../specs.js';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseCommand(spec, argv);
  if (values.guild !== undefined && values.global) throw new CliError(`give --guild or --global, not both\nusage: ${usageOf(spec)}`);
  if (values.guild !== undefined && !/^\d{17,20}$/.test(values.guild))
    throw new CliError(`--guild must be a server id (17-20 digits), got "${values.guild}"`);
  try {
    const config = loadConfig('discord');
    const guildId = values.global ? undefined : (values.guild ?? config.guildId);
    const result = await deployCommands(config, await loadCommands(), guildId);
    const where =
      result.scope === 'global' ? 'globally (may take a few minutes to appear everywhere)' : `to server ${result.scope.guildId}`;
    console.log(
      `Registered ${result.commands.length} commands ${where}: ${result.commands.map((c) => (c.type === 1 ? `/${c.name}` : c.name)).join(', ')}`,
    );
  } catch (error) {
    const message = friendlyStartError(error);
    if (message) throw new CliError(message, 1);
    throw error;
  }
}
