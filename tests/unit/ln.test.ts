import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ln } from '../../src/engine/math/index.ts';

describe('ln: a portable logarithm', () => {
  it('agrees with Math.log to the bit on random doubles (V8 uses the same fdlibm algorithm)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
        (x) => {
          expect(ln(x)).toBe(Math.log(x));
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('handles the edges like Math.log', () => {
    for (const x of [0, -0, -1, Infinity, NaN, 1, 5e-324, 1 + 2 ** -52, 1 - 2 ** -53]) {
      expect(Object.is(ln(x), Math.log(x)), String(x)).toBe(true);
    }
  });
});
