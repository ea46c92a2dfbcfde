/** A short, stable, URL-safe id from a title: "wuxi-beijing-seek-cooperation-on-emerging". */
export function slugId(title: string, maxLength = 40): string {
  const words = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);
  let id = '';
  for (const word of words) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > maxLength) break;
    id = next;
  }
  // A cut title should not end on a dangling "on" or "the".
  id = id.replace(/(-(a|an|the|of|on|in|to|for|and|with|at|by|from))+$/, '');
  return id.replace(/[^a-z0-9-]/g, '') || 'article';
}
