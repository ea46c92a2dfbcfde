// The local console's brain, without any I/O: a typed line becomes the same request a
// Discord interaction would, goes through the same dispatcher and handlers, and the
// Reply is drawn as Discord would show it. runConsole.ts only moves lines in and out.
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Invoker, MessageRequest } from '../../discord/interactionRequest.js';
import type { Button, MessageReply } from '../../discord/reply.js';
import type { Dispatcher } from '../../app/dispatcher.js';
import { parseConsoleLine } from './parseConsoleLine.js';
import { buttonsOf, renderReplyText, type TerminalStyle } from './renderReplyText.js';

export interface ConsoleSession {
  /** The text to print for one typed line; `quit` when the person asked to leave. */
  handle(line: string): Promise<{ text: string; quit?: boolean }>;
  /** Tab completion: the same autocomplete handlers Discord would call. */
  complete(line: string): Promise<string[]>;
}

export const CONSOLE_HELP = [
  'Type what you would type in Discord:',
  '  /ask question: how many IoT firms in Wuxi      (or just type the question)',
  '  /ask question: who is the vice-mayor of Wuxi public: true',
  '  /search query: IoT enterprises     /sources     /source id: <Tab>     /help',
  '  Find source: Wuxi has more than 3,000 IoT companies   (the "Find source" message menu)',
  '  press 1                                        (press a button of the last reply)',
  '  quit                                           (or Ctrl-D)',
  "Tab completes questions and ids, as Discord's autocomplete would.",
].join('\n');

export function createConsoleSession(options: {
  dispatcher: Dispatcher;
  definitions: readonly RESTPostAPIApplicationCommandsJSONBody[];
  user: Invoker;
  style: TerminalStyle;
}): ConsoleSession {
  const { dispatcher, definitions, user, style } = options;
  let counter = 0;
  let lastButtons: Button[] = [];
  const base = () => ({ id: `console-${++counter}`, user, place: 'guild' as const });

  const run = async (request: MessageRequest) => {
    const reply: MessageReply = await dispatcher.answer(request);
    lastButtons = buttonsOf(reply);
    return { text: renderReplyText(reply, style) };
  };

  return {
    async handle(line) {
      const action = parseConsoleLine(line, definitions);
      switch (action.kind) {
        case 'empty':
          return { text: '' };
        case 'quit':
          return { text: '', quit: true };
        case 'help':
          return { text: CONSOLE_HELP };
        case 'error':
          return { text: `✗ ${action.message}` };
        case 'press': {
          const button = lastButtons[action.button - 1];
          if (!button) return { text: `✗ the last reply has no button ${action.button}` };
          if ('url' in button) return { text: `That button opens ${button.url} in a browser.` };
          return run({ ...base(), kind: 'button', customId: button.custom_id });
        }
        case 'chat-command':
          return run({ ...base(), kind: 'chat-command', command: action.command, options: action.options });
        case 'message-command':
          return run({
            ...base(),
            kind: 'message-command',
            command: action.command,
            target: { id: `console-message-${counter}`, content: action.text, authorId: user.id },
          });
      }
    },

    async complete(line) {
      const action = /^\/(\S+)\s+(.*)$/s.exec(line);
      if (!line.startsWith('/')) {
        const choices = await dispatcher.complete({
          ...base(),
          kind: 'autocomplete',
          command: 'ask',
          focused: { name: 'question', value: line },
          options: {},
        });
        return choices.map((c) => c.value);
      }
      if (!action) return definitions.filter((d) => (d.type ?? 1) === 1 && `/${d.name}`.startsWith(line)).map((d) => `/${d.name} `);
      const [, name = '', rest = ''] = action;
      const def = definitions.find((d) => d.name === name);
      const autocompleted = def && 'options' in def ? (def.options ?? []).filter((o) => 'autocomplete' in o && o.autocomplete) : [];
      // The option being typed is the one named last on the line ("/ask question: … source: wux").
      autocompleted.sort((a, b) => rest.lastIndexOf(`${b.name}:`) - rest.lastIndexOf(`${a.name}:`));
      for (const option of autocompleted) {
        const mark = rest.lastIndexOf(`${option.name}:`);
        if (mark === -1 && rest.includes(':')) continue;
        const head = mark === -1 ? `/${name} ${option.name}: ` : `/${name} ${rest.slice(0, mark)}${option.name}: `;
        const typed = mark === -1 ? rest : rest.slice(mark + option.name.length + 1).trimStart();
        const choices = await dispatcher.complete({
          ...base(),
          kind: 'autocomplete',
          command: name,
          focused: { name: option.name, value: typed },
          options: {},
        });
        return choices.map((c) => `${head}${c.value}`);
      }
      return [];
    },
  };
}
