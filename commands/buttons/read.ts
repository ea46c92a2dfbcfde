// "Read the opening" on an article's card: the article's first page, in a message of its own.
import type { HandlerContext } from '../../src/app/handlerTypes.js';
import { parsePageButtonId } from '../../src/discord/customIds.js';
import type { ButtonRequest } from '../../src/discord/interactionRequest.js';
import { READ_ACTION, renderArticleText } from '../../src/discord/render/articleText.js';
import { renderUnknownSource } from '../../src/discord/render/sourceCard.js';
import { privateReply, type MessageBody, type MessageReply } from '../../src/discord/reply.js';

export const action = READ_ACTION;

/** The page of the article a read button names, delivered by `as` (a new message, or in place); an unknown article is said so. */
export function readArticle(request: ButtonRequest, { engine }: HandlerContext, as: (body: MessageBody) => MessageReply): MessageReply {
  const target = parsePageButtonId(request.customId);
  const article = target?.key === undefined ? undefined : engine.article(target.key);
  if (!target || !article) return privateReply(renderUnknownSource(target?.key ?? ''));
  return as(renderArticleText(article, target.page));
}

export function execute(request: ButtonRequest, context: HandlerContext): MessageReply {
  return readArticle(request, context, privateReply);
}
