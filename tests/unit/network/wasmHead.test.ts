import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logLoss } from '../../../src/engine/data/logistic.ts';
import { exp, ln } from '../../../src/engine/math/index.ts';
import { fromWords } from '../../../src/engine/math/words.ts';
import { emitExpNonPositive } from '../../../src/engine/network/wasm/expPair.ts';
import { headFunctions, pairFunction } from '../../../src/engine/network/wasm/headKernel.ts';
import { emitLnOneToTwo } from '../../../src/engine/network/wasm/lnPair.ts';
import { NormalSource } from '../../../src/engine/noise.ts';
import { pairModule } from './wasmPairs.ts';

/**
 * The WebAssembly loss heads against the JS definitions, bit for bit (Object.is): exp on x ≤ 0
 * and ln on (1, 2] alone, as the log-loss reaches them, then logLoss and the squared error for
 * logits and targets anywhere, NaN and ±∞ included. Inputs sit on every branch boundary of
 * exp.ts and log.ts (the high words they test, each k exp's reduction takes) and at random.
 * Moving a threshold by one high word or a coefficient by one ulp fails them, but for a few
 * branches whose neighbour gives the same bits on every input tried: exp's k = −1 bound one word
 * lower (trunc gives −1 there too), its scaleFar bound at k = −1022 or −1020 (both scalings
 * round once), ln's near-2 bound (2,000,000 random inputs a word, none differed).
 */

const run = pairModule((pool) => [
  ...headFunctions(pool),
  pairFunction('exp', pool, [
    (c, x) => {
      const { a } = c.temps('a');
      return emitExpNonPositive(c.get(x).abs().set(a), x, a);
    },
  ]),
  pairFunction('ln', pool, [(c, u) => emitLnOneToTwo(c, u)]),
  pairFunction('max', pool, [(c, z, t) => c.get(z).get(t).max()]),
]);

/** The first i where got[i] and want(input[i]) differ, described; null if none. */
function firstMismatch(
  got: Float64Array,
  inputs: ArrayLike<number>,
  want: (x: number, i: number) => number,
): string | null {
  for (let i = 0; i < got.length; i++) {
    const w = want(inputs[i]!, i);
    if (!Object.is(got[i], w)) return `at ${inputs[i]} (#${i}): ${got[i]} ≠ ${w}`;
  }
  return null;
}

const up = (x: number) => x + Math.abs(x) * 2 ** -52;
const down = (x: number) => x - Math.abs(x) * 2 ** -53;
/** x and its neighbours a few ulps either side (x > 0 normal). */
const around = (x: number) => [down(down(x)), down(x), x, up(x), up(up(x))];

/**
 * Doubles whose high word is one of `words` or next to one, `count` a word with random low words:
 * a branch taken one word too early or late changes the bits of some of them (its neighbour
 * branch often agrees to the last bit, so a few edge values alone would not tell).
 */
function atWords(words: readonly number[], count: number, seed: number): number[] {
  const s = new NormalSource(seed);
  return words.flatMap((w) =>
    [w - 1, w, w + 1].flatMap((hi) =>
      Array.from({ length: count }, () => fromWords(hi, s.nextUniform() * 2 ** 32)),
    ),
  );
}

/** The high words of |x| where exp.ts branches. */
const EXP_WORDS = [0x3e300000, 0x3fd62e42, 0x3fd62e43, 0x3ff0a2b2, 0x40862e42];

/** Magnitudes where exp.ts branches, and the rest of its edges. */
const expEdges = (() => {
  const out = EXP_WORDS.flatMap((w) => [...around(fromWords(w, 0)), fromWords(w - 1, 0xffffffff)]);
  // Where (x·invln2 − 0.5) | 0 steps from k to k − 1, for every k exp(−|z|) takes.
  for (let k = 1; k <= 1076; k++) out.push(...around((k + 0.5) * Math.LN2));
  out.push(...around(745.1332191019411), 745.2, 746, 1e300, Number.MAX_VALUE, Infinity);
  out.push(0, 5e-324, 2.2250738585072014e-308, 1e-300, 2 ** -54, 2 ** -53, 1e-17, 1e-16, 0.5, 1);
  return out;
})();

