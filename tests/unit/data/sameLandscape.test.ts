import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/index.ts';
import { sameLandscape } from '../../../src/engine/sameLandscape.ts';
import { sceneFromPreset } from '../../../src/preset/index.ts';

const fnOf = (fn: Record<string, unknown>) =>
  sceneFromPreset({ v: 1, fn, steps: 3, optimizers: [{ type: 'sgd' }] }).fn;

describe('sameLandscape', () => {
  it('keeps the field of a loss made of data when only B changes, whose f is the same', () => {
    const a = fnOf({ id: 'sparse_logistic', params: { n: 300, batch: 8 } });
    const b = fnOf({ id: 'sparse_logistic', params: { n: 300, batch: 64 } });
    expect(sameLandscape(a, b)).toBe(true);
    // The claim itself: f agrees everywhere, while the runs differ.
    for (const [x, y] of [
      [0, 0],
      [1.5, -2],
      [-3, 0.25],
    ] as const) {
      const sceneA = sceneFromPreset({
        v: 1,
        fn: a,
        start: [x, y],
        steps: 3,
        optimizers: [{ type: 'sgd' }],
      });
      const sceneB = { ...sceneA, fn: b };
      expect(simulate(sceneB).runs[0]!.f[0]).toBe(simulate(sceneA).runs[0]!.f[0]);
    }
  });

  it('asks again for anything else that changes the data, another function, or a formula', () => {
    const base = { id: 'linear_regression', params: { n: 300, batch: 8 } };
    const a = fnOf(base);
    for (const params of [{ n: 301 }, { test: 0.5 }, { seed: 2 }, { noise: 2 }])
      expect(sameLandscape(a, fnOf({ ...base, params: { ...base.params, ...params } }))).toBe(
        false,
      );
    expect(sameLandscape(a, fnOf({ id: 'sparse_logistic', params: { n: 300, batch: 8 } }))).toBe(
      false,
    );
    const rosenbrock = fnOf({ id: 'rosenbrock', params: { a: 1 } });
    expect(sameLandscape(rosenbrock, rosenbrock)).toBe(true);
    expect(sameLandscape(rosenbrock, fnOf({ id: 'rosenbrock', params: { a: 2 } }))).toBe(false);
    expect(
      sameLandscape(fnOf({ id: 'custom', expr: 'x^2 + y^2' }), fnOf({ id: 'custom', expr: 'x^2' })),
    ).toBe(false);
  });
});
