// Previous / Next under a long list. The page travels in the buttons' custom ids
// (customIds.ts), so any process answers a press; a press replaces the list in place.
import { ButtonStyle, ComponentType } from 'discord.js';
import { pageButtonId } from '../customIds.js';
import type { Button } from '../reply.js';

export interface PageOf<T> {
  items: T[];
  /** 0-based, clamped to the pages there are. */
  page: number;
  pageCount: number;
  /** 0-based position of the page's first item in the whole list. */
  first: number;
  total: number;
}

/** The `page`th slice of `size` items; a page past the end (the list got shorter) shows the last one. */
export function pageOf<T>(all: readonly T[], page: number, size: number): PageOf<T> {
  const pageCount = Math.max(1, Math.ceil(all.length / size));
  const shown = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  const first = shown * size;
  return { items: all.slice(first, first + size), page: shown, pageCount, first, total: all.length };
}

/** "Page 2 of 6", or nothing when everything fits on one. */
export const pageLabel = ({ page, pageCount }: { page: number; pageCount: number }): string =>
  pageCount > 1 ? `Page ${page + 1} of ${pageCount}` : '';

/** ◂ Previous / Next ▸, each only when there is a page that way. `key` goes in the custom id (an article id, a query digest). */
export function pagerButtons(action: string, { page, pageCount }: { page: number; pageCount: number }, key?: string): Button[] {
  const button = (label: string, to: number): Button => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: pageButtonId(action, to, key),
  });
  return [...(page > 0 ? [button('◂ Previous', page - 1)] : []), ...(page < pageCount - 1 ? [button('Next ▸', page + 1)] : [])];
}
