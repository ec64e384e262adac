import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NormalSource } from '../../../src/engine/noise.ts';
import { getOptimizer, optimizers } from '../../../src/engine/optimizers/index.ts';
import { arbScene } from '../arbitraries.ts';

/**
 * Steps an n-coordinate optimizer and, beside it, ⌈n/2⌉ optimizers of the plane, one per pair of
 * coordinates (2j, 2j + 1), on the same gradients and rates; every rule is per coordinate, and
 * begin() shares only scalars, so the two must agree to the bit.
 */
function sameAsPairs(type: string, hyper: Record<string, unknown>, n: number, seed: number): void {
  const spec = getOptimizer(type)!;
  const hp = hyper as Parameters<typeof spec.create>[0];
  const wide = spec.create(hp, n);
  const pairs = Array.from({ length: Math.ceil(n / 2) }, () => spec.create(hp));
  const source = new NormalSource(seed);
  const p = Float64Array.from({ length: n }, () => source.nextNormal());
  const q = Float64Array.from(p);
  const lr0 = hyper['lr'] as number;
  for (let step = 0; step < 12; step++) {
    // A varying rate, as a schedule gives, and gradients with exact zeros now and then.
    const lr = lr0 * (1 + 0.1 * Math.sin(step));
    wide.begin(lr);
    for (const o of pairs) o.begin(lr);
    for (let i = 0; i < n; i++) {
      const g = step % 5 === 3 && i % 3 === 0 ? 0 : source.nextNormal();
      p[i] = wide.update(i, p[i]!, g, lr);
      q[i] = pairs[i >> 1]!.update(i & 1, q[i]!, g, lr);
      if (!Object.is(p[i], q[i])) {
        expect.fail(`${type} coordinate ${i} at step ${step + 1}: ${p[i]} vs ${q[i]}`);
      }
    }
  }
}

describe('every optimizer steps a vector of any length by the rule it steps the plane with', () => {
  it('bit for bit, coordinate by coordinate, over random hyperparameters and lengths', () => {
    fc.assert(
      fc.property(
        arbScene(1),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (scene, n, seed) => {
          const entry = scene.optimizers[0]!;
          sameAsPairs(entry.type, entry.hyper, n, seed);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('covers each type with its defaults and the state-heavy options on a network-sized vector', () => {
    for (const spec of optimizers) {
      const hyper: Record<string, unknown> = Object.fromEntries(
        Object.entries(spec.hyper).map(([k, s]) => [k, s.default]),
      );
      hyper['lr'] = 0.01;
      sameAsPairs(spec.type, hyper, 337, 1);
      for (const [k, v] of [
        ['momentum', 0.9],
        ['amsgrad', true],
        ['centered', true],
        ['weight_decay', 0.1],
      ] as const) {
        if (k in spec.hyper) sameAsPairs(spec.type, { ...hyper, [k]: v }, 337, 2);
      }
    }
  });
});
