import { describe, expect, it } from 'vitest';
import { ddAdd } from '../../../src/engine/math/doubleDouble.ts';
import { tableTanh } from '../../../src/engine/math/index.ts';
import { tanhParts } from '../../../src/engine/math/tableTanh.ts';
import { referenceTanh, ulpError } from './tanhReference.ts';

/** The table's point k: (32 + m)·2^b·TINY/32 for k = 32b + m. */
const point = (k: number) => ((32 + (k % 32)) * 2 ** Math.floor(k / 32) * tanhParts().TINY) / 32;

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

  it('has a table within 2^-100 of tanh at every point', () => {
    const { SIZE, HI, LO } = tanhParts();
    for (let k = 0; k < SIZE; k++) {
      const [hi, lo] = referenceTanh(point(k));
      const [d] = ddAdd([HI[k]!, LO[k]!], [-hi, -lo]);
      expect(Math.abs(d), `entry ${k}`).toBeLessThan(2 ** -100 * hi);
    }
    // Its last point is 19, where |x| < 19.0625 splits to at most.
    expect(point(SIZE - 1)).toBe(19);
  });

  it('is within 0.55 ulp of tanh, odd, over [−25, 25], tiny magnitudes and its table’s midpoints', () => {
    const xs: number[] = [];
    for (let k = 0; k < 40_000; k++) xs.push(-25 + k * (50 / 40_000) + Math.SQRT2 * 1e-7);
    for (let k = 0; k < 20_000; k++) xs.push(2 ** (-40 + (45 * k) / 20_000));
    // Where |δ| is largest (halfway between the table's points) and around the edges.
    const { SIZE, TINY } = tanhParts();
    for (let k = 0; k < SIZE; k++) {
      const half = point(k) * (1 + 0.5 / (32 + (k % 32)));
      xs.push(half, half * (1 - 2 ** -40), half * (1 + 2 ** -40));
    }
    for (let k = -2000; k <= 2000; k++) xs.push(TINY * (1 + k * 2 ** -40), 19.0625 + k * 2 ** -40);
    let worst = 0;
    for (const x of xs) {
      const v = tableTanh(x);
      expect(Object.is(tableTanh(-x), -v)).toBe(true);
      worst = Math.max(worst, ulpError(v, referenceTanh(x)));
    }
    // 0.524 ulp is the largest over the 10^7 inputs of bench/tanhAccuracy.ts.
    expect(worst).toBeLessThan(0.55);
    expect(worst).toBeGreaterThan(0.5); // not correctly rounded everywhere: the check measures
  });
});
