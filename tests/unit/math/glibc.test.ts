import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as portable from '../../../src/engine/math/index.ts';

/** glibc's results for the same inputs (glibc-table.py): an independent reference. */
const table = JSON.parse(readFileSync(new URL('./glibc.json', import.meta.url), 'utf8')) as {
  cases: Record<string, string[][]>;
};

const view = new DataView(new ArrayBuffer(8));
const fromHex = (hex: string): number => {
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
};
/** The double's position on the number line, in ulps (adjacent doubles differ by 1). */
const ordinal = (v: number): bigint => {
  view.setFloat64(0, v);
  const bits = view.getBigInt64(0);
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
};
const ulps = (a: number, b: number): number => {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
};

const unary = ['sin', 'cos', 'tan', 'exp', 'expm1', 'sinh', 'cosh', 'tanh', 'atan', 'asin', 'acos'];

describe('the portable functions against glibc', () => {
  it.each(unary.concat('log'))(
    '%s is within 1 ulp of glibc on every input of the table',
    (name) => {
      const f =
        name === 'log'
          ? portable.ln
          : (portable[name as keyof typeof portable] as (v: number) => number);
      const rows = table.cases[name]!;
      expect(rows.length).toBeGreaterThan(300);
      const worse = rows
        .map(([x, want]) => ({ x: fromHex(x!), want: fromHex(want!) }))
        .map(({ x, want }) => ({ x, want, got: f(x), off: ulps(f(x), want) }))
        .filter((r) => r.off > 1);
      expect(worse).toEqual([]);
    },
  );

  it('pow is within 1 ulp of glibc on every input of the table', () => {
    const rows = table.cases['pow']!;
    expect(rows.length).toBeGreaterThan(600);
    const worse = rows
      .map(([x, y, want]) => ({ x: fromHex(x!), y: fromHex(y!), want: fromHex(want!) }))
      .map((r) => ({ ...r, got: portable.pow(r.x, r.y) }))
      .filter((r) => ulps(r.got, r.want) > 1);
    expect(worse).toEqual([]);
  });
});
