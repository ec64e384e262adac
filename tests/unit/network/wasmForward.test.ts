import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Examples } from '../../../src/engine/data/examples.ts';
import { tanhParts } from '../../../src/engine/math/tableTanh.ts';
import { tableTanh } from '../../../src/engine/math/index.ts';
import { MAX_UNITS, type Architecture } from '../../../src/engine/network/architecture.ts';
import { initialParameters } from '../../../src/engine/network/init.ts';
import { Network } from '../../../src/engine/network/model.ts';
import { WasmForward } from '../../../src/engine/network/wasm/wasmForward.ts';
import { NormalSource } from '../../../src/engine/noise.ts';
import { anyArchitecture } from '../support/architectures.ts';

/**
 * The WebAssembly forward pass against the network's JS loops, bit for bit (Object.is: a −0 or a
 * different NaN-ness fails): outputs and the full-batch loss, over random architectures, weights
 * and inputs, and tanh at its edges through a network whose output is tanh(a) itself.
 */

function examples(n: number, seed: number, spread: number): Examples {
  const s = new NormalSource(seed);
  const [a, b, t] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) {
    a[i] = spread * s.nextNormal();
    b[i] = spread * s.nextNormal();
    t[i] = s.nextUniform() < 0.5 ? 1 : 0;
  }
  return { n, a, b, t };
}

const firstMismatch = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return `[${i}] ${a[i]} ≠ ${b[i]}`;
  return null;
};

/** Checks outputs and loss of `arch` on n examples, the parameters scaled by `gain`. */
function check(arch: Architecture, seed: number, n: number, gain: number, spread: number) {
  const theta = initialParameters(arch, seed).map((v) => v * gain);
  const ex = examples(n, seed + 1, spread);
  const net = new Network(arch);
  const wasm = new WasmForward(arch);
  const want = new Float64Array(n);
  const got = new Float64Array(n);
  net.outputs(theta, ex, want);
  wasm.outputs(theta, ex, got);
  expect(firstMismatch(got, want)).toBeNull();
  expect(Object.is(wasm.loss(theta, ex), net.loss(theta, ex, null))).toBe(true);
}