describe('the WebAssembly log-loss head has the bits of the JS one', () => {
  it('exp at x ≤ 0: every branch edge, k, the thresholds, −0, −∞ and NaN', () => {
    const x = Float64Array.from([...expEdges.map((v) => -v), NaN]);
    expect(firstMismatch(run('exp', x, x), x, exp)).toBeNull();
    const near = Float64Array.from(atWords(EXP_WORDS, 20_000, 14), (v) => -v);
    expect(firstMismatch(run('exp', near, near), near, exp)).toBeNull();
  });

  it('exp at random x ≤ 0, of every magnitude and bit pattern', () => {
    const s = new NormalSource(15);
    const x = new Float64Array(200_000);
    for (let i = 0; i < x.length; i++) {
      const r = s.nextUniform();
      if (i % 3 === 0) x[i] = -750 * r;
      else if (i % 3 === 1) x[i] = -(2 ** (80 * r - 70));
      // A negative double of any exponent, subnormals and NaNs with payloads among them.
      else x[i] = -Math.abs(fromWords((s.nextUniform() * 2 ** 31) | 0, s.nextUniform() * 2 ** 32));
    }
    expect(firstMismatch(run('exp', x, x), x, exp)).toBeNull();
  });

  it('ln on (1, 2]: its branch edges, 2, NaN and random u', () => {
    const words = [0x00001, 0x6147a, 0x6147b, 0x6a09c, 0x6b851, 0x6b852, 0xffffe];
    const u = [1 + 2 ** -52, 1 + 2 ** -51, 1 + 2 ** -21, 2 - 2 ** -52, 2, NaN];
    for (const w of words) {
      u.push(fromWords(0x3ff00000 | w, 0), fromWords(0x3ff00000 | (w - 1), 0xffffffff));
      u.push(fromWords(0x3ff00000 | w, 1));
    }
    const inWords = words.map((w) => 0x3ff00000 | w);
    for (const v of atWords(inWords, 20_000, 17)) if (v <= 2) u.push(v);
    const s = new NormalSource(16);
    for (let i = 0; i < 200_000; i++)
      u.push(
        i % 2
          ? 1 + Math.max(s.nextUniform(), 2 ** -52)
          : fromWords(0x3ff00000 | ((s.nextUniform() * 2 ** 20) | 0), s.nextUniform() * 2 ** 32),
      );
    const x = Float64Array.from(u.filter((v) => v !== 1));
    expect(firstMismatch(run('ln', x, x), x, ln)).toBeNull();
  });

  it('f64x2.max is Math.max, NaN and ±0 included', () => {
    // The log-loss's max(z, 0) at z = −0 or NaN is swallowed by what is added to it, so its
    // rules are checked here alone.
    const v = [NaN, -0, 0, -Infinity, Infinity, -1, 1, 5e-324, -5e-324];
    const z = Float64Array.from(v.flatMap((a) => v.map(() => a)));
    const t = Float64Array.from(v.flatMap(() => v));
    expect(firstMismatch(run('max', z, t), z, (zi, i) => Math.max(zi, t[i]!))).toBeNull();
  });

  it('logLoss at the edges of exp(−|z|) and ln(1 + e), ±0, ±∞ and NaN, against any target', () => {
    const zs = [...expEdges, ...expEdges.map((v) => -v), -0, NaN];
    const targets = [0, 1, -0, 0.5, -1, 3, 1e300, Infinity, -Infinity, NaN];
    const z = Float64Array.from(targets.flatMap(() => zs));
    const t = Float64Array.from(targets.flatMap((v) => zs.map(() => v)));
    expect(firstMismatch(run('logLoss', z, t), z, (zi, i) => logLoss(zi, t[i]!))).toBeNull();
  });

  it('logLoss and the squared error at random logits and targets', () => {
    const labels = fc.oneof(fc.constantFrom(0, 1), fc.double());
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.double(), fc.double({ min: -800, max: 800 })), labels), {
          minLength: 1,
          maxLength: 65,
        }),
        (pairs) => {
          const z = Float64Array.from(pairs, ([v]) => v);
          const t = Float64Array.from(pairs, ([, v]) => v);
          expect(firstMismatch(run('logLoss', z, t), z, (zi, i) => logLoss(zi, t[i]!))).toBeNull();
          const square = (zi: number, i: number) => (zi - t[i]!) * (zi - t[i]!);
          expect(firstMismatch(run('squaredError', z, t), z, square)).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });
});
