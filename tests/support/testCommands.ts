// Test-only commands for the slow and failing paths, added to the real command files
// (`extraCommands`) by the gateway tests and the HTTP tests alike, since both transports
// answer through the same rules: work that outlasts the deferral threshold, a private answer
// to a publicly deferred command, and a handler (and autocomplete) that throws.
import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationCommandOptionType } from 'discord.js';
import type { ArgumentsOf, ChatCommandDefinition } from '../../src/app/handlerTypes.js';
import type { ModuleEntry } from '../../src/app/registry.js';
import type { ButtonRequest, ChatCommandRequest } from '../../src/discord/interactionRequest.js';
import { privateReply, publicReply, updateReply } from '../../src/discord/reply.js';

/** Longer than the deferral threshold the tests set (100 ms), far shorter than Discord's 3 s. */
const WORK_MS = 300;

const slowData = {
  name: 'slow',
  description: 'takes a while',
  options: [{ type: ApplicationCommandOptionType.Boolean, name: 'public', description: 'public' }],
} as const satisfies ChatCommandDefinition;
type Slow = ChatCommandRequest<ArgumentsOf<typeof slowData>>;

/** /slow [public]: answers "finally done" after WORK_MS, publicly when asked. */
export const slow = {
  data: slowData,
  visibility: (request: Slow) => (request.options.public ? 'public' : 'private'),
  execute: async (request: Slow) => {
    await sleep(WORK_MS);
    return (request.options.public ? publicReply : privateReply)({ content: 'finally done' });
  },
};

/** /slow-private: deferred as public, but answers privately (as an error would): must not show in the channel. */
export const slowPrivate = {
  data: { name: 'slow-private', description: 'deferred public, answers private' } as const satisfies ChatCommandDefinition,
  visibility: () => 'public',
  execute: async () => {
    await sleep(WORK_MS);
    return privateReply({ content: 'only for you' });
  },
};

/** /boom [what]: always throws, and so does its autocomplete. */
export const boom = {
  data: {
    name: 'boom',
    description: 'always throws',
    options: [{ type: ApplicationCommandOptionType.String, name: 'what', description: 'anything', autocomplete: true }],
  } as const satisfies ChatCommandDefinition,
  execute: () => {
    throw new Error('kaboom in a handler');
  },
  autocomplete: () => {
    throw new Error('kaboom in autocomplete');
  },
};

/** A slow page button (`slow-page:N`): the next page in place of the list, or for `slow-page:gone` a private notice. */
export const slowPage = {
  action: 'slow-page',
  updates: true,
  execute: async (request: ButtonRequest) => {
    await sleep(WORK_MS);
    if (request.customId === 'slow-page:gone') return privateReply({ content: 'this list is gone' });
    return updateReply({ content: `page ${request.customId.split(':')[1]}` });
  },
};

/** All three, ready for `extraCommands`. */
export const SLOW_AND_FAILING: ModuleEntry[] = [
  { source: 'test:slow', module: slow },
  { source: 'test:slow-private', module: slowPrivate },
  { source: 'test:boom', module: boom },
];
