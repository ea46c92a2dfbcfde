// Typed option access: a command's definition types its options (ArgumentsOf, checked
// when `npm run lint` type-checks the tests), and the dispatcher holds every request to
// the same definition before the handler runs (readArguments), so the types are true.
import { ApplicationCommandOptionType } from 'discord.js';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import * as ask from '../../commands/ask.js';
import type * as search from '../../commands/search.js';
import { createApp, type App } from '../../src/app/createApp.js';
import type { ArgumentsOf, ChatCommandDefinition } from '../../src/app/handlerTypes.js';
import { readArguments } from '../../src/app/readArguments.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import type { ChatCommandRequest } from '../../src/discord/interactionRequest.js';
import { createLogger } from '../../src/process/logger.js';

const everyKind = {
  name: 'kinds',
  description: 'one option of each kind',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'text', description: 'd', required: true },
    { type: ApplicationCommandOptionType.Integer, name: 'count', description: 'd' },
    { type: ApplicationCommandOptionType.Number, name: 'ratio', description: 'd' },
    { type: ApplicationCommandOptionType.Boolean, name: 'flag', description: 'd' },
    { type: ApplicationCommandOptionType.User, name: 'who', description: 'd' },
    {
      type: ApplicationCommandOptionType.String,
      name: 'colour',
      description: 'd',
      choices: [
        { name: 'Red', value: 'red' },
        { name: 'Blue', value: 'blue' },
      ],
    },
  ],
} as const satisfies ChatCommandDefinition;

describe('ArgumentsOf', () => {
  it('types each option from its definition: required ones present, the rest optional, choices as their values', () => {
    expectTypeOf<ArgumentsOf<typeof everyKind>>().toEqualTypeOf<{
      readonly text: string;
      readonly count?: number;
      readonly ratio?: number;
      readonly flag?: boolean;
      readonly who?: string;
      readonly colour?: 'red' | 'blue';
    }>();
    type AskArguments = { readonly question: string; readonly public?: boolean; readonly since?: string; readonly source?: string };
    expectTypeOf<ArgumentsOf<typeof ask.data>>().toEqualTypeOf<AskArguments>();
    expectTypeOf<ArgumentsOf<typeof search.data>>().toEqualTypeOf<{
      readonly query: string;
      readonly since?: string;
      readonly source?: string;
    }>();
    expectTypeOf(ask.execute).parameter(0).toEqualTypeOf<ChatCommandRequest<AskArguments>>();
  });
});

describe('readArguments', () => {
  const read = (values: Record<string, string | number | boolean>) => readArguments(everyKind.options, values);

  it('passes values that match their options, and drops options the definition does not name', () => {
    expect(read({ text: 'hi', count: 3, ratio: 0.5, flag: false, who: '123456789012345678', colour: 'red', stale: 'x' })).toEqual({
      ok: true,
      args: { text: 'hi', count: 3, ratio: 0.5, flag: false, who: '123456789012345678', colour: 'red' },
    });
    expect(read({ text: '' })).toEqual({ ok: true, args: { text: '' } });
  });

  it.each([
    [{}, '"text" is missing'],
    [{ text: 5 }, '"text" should be a string'],
    [{ text: 'x', count: 2.5 }, '"count" should be a whole number'],
    [{ text: 'x', ratio: Number.NaN }, '"ratio" should be a number'],
    [{ text: 'x', flag: 'yes' }, '"flag" should be true or false'],
    [{ text: 'x', who: '@everyone' }, '"who" should be an id'],
    [{ text: 'x', colour: 'green' }, '"colour" is not one of its choices'],
  ])('refuses %j: %s', (values, problem) => {
    expect(read(values)).toEqual({ ok: false, problem });
  });

  it('reads only own properties (no "constructor" or "__proto__" from the prototype)', () => {
    const options = [{ type: ApplicationCommandOptionType.String, name: 'constructor', description: 'd', required: true }] as const;
    expect(readArguments(options, {})).toEqual({ ok: false, problem: '"constructor" is missing' });
  });
});

describe('the dispatcher checks before the handler runs', () => {
  let app: App;
  const logs: { level: string; msg: string; [field: string]: unknown }[] = [];
  beforeAll(async () => {
    const config = loadConfig('local', { env: {}, envFile: null });
    app = await createApp(config, {
      log: createLogger('debug', { write: (line: string) => logs.push(JSON.parse(line) as (typeof logs)[number]) }),
      rateLimit: false,
    });
  });
  const user = { id: '1', username: 'u', globalName: null };

  it('a question that is not text gets a private "options I can\'t read", logged as a warning, never reaching /ask', async () => {
    const reply = await app.dispatcher.answer({
      id: 'x1',
      user,
      place: 'guild',
      kind: 'chat-command',
      command: 'ask',
      options: { question: 42 },
    });
    expect(reply.visibility).toBe('private');
    expect(reply.body.content).toContain("options I can't read");
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: 'options do not match the command',
        interaction: 'x1',
        problem: '"question" should be a string',
      }),
    );
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'interaction answered', interaction: 'x1', outcome: 'bad-options' }));
  });

  it('a request without its required option is refused the same way, and planned as private', () => {
    const request = { id: 'x2', user, place: 'guild', kind: 'chat-command', command: 'ask', options: { public: true } } as const;
    expect(app.dispatcher.plan(request)).toEqual({ deferFirst: false, visibility: 'private', update: false });
  });

  it('a well-formed request reaches the handler with its options', async () => {
    const reply = await app.dispatcher.answer({
      id: 'x3',
      user,
      place: 'guild',
      kind: 'chat-command',
      command: 'search',
      options: { query: 'IoT' },
    });
    expect(reply.body.content).toContain('**Search:** IoT');
  });
});
