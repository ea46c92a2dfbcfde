// /ask question:<text> [public:<bool>] [since:<date>] [source:<publisher>]: the best quote (within the
// filters), private by default, with Share and Show context.
import { ApplicationCommandOptionType } from 'discord.js';
import { readFilter, SINCE_OPTION, SOURCE_OPTION } from '../src/app/filterOptions.js';
import type { ArgumentsOf, ChatCommandDefinition, HandlerContext } from '../src/app/handlerTypes.js';
import { USABLE_EVERYWHERE } from '../src/discord/commandScope.js';
import type { AutocompleteRequest, ChatCommandRequest } from '../src/discord/interactionRequest.js';
import { renderAnswer } from '../src/discord/render/citation.js';
import { withoutMentions } from '../src/discord/render/escape.js';
import { renderNoAnswer } from '../src/discord/render/noAnswer.js';
import { privateReply, type Choice, type MessageReply, type Visibility } from '../src/discord/reply.js';
import { MAX_QUESTION_LENGTH } from '../src/engine/engine.js';

/** The best answer and up to three other sources' dated answers (what "Not it?" counts as shown). */
export const ANSWERS = 4;

export const data = {
  name: 'ask',
  description: 'Ask a factual question; get one sentence quoted from the sources, with its date',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      description: 'In plain words, e.g. "how many IoT firms in Wuxi"',
      required: true,
      max_length: MAX_QUESTION_LENGTH,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'public',
      description: 'Post the answer in the channel right away (default: only you see it)',
    },
    SINCE_OPTION,
    SOURCE_OPTION,
  ],
  ...USABLE_EVERYWHERE,
} as const satisfies ChatCommandDefinition;

type Ask = ChatCommandRequest<ArgumentsOf<typeof data>>;

export function visibility(request: Ask): Visibility {
  return request.options.public ? 'public' : 'private';
}

export function execute(request: Ask, { engine }: HandlerContext): MessageReply {
  const { question } = request.options;
  const read = readFilter(request.options);
  if ('reply' in read) return read.reply;
  const result = engine.ask(withoutMentions(question), { limit: ANSWERS, ...read.filter });
  const [best, ...others] = result.answers;
  // No answer stays private even when asked in public: nothing to share, nothing to clutter the channel.
  // The reply's second line says what the answer was limited to.
  if (!result.answered || !best) return privateReply(renderNoAnswer(question, result, read.filter));
  const shown = visibility(request);
  return { kind: 'message', visibility: shown, body: renderAnswer(question, best, others, shown, read.filter) };
}

export function autocomplete(request: AutocompleteRequest, { suggestions }: HandlerContext): Choice[] {
  const { name, value } = request.focused;
  return name === SOURCE_OPTION.name ? suggestions.sources(value) : suggestions.questions(value);
}
