// The local console's brain, without any I/O: a typed line becomes the same request a
// Discord interaction would, goes through the same dispatcher and handlers, and the
// Reply is drawn as Discord would show it. runConsole.ts only moves lines in and out.
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Invoker, MessageRequest } from '../../discord/interactionRequest.js';
import type { MessageReply } from '../../discord/reply.js';
import { toCallbackData } from '../../discord/respond.js';
import type { Dispatcher } from '../../app/dispatcher.js';
import { completeByPrefix } from './completeByPrefix.js';
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
  '  press 1                                        (press a button of the latest reply)',
  '  press 2.1                                      (the first button of reply 2: any earlier reply)',
  '  quit                                           (or Ctrl-D; Ctrl-C clears the line, twice on an empty one quits)',
  "Tab completes what you have typed (questions, commands, article ids), from Discord's autocomplete.",
].join('\n');

export function createConsoleSession(options: {
  dispatcher: Dispatcher;
  definitions: readonly RESTPostAPIApplicationCommandsJSONBody[];
  user: Invoker;
  style: TerminalStyle;
}): ConsoleSession {
  const { dispatcher, definitions, user, style } = options;
  let counter = 0;
  /** Every reply so far, numbered from 1 as shown; a page replaces the reply it was pressed on. */
  const replies: MessageReply[] = [];
  const base = () => ({ id: `console-${++counter}`, user, place: 'guild' as const });

  /** `from`: the number of the reply whose button was pressed (a page update replaces it). */
  const run = async (request: MessageRequest, from?: number) => {
    const reply: MessageReply = await dispatcher.answer(request);
    if (reply.update && from !== undefined) {
      replies[from - 1] = reply;
      return { text: renderReplyText(reply, style, `reply ${from}, updated`) };
    }
    replies.push(reply);
    return { text: renderReplyText(reply, style, `reply ${replies.length}`) };
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
          const number = action.reply ?? replies.length;
          const reply = replies[number - 1];
          if (!reply)
            return {
              text: replies.length
                ? `✗ there is no reply ${number}: the replies so far are 1–${replies.length}`
                : '✗ nothing to press yet: ask something first',
            };
          const button = buttonsOf(reply)[action.button - 1];
          const which = action.reply === undefined ? 'the latest reply' : `reply ${number}`;
          if (!button) return { text: `✗ ${which} has no button ${action.button}` };
          if ('url' in button) return { text: `That button opens ${button.url} in a browser.` };
          // Discord sends the message a button is on with the press; handlers read state from its text.
          const message = { content: toCallbackData(reply).content ?? '' };
          return run({ ...base(), kind: 'button', customId: button.custom_id, message }, number);
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
      const { before, typed, values } = await candidates(line);
      return completeByPrefix(typed, values).map((completed) => before + completed);
    },
  };

  /**
   * What Discord's autocomplete would offer for the value being typed at the end of the line:
   * `before` is the line up to that value, `typed` the value so far.
   */
  async function candidates(line: string): Promise<{ before: string; typed: string; values: string[] }> {
    const ask = (command: string, name: string, value: string) =>
      dispatcher
        .complete({ ...base(), kind: 'autocomplete', command, focused: { name, value }, options: {} })
        .then((choices) => choices.map((c) => c.value));
    if (!line.startsWith('/')) return { before: '', typed: line, values: await ask('ask', 'question', line) };
    const action = /^\/(\S+)\s+(.*)$/s.exec(line);
    if (!action) {
      const names = definitions.filter((d) => (d.type ?? 1) === 1).map((d) => `/${d.name} `);
      return { before: '', typed: line, values: names };
    }
    const [, name = '', rest = ''] = action;
    const def = definitions.find((d) => d.name === name);
    const autocompleted = def && 'options' in def ? (def.options ?? []).filter((o) => 'autocomplete' in o && o.autocomplete) : [];
    // The option being typed is the one named last on the line ("/ask question: … source: wux").
    autocompleted.sort((a, b) => rest.lastIndexOf(`${b.name}:`) - rest.lastIndexOf(`${a.name}:`));
    for (const option of autocompleted) {
      const mark = rest.lastIndexOf(`${option.name}:`);
      if (mark === -1 && rest.includes(':')) continue;
      const typed = mark === -1 ? rest : rest.slice(mark + option.name.length + 1).trimStart();
      return { before: line.slice(0, line.length - typed.length), typed, values: await ask(name, option.name, typed) };
    }
    return { before: line, typed: '', values: [] };
  }
}
