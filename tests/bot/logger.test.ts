// The logger sees whatever a request carried: it must write one line of JSON for anything,
// never throw, and keep each line bounded.
import { describe, expect, it } from 'vitest';
import { JSON_LIMITS } from '../../src/process/boundedJson.js';
import { createLogger } from '../../src/process/logger.js';

function logged(fields: Record<string, unknown>): Record<string, unknown> {
  const lines: string[] = [];
  createLogger('info', { write: (line: string) => lines.push(line) }).info('m', fields);
  expect(lines).toHaveLength(1);
  expect(lines[0]!.endsWith('\n')).toBe(true);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

describe('logger on pathological fields', () => {
  it('writes a value nested 10,000 arrays deep, cut at the depth limit', () => {
    let deep: unknown = '1';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const line = logged({ user: deep });
    expect(JSON.stringify(line.user)).toMatch(/^\[+"\[depth limit\]"\]+$/);
    expect(JSON.stringify(line).length).toBeLessThan(200);
  });

  it('cuts long strings, long arrays and wide objects, and says how much was left out', () => {
    const line = logged({
      text: 'x'.repeat(100_000),
      list: Array.from({ length: 10_000 }, (_, i) => i),
      wide: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])),
    });
    expect(line.text).toBe(`${'x'.repeat(JSON_LIMITS.stringChars)}…+${100_000 - JSON_LIMITS.stringChars} chars`);
    expect(line.list).toHaveLength(JSON_LIMITS.entries + 1);
    expect((line.list as unknown[]).at(-1)).toBe(`…+${10_000 - JSON_LIMITS.entries} more`);
    expect(Object.keys(line.wide as object)).toHaveLength(JSON_LIMITS.entries + 1);
  });

  it('survives cycles, BigInt, symbols, non-finite numbers, throwing getters and toJSON', () => {
    const cycle: Record<string, unknown> = { name: 'a' };
    cycle.self = cycle;
    const shared = { id: 1 };
    const trap = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get: () => {
        throw new Error('no');
      },
    });
    const line = logged({
      cycle,
      pair: [shared, shared],
      big: 10n ** 30n,
      sym: Symbol('s'),
      nan: NaN,
      trap,
      date: new Date(0),
      error: new TypeError('bad'),
    });
    expect(line.cycle).toEqual({ name: 'a', self: '[circular]' });
    expect(line.pair).toEqual([{ id: 1 }, { id: 1 }]);
    expect(line.big).toBe('1000000000000000000000000000000');
    expect(line.sym).toBe('Symbol(s)');
    expect(line.nan).toBe('NaN');
    expect(line.trap).toBe('[unreadable: no]');
    expect(line.date).toBe('1970-01-01T00:00:00.000Z');
    expect(line.error).toMatchObject({ name: 'TypeError', message: 'bad' });
  });

  it('survives fields whose own getters throw when spread', () => {
    const fields = Object.defineProperty({}, 'user', {
      enumerable: true,
      get: () => {
        throw new Error('getter');
      },
    });
    expect(logged(fields)).toMatchObject({ msg: 'm', unreadableFields: { message: 'getter' } });
  });
});
