// Buttons carry all their state in the custom_id (at most 100 characters), so a click
// works after a restart and on any instance: `action:documentId:sentenceIndex` for a
// sentence, `action[:key]:page` for a page of a list (the key: an article id, or the digest
// of a search query whose text the button's own message carries).
// Article ids are at most 64 characters of [A-Za-z0-9_.-] (the corpus schema), so
// `context:` + 64 + `:` + digits stays well inside 100 and never contains a colon.
import { LIMITS } from './render/limits.js';

export interface SentenceRef {
  documentId: string;
  sentenceIndex: number;
}

export function sentenceButtonId(action: string, ref: SentenceRef): string {
  const id = `${action}:${ref.documentId}:${ref.sentenceIndex}`;
  if (id.length > LIMITS.customId) throw new Error(`custom id longer than ${LIMITS.customId} characters: ${id}`);
  return id;
}

/** The action a custom id asks for: what the registry routes on. */
export const customIdAction = (customId: string): string => customId.split(':', 1)[0] ?? '';

/** `action:doc:index` → the sentence, or undefined for anything malformed (old or forged ids). */
export function parseSentenceButtonId(customId: string): SentenceRef | undefined {
  const match = /^[a-z-]+:([A-Za-z0-9][A-Za-z0-9_.-]{0,63}):(\d{1,6})$/.exec(customId);
  if (!match) return undefined;
  return { documentId: match[1]!, sentenceIndex: Number(match[2]) };
}

/** `action:page` or `action:key:page` (key: an article id or a query digest, never a colon). */
export function pageButtonId(action: string, page: number, key?: string): string {
  const id = key === undefined ? `${action}:${page}` : `${action}:${key}:${page}`;
  if (id.length > LIMITS.customId) throw new Error(`custom id longer than ${LIMITS.customId} characters: ${id}`);
  return id;
}

/** The page (and key) a paging button carries, or undefined for anything malformed. */
export function parsePageButtonId(customId: string): { page: number; key?: string } | undefined {
  const match = /^[a-z-]+:(?:([A-Za-z0-9][A-Za-z0-9_.-]{0,63}):)?(\d{1,6})$/.exec(customId);
  if (!match) return undefined;
  return match[1] === undefined ? { page: Number(match[2]) } : { page: Number(match[2]), key: match[1] };
}
