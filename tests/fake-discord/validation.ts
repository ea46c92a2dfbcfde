// The subset of Discord's request validation a bot can realistically trip over.
// Failing here (rather than accepting anything) lets bot tests catch bugs that
// would only show up against the real API.
import { RESTJSONErrorCodes } from 'discord.js';
import { errorReply, type RecordedFile, type Reply } from './types.js';

const MAX_CONTENT = 2000;
const MAX_EMBEDS = 10;
const MAX_CHOICES = 25;

type Json = Record<string, unknown>;

export function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function invalidForm(field: string, message: string): Reply {
  return {
    status: 400,
    body: {
      message: 'Invalid Form Body',
      code: RESTJSONErrorCodes.InvalidFormBodyOrContentType,
      errors: { [field]: { _errors: [{ code: 'BASE_TYPE_INVALID', message }] } },
    },
  };
}

/** Message payloads (replies, follow-ups, edits). `create` also forbids empty messages. */
export function checkMessage(data: Json, files: RecordedFile[], create: boolean): Reply | null {
  const { content, embeds, components, poll, sticker_ids } = data;
  if (content !== undefined && content !== null && typeof content !== 'string') {
    return invalidForm('content', 'Must be a string.');
  }
  if (typeof content === 'string' && content.length > MAX_CONTENT) {
    return invalidForm('content', `Must be ${MAX_CONTENT} or fewer in length.`);
  }
  if (Array.isArray(embeds) && embeds.length > MAX_EMBEDS) {
    return invalidForm('embeds', `Must be ${MAX_EMBEDS} or fewer in length.`);
  }
  const hasSomething =
    (typeof content === 'string' && content.length > 0) ||
    (Array.isArray(embeds) && embeds.length > 0) ||
    (Array.isArray(components) && components.length > 0) ||
    (Array.isArray(sticker_ids) && sticker_ids.length > 0) ||
    poll !== undefined ||
    files.length > 0;
  if (create && !hasSomething) {
    return errorReply(400, RESTJSONErrorCodes.CannotSendAnEmptyMessage, 'Cannot send an empty message');
  }
  return null;
}

export function checkChoices(data: Json): Reply | null {
  const { choices } = data;
  if (!Array.isArray(choices)) return invalidForm('choices', 'Must be an array.');
  if (choices.length > MAX_CHOICES) return invalidForm('choices', `Must be ${MAX_CHOICES} or fewer in length.`);
  for (const [i, raw] of choices.entries()) {
    const { name, value } = asObject(raw);
    if (typeof name !== 'string' || name.length < 1 || name.length > 100) {
      return invalidForm(`choices.${i}.name`, 'Must be between 1 and 100 in length.');
    }
    if (typeof value === 'string' ? value.length > 100 : typeof value !== 'number') {
      return invalidForm(`choices.${i}.value`, 'Must be a string of at most 100 characters or a number.');
    }
  }
  return null;
}

/** CHAT_INPUT (slash) command names: Discord's documented pattern, lower case only. */
const CHAT_INPUT_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_CONTEXT_MENU_NAME = 32;

/**
 * Bulk-overwrite bodies for application commands. Names are checked per type, as
 * Discord does: slash commands (type 1) match the lower-case name pattern and need a
 * 1-100 character description; user and message context-menu commands (types 2, 3)
 * may use mixed case and spaces, 1-32 characters with something other than spaces,
 * and have no description (empty when sent).
 */
export function checkCommands(body: unknown): Reply | null {
  if (!Array.isArray(body)) return invalidForm('_root', 'Must be an array of commands.');
  for (const [i, raw] of body.entries()) {
    const { name, description, type = 1 } = asObject(raw);
    const problem =
      type === 1
        ? checkChatInput(i, name, description)
        : type === 2 || type === 3
          ? checkContextMenu(i, name, description)
          : invalidForm(`${i}.type`, 'Value is not a valid enum value.');
    if (problem) return problem;
  }
  return null;
}

function checkChatInput(i: number, name: unknown, description: unknown): Reply | null {
  if (typeof name !== 'string' || !CHAT_INPUT_NAME.test(name)) {
    return invalidForm(`${i}.name`, 'Command name is invalid.');
  }
  if (name !== name.toLowerCase()) {
    return invalidForm(`${i}.name`, 'Chat input command names must be lower case.');
  }
  if (typeof description !== 'string' || description.length < 1 || description.length > 100) {
    return invalidForm(`${i}.description`, 'Must be between 1 and 100 in length.');
  }
  return null;
}

function checkContextMenu(i: number, name: unknown, description: unknown): Reply | null {
  // Discord counts characters, not UTF-16 units.
  const length = typeof name === 'string' ? [...name].length : 0;
  if (typeof name !== 'string' || length < 1 || length > MAX_CONTEXT_MENU_NAME || !/\S/u.test(name)) {
    return invalidForm(`${i}.name`, 'Command name is invalid.');
  }
  if (description !== undefined && description !== null && description !== '') {
    return invalidForm(`${i}.description`, 'Context menu commands cannot have a description.');
  }
  return null;
}