describe('the WebAssembly forward pass has the bits of the JS network', () => {
  // 1–3 hidden layers, widths at and around the kernel's group of 4 and MAX_UNITS, both
  // activations and heads; odd counts (a padded pair), counts past a 64-example chunk and past
  // WasmForward's blocks.
  const cases: [Architecture, number][] = [
    [{ hidden: [1], activation: 'tanh', head: 'regression' }, 1],
    [{ hidden: [16, 16], activation: 'tanh', head: 'classification' }, 750],
    [{ hidden: [16, 16], activation: 'relu', head: 'classification' }, 250],
    [{ hidden: [16, 16], activation: 'relu', head: 'regression' }, 129],
    [{ hidden: [3], activation: 'relu', head: 'classification' }, 64],
    [{ hidden: [5, 7], activation: 'tanh', head: 'regression' }, 65],
    [{ hidden: [7, 1, 9], activation: 'relu', head: 'classification' }, 257],
    [{ hidden: [MAX_UNITS, 2, 31], activation: 'tanh', head: 'classification' }, 45],
    [{ hidden: [MAX_UNITS, MAX_UNITS, MAX_UNITS], activation: 'tanh', head: 'regression' }, 200],
    // Around WasmForward's block of 1,024 examples: one, one and a pair's half, several.
    [{ hidden: [4], activation: 'relu', head: 'classification' }, 1024],
    [{ hidden: [3, 5], activation: 'tanh', head: 'classification' }, 1025],
    [{ hidden: [6], activation: 'relu', head: 'regression' }, 3001],
  ];
  it.each(cases)('%j at %i examples', (arch, n) => {
    for (const [gain, spread] of [
      [1, 1],
      [3, 3],
      [30, 100],
    ] as const)
      check(arch, n, n, gain, spread);
  });

  it('over random architectures, weights and inputs', () => {
    fc.assert(
      fc.property(
        anyArchitecture(),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (arch, n, seed, gain, spread) => check(arch, seed, n, gain, spread),
      ),
      { numRuns: 60 },
    );
  });

  it('has the log-loss of the JS network over random classifiers, weights and data', () => {
    // Gains from 10^-3 to 10^3: logits from near 0 (exp(−|z|) ≈ 1) past exp's underflow.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: MAX_UNITS }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('tanh' as const, 'relu' as const),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (hidden, activation, n, seed, log10Gain, spread) =>
          check({ hidden, activation, head: 'classification' }, seed, n, 10 ** log10Gain, spread),
      ),
      { numRuns: 150 },
    );
  });

  it('has the log-loss of the JS network at logits on every edge of exp and ln', () => {
    // [2, 2, 1] ReLU with θ = (1, 0, −1, 0, −0, −0, 1, −1, −0) outputs relu(a) − relu(−a) = a
    // exactly (±0, ±∞ and NaN included), so the logits are the inputs a.
    const arch: Architecture = { hidden: [2], activation: 'relu', head: 'classification' };
    const theta = Float64Array.of(1, 0, -1, 0, -0, -0, 1, -1, -0);
    const edges = [0, 5e-324, 2 ** -54, 2 ** -53, 2 ** -28, 1e-9, 0.25, 0.3465735902799726];
    edges.push(0.35, 1, 1.0397207708399179, 1.04, 2, 20, 36, 37, 100, 708, 708.4, 709.78);
    edges.push(709.8, 744, 745.1332191019411, 745.2, 1e300, Number.MAX_VALUE, Infinity);
    const s = new NormalSource(15);
    const z = [...edges, ...edges.map((v) => -v), NaN];
    for (let i = 0; i < 2000; i++) z.push((s.nextUniform() - 0.5) * 2 ** (s.nextUniform() * 12));
    const net = new Network(arch);
    const wasm = new WasmForward(arch);
    for (const n of [z.length, z.length - 1, 1, 2, 3]) {
      const a = Float64Array.from(z.slice(0, n));
      const ex = {
        n,
        a,
        b: new Float64Array(n).fill(-0),
        t: a.map(() => +(s.nextUniform() < 0.5)),
      };
      const got = new Float64Array(n);
      wasm.outputs(theta, ex, got);
      expect(firstMismatch(got, a)).toBeNull();
      expect(Object.is(wasm.loss(theta, ex), net.loss(theta, ex, null))).toBe(true);
      // Each example alone, so that no NaN or ∞ among them hides another's loss.
      for (let i = 0; i < n; i++) {
        const one = {
          n: 1,
          a: a.subarray(i, i + 1),
          b: ex.b.subarray(0, 1),
          t: ex.t.subarray(i, i + 1),
        };
        expect(Object.is(wasm.loss(theta, one), net.loss(theta, one, null))).toBe(true);
      }
    }
  });

  it.each([
    ['tanh', tableTanh],
    ['relu', (x: number) => (x < 0 ? 0 : x)],
  ] as const)(
    'computes %s at its edges, whatever the value beside it in the pair',
    (activation, f) => {
      // [2, 1, 1] with θ = (1, 0, −0, 1, −0): the pre-activation is 1·a + 0·(−0) + (−0) = a
      // exactly (−0 included), the output 1·f(a) + (−0) = f(a).
      const arch: Architecture = { hidden: [1], activation, head: 'regression' };
      const theta = Float64Array.of(1, 0, -0, 1, -0);
      const { BIG, TINY } = tanhParts();
      const up = (x: number) => x * (1 + 2 ** -52);
      const down = (x: number) => x * (1 - 2 ** -53);
      const edges = [
        0,
        5e-324,
        2.2250738585072014e-308,
        1e-300,
        down(TINY),
        TINY,
        up(TINY),
        1e-5,
        // Table points (six significant bits) and the halfway points between them, where the
        // split turns, in the first binade, around 1 and in the last.
        ...[TINY, 0.125, 0.5, 1, 16].flatMap((b) =>
          [0, 1, 31].flatMap((m) => {
            const c = b * (1 + m / 32);
            const half = b * (1 + (m + 0.5) / 32);
            return [c, down(c), up(c), half, down(half), up(half)];
          }),
        ),
        Math.PI,
        down(BIG),
        BIG,
        up(BIG),
        20,
        710,
        1e300,
        Number.MAX_VALUE,
        Infinity,
        NaN,
      ];
      const values = [...edges, ...edges.map((x) => -x)];
      const net = new Network(arch);
      const wasm = new WasmForward(arch);
      // Every rotation pairs each value with other partners; odd and even counts.
      for (let shift = 0; shift < values.length; shift += 7) {
        const a = Float64Array.from(values, (_, i) => values[(i + shift) % values.length]!);
        for (const n of [a.length, a.length - 1]) {
          const ex = {
            n,
            a: a.subarray(0, n),
            b: new Float64Array(n).fill(-0),
            t: new Float64Array(n),
          };
          const got = new Float64Array(n);
          const js = new Float64Array(n);
          wasm.outputs(theta, ex, got);
          net.outputs(theta, ex, js);
          expect(
            firstMismatch(
              got,
              Float64Array.from(ex.a, (x) => f(x)),
            ),
          ).toBeNull();
          expect(firstMismatch(got, js)).toBeNull();
        }
      }
    },
  );
});
