// JSON for log lines that cannot throw: log fields can hold whatever a request carried
// (10,000 nested arrays, a cycle, a BigInt, a getter that throws), and a logger that
// throws turns a bad request into a crash. Depth, breadth and string length are capped;
// what is cut is said in the output ("[depth limit]", "…+N more").

export const JSON_LIMITS = { depth: 8, entries: 50, stringChars: 2_000 } as const;

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** `toPlain` for values that are not plain data: errors keep what JSON would lose. */
export type Special = (value: unknown) => Record<string, unknown> | undefined;

export function boundedJson(value: unknown, special: Special = () => undefined): string {
  try {
    return JSON.stringify(toPlain(value, special, 0, new Set()));
  } catch (error) {
    // Only reachable through something exotic (a Proxy that throws on every trap).
    return JSON.stringify({ unserialisable: String((error as Error | undefined)?.message ?? error).slice(0, JSON_LIMITS.stringChars) });
  }
}

function toPlain(value: unknown, special: Special, depth: number, seen: Set<object>): Plain {
  switch (typeof value) {
    case 'string':
      return value.length > JSON_LIMITS.stringChars
        ? `${value.slice(0, JSON_LIMITS.stringChars)}…+${value.length - JSON_LIMITS.stringChars} chars`
        : value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
    case 'symbol':
    case 'function':
      return String(value);
    case 'undefined':
      return null;
  }
  if (value === null) return null;
  const object = value as object;
  if (seen.has(object)) return '[circular]';
  if (depth >= JSON_LIMITS.depth) return '[depth limit]';
  seen.add(object);
  try {
    const replaced = special(object);
    if (replaced) return toPlain(replaced, special, depth, seen);
    const { toJSON } = object as { toJSON?: unknown };
    if (typeof toJSON === 'function') return toPlain(toJSON.call(object), special, depth + 1, seen); // Date, URL, Buffer
    if (Array.isArray(object)) {
      const items: Plain[] = object.slice(0, JSON_LIMITS.entries).map((item: unknown) => toPlain(item, special, depth + 1, seen));
      return object.length > items.length ? [...items, `…+${object.length - items.length} more`] : items;
    }
    const keys = Object.keys(object);
    const out: Record<string, Plain> = {};
    for (const key of keys.slice(0, JSON_LIMITS.entries))
      out[key] = toPlain((object as Record<string, unknown>)[key], special, depth + 1, seen);
    if (keys.length > JSON_LIMITS.entries) out['…'] = `+${keys.length - JSON_LIMITS.entries} more`;
    return out;
  } catch (error) {
    return `[unreadable: ${String((error as Error | undefined)?.message ?? error).slice(0, 200)}]`;
  } finally {
    seen.delete(object); // the same object twice side by side is not a cycle
  }
}
