// /ask question:<text> [public:<bool>]: the best quote, private by default, with Share and Show context.
import { SlashCommandBuilder } from 'discord.js';
import type { AutocompleteRequest, ChatCommandRequest } from '../src/discord/interactionRequest.js';
import { booleanOption, stringOption } from '../src/discord/interactionRequest.js';
import { MAX_QUESTION_LENGTH } from '../src/engine/engine.js';
import { usableEverywhere } from '../src/discord/commandScope.js';
import { renderAnswer } from '../src/discord/render/citation.js';
import { withoutMentions } from '../src/discord/render/escape.js';
import { renderNoAnswer } from '../src/discord/render/noAnswer.js';
import { privateReply, type Choice, type MessageReply, type Visibility } from '../src/discord/reply.js';
import type { HandlerContext } from '../src/app/handlerTypes.js';

/** The best answer and up to three other sources' dated answers. */
const ANSWERS = 4;

export const data = usableEverywhere(
  new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a factual question; get one sentence quoted from the sources, with its date')
    .addStringOption((o) =>
      o
        .setName('question')
        .setDescription('In plain words, e.g. "how many IoT firms in Wuxi"')
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_LENGTH)
        .setAutocomplete(true),
    )
    .addBooleanOption((o) => o.setName('public').setDescription('Post the answer in the channel right away (default: only you see it)')),
);

export function visibility(request: ChatCommandRequest): Visibility {
  return booleanOption(request, 'public') ? 'public' : 'private';
}

export function execute(request: ChatCommandRequest, { engine }: HandlerContext): MessageReply {
  const question = stringOption(request, 'question') ?? '';
  const result = engine.ask(withoutMentions(question), { limit: ANSWERS });
  const [best, ...others] = result.answers;
  // No answer stays private even when asked in public: nothing to share, nothing to clutter the channel.
  if (!result.answered || !best) return privateReply(renderNoAnswer(question, result));
  const shown = visibility(request);
  return { kind: 'message', visibility: shown, body: renderAnswer(question, best, others, shown) };
}

export function autocomplete(request: AutocompleteRequest, { suggestions }: HandlerContext): Choice[] {
  return suggestions.suggest(request.focused.value);
}
