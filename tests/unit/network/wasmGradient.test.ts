import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Examples } from '../../../src/engine/data/examples.ts';
import { MAX_UNITS, type Architecture } from '../../../src/engine/network/architecture.ts';
import { initialParameters } from '../../../src/engine/network/init.ts';
import { Network } from '../../../src/engine/network/model.ts';
import { fastNetwork } from '../../../src/engine/network/wasm/fastNetwork.ts';
import { WasmForward } from '../../../src/engine/network/wasm/wasmForward.ts';
import { NormalSource } from '../../../src/engine/noise.ts';
import { anyArchitecture } from '../support/architectures.ts';

/**
 * The WebAssembly mini-batch gradient against the JS network's (Network.lossGrad), bit for bit
 * (Object.is: a −0 or a different NaN-ness fails): over architectures at and around the kernels'
 * groups and MAX_UNITS, batches around a pair and the 64-example chunk, listed or contiguous, and
 * values that saturate tanh, sit on ReLU's kink or are not finite.
 */

function examples(n: number, seed: number, spread: number): Examples {
  const s = new NormalSource(seed);
  const [a, b, t] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) {
    a[i] = spread * s.nextNormal();
    b[i] = spread * s.nextNormal();
    t[i] = s.nextUniform() < 0.5 ? 1 : s.nextNormal();
  }
  return { n, a, b, t };
}

const firstMismatch = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return `[${i}] ${a[i]} ≠ ${b[i]}`;
  return null;
};

/** A permutation of 0…n − 1 (a batch order's). */
function shuffled(n: number, seed: number): Int32Array {
  const s = new NormalSource(seed);
  const list = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(s.nextUniform() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** The gradients of the two over examples from…from + batch, listed and not. */
function check(arch: Architecture, theta: Float64Array, ex: Examples, from: number, batch: number) {
  const net = new Network(arch);
  const wasm = new WasmForward(arch);
  const want = new Float64Array(net.count).fill(NaN);
  const got = new Float64Array(net.count).fill(NaN);
  for (const list of [null, shuffled(ex.n, batch)]) {
    net.lossGrad(theta, want, ex, list, from, from + batch);
    wasm.gradient(theta, got, ex, list, from, from + batch);
    expect(firstMismatch(got, want)).toBeNull();
  }
}

describe('the WebAssembly gradient has the bits of the JS network', () => {
  const cases: Architecture[] = [
    { hidden: [1], activation: 'tanh', head: 'regression' },
    { hidden: [16, 16], activation: 'tanh', head: 'classification' },
    { hidden: [16, 16], activation: 'relu', head: 'classification' },
    { hidden: [16, 16], activation: 'relu', head: 'regression' },
    { hidden: [5, 7], activation: 'tanh', head: 'regression' },
    { hidden: [7, 1, 9], activation: 'relu', head: 'classification' },
    { hidden: [13, 12, 11], activation: 'tanh', head: 'classification' },
    { hidden: [MAX_UNITS, 2, 31], activation: 'tanh', head: 'classification' },
    { hidden: [MAX_UNITS, MAX_UNITS], activation: 'relu', head: 'regression' },
  ];
  // One example, a pair and a half, B = 32, either side of the 64-example chunk, several chunks.
  const batches = [1, 2, 3, 31, 32, 63, 64, 65, 129, 300];
  it.each(cases)('%j', (arch) => {
    const ex = examples(400, 7, 1.5);
    for (const [gain, batch] of batches.map((b, i) => [[1, 3, 30][i % 3]!, b] as const)) {
      const theta = initialParameters(arch, batch).map((v) => v * gain);
      check(arch, theta, ex, 400 - batch - (batch % 7), batch);
    }
  });

  it('over random architectures, weights, data and batches', () => {
    fc.assert(
      fc.property(
        anyArchitecture(),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (arch, batch, seed, log10Gain, spread) => {
          const theta = initialParameters(arch, seed).map((v) => v * 10 ** log10Gain);
          check(arch, theta, examples(batch + 5, seed, spread), 5, batch);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('at ReLU’s kink, tanh’s saturation, signed zeros and values that are not finite', () => {
    // Inputs of ±0 on a net whose first layer has zero biases: pre-activations of exactly ±0
    // (ReLU's derivative there is 0); weights of ±1e3 saturate tanh (1 − h·h = 0); one example
    // of the batch carries an ∞ or a NaN, which the gradient sums must carry alike.
    for (const activation of ['relu', 'tanh'] as const) {
      for (const head of ['classification', 'regression'] as const) {
        const arch: Architecture = { hidden: [3, 4], activation, head };
        const ex = examples(40, 3, 1);
        for (let i = 0; i < 40; i += 3) [ex.a[i], ex.b[i]] = [i % 2 ? 0 : -0, -0];
        const theta = initialParameters(arch, 5);
        for (let k = 6; k < 9; k++) theta[k] = k % 2 ? 0 : -0;
        check(arch, theta, ex, 0, 40);
        check(
          arch,
          theta.map((v, k) => (k < 6 ? v * 1e3 : v)),
          ex,
          0,
          40,
        );
        for (const bad of [Infinity, -Infinity, NaN]) {
          const worse = { ...ex, a: ex.a.slice() };
          worse.a[17] = bad;
          check(arch, theta, worse, 0, 40);
          check(arch, theta, worse, 10, 8);
        }
      }
    }
  });

  it('is what a Network of the WebAssembly kernel takes, and what training steps with', () => {
    const arch: Architecture = { hidden: [16, 16], activation: 'tanh', head: 'classification' };
    const ex = examples(100, 9, 1);
    const theta = initialParameters(arch, 2);
    const [want, got] = [new Float64Array(337), new Float64Array(337)];
    new Network(arch).lossGrad(theta, want, ex, null, 20, 52);
    fastNetwork(arch).gradient(theta, got, ex, null, 20, 52);
    expect(firstMismatch(got, want)).toBeNull();
    // An empty batch: no kernel call, the JS loops' zeros.
    fastNetwork(arch).gradient(theta, got, ex, null, 20, 20);
    expect([...got].every((v) => Object.is(v, 0))).toBe(true);
  });
});
