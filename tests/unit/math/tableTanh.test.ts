import { describe, expect, it } from 'vitest';
import { tableTanh } from '../../../src/engine/math/index.ts';
import { referenceTanh, ulpError } from './tanhReference.ts';

describe('tableTanh (the network’s activation)', () => {
  it('is what ECMAScript requires at NaN, ±0 and ±∞, and x itself for tiny and subnormal x', () => {
    for (const v of [NaN, 0, -0, Infinity, -Infinity, 5e-324, -5e-324, 1e-310, -(2 ** -28)])
      expect(Object.is(tableTanh(v), Math.tanh(v)), `tanh(${v})`).toBe(true);
    expect(tableTanh(19.0625)).toBe(1);
    expect(tableTanh(-1e300)).toBe(-1);
    expect(tableTanh(19)).toBe(1 - 2 ** -53);
  });

  it('has a reference that agrees with mpmath (50 digits) to 2^-100', () => {
    // [x, tanh(x) rounded, the remainder], from mpmath.
    const mp: [number, number, number][] = [
      [0.5, 0.46211715726000974, 2.1916603238260928e-17],
      [1, 0.7615941559557649, 3.7090214482164924e-17],
      [3, 0.9950547536867305, -1.2991892863562624e-17],
      [1e-5, 9.999999999666668e-6, -4.5758701526937e-22],
      [10, 0.9999999958776927, 3.693278996616596e-17],
      [0.125, 0.12435300177159621, -2.1451880813141441e-19],
    ];
    for (const [x, hi, lo] of mp) {
      const [h, l] = referenceTanh(x);
      expect(h).toBe(hi);
      expect(Math.abs(l - lo)).toBeLessThan(2 ** -100 * hi);
    }
  });

  it('is within 0.6 ulp of tanh, odd, over [−25, 25], tiny magnitudes and its table’s midpoints', () => {
    const xs: number[] = [];
    for (let k = 0; k < 40_000; k++) xs.push(-25 + k * (50 / 40_000) + Math.SQRT2 * 1e-7);
    for (let k = 0; k < 20_000; k++) xs.push(2 ** (-40 + (45 * k) / 20_000));
    // Where |δ| is largest (the table's midpoints) and around the formulas' edges.
    for (let i = 8; i < 1220; i++) xs.push((i + 0.5) / 64, (i + 0.5 - 1e-9) / 64);
    for (let k = -2000; k <= 2000; k++) xs.push(0.125 * (1 + k * 2 ** -40), 19.0625 + k * 2 ** -40);
    let worst = 0;
    for (const x of xs) {
      const v = tableTanh(x);
      expect(Object.is(tableTanh(-x), -v)).toBe(true);
      worst = Math.max(worst, ulpError(v, referenceTanh(x)));
    }
    // 0.5611 ulp is the largest over the 10^7 inputs of bench/tanhAccuracy.ts.
    expect(worst).toBeLessThan(0.6);
    expect(worst).toBeGreaterThan(0.5); // not correctly rounded everywhere: the check measures
  });
});
