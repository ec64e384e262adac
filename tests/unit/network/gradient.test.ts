import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Examples } from '../../../src/engine/data/examples.ts';
import {
  checkArchitecture,
  layoutOf,
  parameterCount,
  parameterNames,
  type Architecture,
} from '../../../src/engine/network/architecture.ts';
import { initialParameters } from '../../../src/engine/network/init.ts';
import { Network } from '../../../src/engine/network/model.ts';
import { NormalSource } from '../../../src/engine/noise.ts';
import { anyArchitecture } from '../support/architectures.ts';

const architecture: fc.Arbitrary<Architecture> = anyArchitecture(6);

/** n examples with inputs of Playground's scale (±6) and targets fitting the head. */
function examples(n: number, seed: number, head: Architecture['head']): Examples {
  const s = new NormalSource(seed);
  const [a, b, t] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) {
    a[i] = 3 * s.nextNormal();
    b[i] = 3 * s.nextNormal();
    t[i] = head === 'classification' ? (s.nextUniform() < 0.5 ? 1 : 0) : s.nextNormal();
  }
  return { n, a, b, t };
}

describe('the network’s gradient is the derivative of its loss', () => {
  it('matches central differences for every parameter, over architectures, data and batches', () => {
    fc.assert(
      fc.property(
        architecture,
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 300 }),
        // Scales the initial weights: 3 drives tanh into saturation and ReLUs into dead units.
        fc.constantFrom(0.5, 1, 3),
        (arch, seed, n, gain) => {
          const net = new Network(arch);
          const theta = initialParameters(arch, seed).map((v) => v * gain);
          const ex = examples(n, seed ^ 0x5bd1e995, arch.head);
          // A batch of the examples in a shuffled order, through the chunked path when n > 128.
          const list = Int32Array.from({ length: n }, (_, i) => (i * 7919) % n);
          const from = Math.floor(n / 3);
          const grad = new Float64Array(net.count);
          const loss = net.lossGrad(theta, grad, ex, list, from, n);
          expect(loss).toBe(net.loss(theta, ex, list, from, n));
          const at = (i: number, d: number): number => {
            const p = theta.slice();
            p[i]! += d;
            return net.loss(p, ex, list, from, n);
          };
          for (let i = 0; i < net.count; i++) {
            const h = 1e-6 * Math.max(1, Math.abs(theta[i]!));
            const g = grad[i]!;
            const central = (at(i, h) - at(i, -h)) / (2 * h);
            const tol = 1e-6 * Math.max(1, Math.abs(g), loss);
            if (Math.abs(central - g) <= tol) continue;
            // A ReLU's kink within h of θ spoils one side; the other side still agrees, to O(h).
            const right = (at(i, h) - loss) / h;
            const left = (loss - at(i, -h)) / h;
            const kink = arch.activation === 'relu';
            const oneSided = Math.min(Math.abs(right - g), Math.abs(left - g));
            expect(
              kink && oneSided <= 1e-4 * Math.max(1, Math.abs(g)),
              `θ[${i}]: ${g} vs ${central}`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is the mean over the list, whatever its order or chunking', () => {
    const arch: Architecture = { hidden: [8, 5], activation: 'tanh', head: 'classification' };
    const net = new Network(arch);
    const theta = initialParameters(arch, 4);
    const ex = examples(300, 9, arch.head);
    const all = new Float64Array(net.count);
    const lossAll = net.lossGrad(theta, all, ex, null);
    // The mean of the gradients over the first 100, the next 150 and the last 50, weighted.
    const parts = [
      [0, 100],
      [100, 250],
      [250, 300],
    ] as const;
    const sum = new Float64Array(net.count);
    let lossSum = 0;
    const g = new Float64Array(net.count);
    for (const [from, to] of parts) {
      lossSum += net.lossGrad(theta, g, ex, null, from, to) * (to - from);
      for (let i = 0; i < g.length; i++) sum[i]! += g[i]! * (to - from);
    }
    expect(Math.abs(lossSum / 300 - lossAll)).toBeLessThan(1e-14);
    for (let i = 0; i < g.length; i++)
      expect(Math.abs(sum[i]! / 300 - all[i]!)).toBeLessThan(1e-14);
  });
});

describe('the parameter vector', () => {
  it('is laid out as torch’s named_parameters(): weight [out, in] row-major, then bias, per layer', () => {
    const arch = { hidden: [3, 4] };
    expect(parameterNames(arch)).toEqual([
      '0.weight',
      '0.bias',
      '2.weight',
      '2.bias',
      '4.weight',
      '4.bias',
    ]);
    expect(layoutOf(arch)).toEqual({
      sizes: [2, 3, 4, 1],
      weight: [0, 9, 25],
      bias: [6, 21, 29],
      count: 30,
    });
    expect(parameterCount({ hidden: [16, 16] })).toBe(337);
  });

  it('starts as torch.nn.Linear’s default: uniform in ±1/√fan_in, the same bits for the same seed', () => {
    const arch = { hidden: [16, 16] };
    const theta = initialParameters(arch, 7);
    expect(initialParameters(arch, 7)).toEqual(theta);
    expect(initialParameters(arch, 8)).not.toEqual(theta);
    const { sizes, weight, bias, count } = layoutOf(arch);
    for (let l = 0; l < weight.length; l++) {
      const bound = 1 / Math.sqrt(sizes[l]!);
      const part = theta.subarray(weight[l], l + 1 < weight.length ? weight[l + 1] : count);
      expect(Math.max(...part.map(Math.abs))).toBeLessThanOrEqual(bound * (1 + 1e-15));
      // 16 × 16 uniform weights spread over most of the range (a scale error would not).
      if (part.length > 200) expect(Math.max(...part.map(Math.abs))).toBeGreaterThan(0.95 * bound);
      expect(bias[l]).toBe(weight[l]! + sizes[l]! * sizes[l + 1]!);
    }
  });

  it('refuses architectures over their caps, naming the field', () => {
    const ok = { hidden: [16, 16], activation: 'tanh', head: 'classification' };
    expect(checkArchitecture(ok)).toBeNull();
    expect(checkArchitecture({ ...ok, hidden: [] })?.key).toBe('hidden');
    expect(checkArchitecture({ ...ok, hidden: [4, 4, 4, 4] })?.key).toBe('hidden');
    expect(checkArchitecture({ ...ok, hidden: [33] })?.key).toBe('hidden');
    expect(checkArchitecture({ ...ok, hidden: [2.5] })?.key).toBe('hidden');
    expect(checkArchitecture({ ...ok, hidden: ['8'] })?.key).toBe('hidden');
    expect(checkArchitecture({ ...ok, hidden: [32, 32, 32] })).toEqual({
      key: 'hidden',
      message: 'gives 2241 parameters; at most 2000 are allowed',
    });
    expect(checkArchitecture({ ...ok, activation: 'sigmoid' })?.key).toBe('activation');
    expect(checkArchitecture({ ...ok, head: 'softmax' })?.key).toBe('head');
  });
});
