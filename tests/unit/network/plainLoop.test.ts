import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Examples } from '../../../src/engine/data/examples.ts';
import { logLoss, sigmoid } from '../../../src/engine/data/logistic.ts';
import { layoutOf, type Architecture } from '../../../src/engine/network/architecture.ts';
import { initialParameters } from '../../../src/engine/network/init.ts';
import { CHUNK, Network } from '../../../src/engine/network/model.ts';
import { NormalSource } from '../../../src/engine/noise.ts';
import { tableTanh } from '../../../src/engine/math/index.ts';
import { anyArchitecture } from '../support/architectures.ts';

/**
 * The network's blocked, chunked loops against the plainest loop that sums in the same order:
 * one example at a time, each unit Σ_k w_jk·x_k in k's order then + bias, the loss summed per
 * chunk of CHUNK positions, the gradient added example by example in list order and each delta
 * Σ_j w_jk·d_j in j's order. Any change of order in the network's loops changes a last bit here.
 */
function plain(
  arch: Architecture,
  theta: Float64Array,
  ex: Examples,
  list: Int32Array | null,
  from: number,
  to: number,
) {
  const { sizes, weight, bias } = layoutOf(arch);
  const L = sizes.length - 1;
  const grad = new Float64Array(theta.length);
  const outputs: number[] = [];
  const scale = 1 / (to - from);
  let loss = 0;
  let chunk = 0;
  for (let p = from; p < to; p++) {
    const i = list === null ? p : list[p]!;
    // hs[l]: layer l's outputs after the activation (hs[0] the inputs; the last is the logit).
    const hs: number[][] = [[ex.a[i]!, ex.b[i]!]];
    for (let l = 0; l < L; l++) {
      const h = hs[l]!;
      const z: number[] = [];
      for (let j = 0; j < sizes[l + 1]!; j++) {
        const row = weight[l]! + j * sizes[l]!;
        let s = theta[row]! * h[0]!;
        for (let k = 1; k < sizes[l]!; k++) s += theta[row + k]! * h[k]!;
        s += theta[bias[l]! + j]!;
        z.push(l + 1 === L ? s : arch.activation === 'relu' ? (s < 0 ? 0 : s) : tableTanh(s));
      }
      hs.push(z);
    }
    const out = hs[L]![0]!;
    outputs.push(out);
    const t = ex.t[i]!;
    let d: number[];
    if (arch.head === 'classification') {
      chunk += logLoss(out, t);
      d = [(sigmoid(out) - t) * scale];
    } else {
      const e = out - t;
      chunk += e * e;
      d = [2 * e * scale];
    }
    if ((p - from) % CHUNK === CHUNK - 1 || p + 1 === to) {
      loss += chunk;
      chunk = 0;
    }
    for (let l = L - 1; l >= 0; l--) {
      const h = hs[l]!;
      const nIn = sizes[l]!;
      for (let j = 0; j < d.length; j++) {
        grad[bias[l]! + j]! += d[j]!;
        for (let k = 0; k < nIn; k++) grad[weight[l]! + j * nIn + k]! += d[j]! * h[k]!;
      }
      if (l === 0) break;
      const below: number[] = [];
      for (let k = 0; k < nIn; k++) {
        let s = theta[weight[l]! + k]! * d[0]!;
        for (let j = 1; j < d.length; j++) s += theta[weight[l]! + j * nIn + k]! * d[j]!;
        const hk = h[k]!;
        below.push(arch.activation === 'relu' ? (hk > 0 ? s : 0) : s * (1 - hk * hk));
      }
      d = below;
    }
  }
  return { loss: loss / (to - from), grad, outputs };
}

function examples(n: number, seed: number): Examples {
  const s = new NormalSource(seed);
  const [a, b, t] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) {
    a[i] = 3 * s.nextNormal();
    b[i] = 3 * s.nextNormal();
    t[i] = s.nextUniform() < 0.5 ? 1 : 0;
  }
  return { n, a, b, t };
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return `[${i}] ${a[i]} ≠ ${b[i]}`;
  return null;
};

/** Checks loss, gradient and outputs of `arch` at n examples against the plain loop. */
function check(arch: Architecture, seed: number, n: number, gain: number) {
  const net = new Network(arch);
  const theta = initialParameters(arch, seed).map((v) => v * gain);
  const ex = examples(n, seed + 1);
  const list = Int32Array.from({ length: n }, (_, i) => (i * 7919 + seed) % n);
  const from = Math.floor(n / 5);
  const want = plain(arch, theta, ex, list, from, n);
  const grad = new Float64Array(net.count);
  expect(Object.is(net.lossGrad(theta, grad, ex, list, from, n), want.loss)).toBe(true);
  expect(Object.is(net.loss(theta, ex, list, from, n), want.loss)).toBe(true);
  expect(same(grad, want.grad)).toBeNull();
  // Outputs over every example in order, through the list-free path.
  const all = plain(arch, theta, ex, null, 0, n);
  const out = new Float64Array(n);
  net.outputs(theta, ex, out);
  expect(same(out, all.outputs)).toBeNull();
  expect(Object.is(net.loss(theta, ex, null), all.loss)).toBe(true);
}

describe('the network computes the bits of a plain loop summing in the same order', () => {
  // Odd and even widths, 1–3 hidden layers, both activations and heads; example counts below,
  // at and past the chunk, not multiples of any blocking.
  const cases: [Architecture, number][] = [
    [{ hidden: [1], activation: 'tanh', head: 'regression' }, 7],
    [{ hidden: [3], activation: 'relu', head: 'classification' }, 130],
    [{ hidden: [5, 7], activation: 'tanh', head: 'classification' }, 301],
    [{ hidden: [16, 16], activation: 'tanh', head: 'classification' }, 259],
    [{ hidden: [16, 16], activation: 'relu', head: 'regression' }, 258],
    [{ hidden: [7, 1, 9], activation: 'relu', head: 'classification' }, 257],
    [{ hidden: [13, 6, 11], activation: 'tanh', head: 'regression' }, 133],
    [{ hidden: [32, 2, 31], activation: 'tanh', head: 'classification' }, 45],
  ];
  it.each(cases)('%j at %i examples', (arch, n) => {
    for (const gain of [1, 3]) check(arch, n, n, gain);
  });

  it('over random architectures and example counts', () => {
    fc.assert(
      fc.property(
        anyArchitecture(12),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 1000 }),
        (arch, n, seed) => check(arch, seed, n, 2),
      ),
      { numRuns: 40 },
    );
  });
});
