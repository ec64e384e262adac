import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchOrder } from '../../../src/engine/data/batches.ts';
import { gradientCloud } from '../../../src/engine/data/cloud.ts';
import { ellipseOf } from '../../../src/render/data/ellipse.ts';
import type { Dataset, Examples } from '../../../src/engine/data/examples.ts';
import { leastSquares } from '../../../src/engine/data/fit.ts';
import {
  LinearRegression,
  LogisticRegression,
  type DataObjective,
} from '../../../src/engine/data/objective.ts';
import { ShiftedWells } from '../../../src/engine/data/wells.ts';
import { dataModels, defaultParams } from '../../../src/engine/functions/index.ts';
import { inspectRun } from '../../../src/engine/inspect.ts';
import type { Params, TestFunction } from '../../../src/engine/types.ts';
import { sceneFromPreset } from '../../../src/preset/index.ts';

const models = [
  [LinearRegression, dataModels[0]!],
  [LogisticRegression, dataModels[1]!],
  [ShiftedWells, dataModels[2]!],
] as const;

const paramsOf = (fn: TestFunction, seed: number, n = 40): Params => ({
  ...defaultParams(fn),
  n,
  seed,
  // Three quarters for training, whatever the model's default split.
  test: 0.25,
});

/** Example i alone, as a training set: its objective's f is ℓᵢ. */
function alone(ex: Examples, i: number): Dataset {
  const one = (c: Float64Array) => c.subarray(i, i + 1);
  const train = { n: 1, a: one(ex.a), b: one(ex.b), t: one(ex.t) };
  return { train, test: train };
}

describe('the gradient cloud', () => {
  it.each(models)(
    '%o: each per-example gradient matches central differences of ℓᵢ',
    (Model, fn) => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1000 }),
          fc.double({ min: -4, max: 4, noNaN: true }),
          fc.double({ min: -4, max: 4, noNaN: true }),
          (seed, x, y) => {
            const params = paramsOf(fn, seed);
            const objective = fn.create(params, 3) as DataObjective;
            const { train } = objective.data;
            const gx = new Float64Array(train.n);
            const gy = new Float64Array(train.n);
            objective.exampleGrads(x, y, gx, gy);
            const h = 1e-6;
            for (let i = 0; i < train.n; i++) {
              const one = new Model(alone(train, i), new BatchOrder(1, 1, 0));
              const dx = (one.f(x + h, y) - one.f(x - h, y)) / (x + h - (x - h));
              const dy = (one.f(x, y + h) - one.f(x, y - h)) / (y + h - (y - h));
              expect(gx[i]).toBeCloseTo(dx, 4);
              expect(gy[i]).toBeCloseTo(dy, 4);
            }
          },
        ),
        { numRuns: 25 },
      );
    },
  );

  it.each(models)('%o: G, Σ and the batch gradient agree with direct computations', (_, fn) => {
    const objective = fn.create(paramsOf(fn, 7, 300), 11) as DataObjective;
    const [x, y] = [0.4, -0.7];
    const cloud = gradientCloud(objective, x, y, 5);
    const n = objective.data.train.n;
    const gs = Array.from({ length: n }, (_, i) => [cloud.gx[i]!, cloud.gy[i]!] as const);
    // G is the landscape's gradient (the full-batch one).
    const full = [0, 0];
    objective.grad(x, y, full);
    expect(cloud.mean[0]).toBeCloseTo(full[0]!, 12);
    expect(cloud.mean[1]).toBeCloseTo(full[1]!, 12);
    // Σ from a separate two-pass computation over the same gradients, entry by entry.
    const m = [0, 1].map((c) => gs.reduce((s, g) => s + g[c]!, 0) / n);
    const entry = (c: number, d: number) =>
      gs.reduce((s, g) => s + (g[c]! - m[c]!) * (g[d]! - m[d]!), 0) / n;
    expect(cloud.cov.xx).toBeCloseTo(entry(0, 0), 12);
    expect(cloud.cov.xy).toBeCloseTo(entry(0, 1), 12);
    expect(cloud.cov.yy).toBeCloseTo(entry(1, 1), 12);
    expect(cloud.trace).toBeCloseTo(entry(0, 0) + entry(1, 1), 12);
    expect(cloud.noiseScale).toBeCloseTo(cloud.trace / (m[0]! ** 2 + m[1]! ** 2), 9);
    // The batch gradient is the mean of the per-example gradients of step 5's batch.
    const indices = objective.order.indices(5);
    expect(Array.from(cloud.indices)).toEqual(indices);
    for (const c of [0, 1]) {
      const mean = indices.reduce((s, i) => s + gs[i]![c]!, 0) / indices.length;
      expect(cloud.batchGrad[c]).toBeCloseTo(mean, 12);
    }
  });

  it('the batch-mean covariance is exact for sampling without replacement', () => {
    // Every 3-subset of 7 examples is equally likely as a batch: the covariance of its mean,
    // enumerated, is (N − B)/(N − 1) · Σ/B.
    const fn = dataModels[1]!;
    const params = { ...paramsOf(fn, 4, 7), test: 0, batch: 3, sparsity: 1 };
    const objective = fn.create(params, 0) as DataObjective;
    const cloud = gradientCloud(objective, 0.3, 1.2, 0);
    const means: [number, number][] = [];
    for (let i = 0; i < 7; i++)
      for (let j = i + 1; j < 7; j++)
        for (let k = j + 1; k < 7; k++) {
          const at = (c: Float64Array) => (c[i]! + c[j]! + c[k]!) / 3;
          means.push([at(cloud.gx), at(cloud.gy)]);
        }
    expect(means).toHaveLength(35);
    const mu = [0, 1].map((c) => means.reduce((s, v) => s + v[c]!, 0) / means.length);
    expect(mu[0]).toBeCloseTo(cloud.mean[0], 12);
    const cov = (c: number, d: number) =>
      means.reduce((s, v) => s + (v[c]! - mu[c]!) * (v[d]! - mu[d]!), 0) / means.length;
    expect(cloud.batchCov.xx).toBeCloseTo(cov(0, 0), 12);
    expect(cloud.batchCov.xy).toBeCloseTo(cov(0, 1), 12);
    expect(cloud.batchCov.yy).toBeCloseTo(cov(1, 1), 12);
    expect(cloud.batchCov.xx).toBeGreaterThan(0);
  });

  it('the batch-mean covariance shrinks as B grows and vanishes at B = N', () => {
    const fn = dataModels[0]!;
    const traces = [1, 4, 16, 64, 150].map((batch) => {
      const params = { ...paramsOf(fn, 2, 200), batch };
      const { batchCov } = gradientCloud(fn.create(params, 1) as DataObjective, 0, 0, 0);
      return batchCov.xx + batchCov.yy;
    });
    for (let k = 1; k < traces.length; k++) expect(traces[k]).toBeLessThan(traces[k - 1]!);
    // 200 examples with a test share of 0.25: 150 train, so B = 150 is the full batch.
    expect(defaultParams(fn)['test']).toBe(0.25);
    expect(traces[4]).toBe(0);
  });

  it('noiseless linear regression at its minimum: every per-example gradient is 0', () => {
    const fn = dataModels[0]!;
    const params = { ...paramsOf(fn, 9, 500), noise: 0 };
    const objective = fn.create(params, 0) as DataObjective;
    const [x, y] = leastSquares(objective.data.train)!;
    // The data lie on t = 2a − 1: the fit is that line, where each residual is 0 up to rounding.
    expect(x).toBeCloseTo(2, 12);
    expect(y).toBeCloseTo(-1, 12);
    const cloud = gradientCloud(objective, 2, -1, 3);
    expect(Math.max(...cloud.gx.map(Math.abs), ...cloud.gy.map(Math.abs))).toBeLessThan(1e-14);
    expect(cloud.trace).toBeLessThan(1e-28);
    expect(cloud.norm).toBeLessThan(1e-14);
    // Away from it, the noise scale is a finite positive number, and at the true line of noisy
    // data (σ = 0.5) the spread is σ-sized while G is nearly 0: B_noise is large.
    const off = gradientCloud(objective, 1, 0, 3);
    expect(off.noiseScale).toBeGreaterThan(0);
    expect(Number.isFinite(off.noiseScale)).toBe(true);
    const noisy = fn.create({ ...params, noise: 0.5 }, 0) as DataObjective;
    const fit = leastSquares(noisy.data.train)!;
    expect(gradientCloud(noisy, fit[0], fit[1], 3).noiseScale).toBeGreaterThan(1e6);
  });

  it('B_noise on a case with a known answer: two examples, one gradient each way', () => {
    // ℓ₁ = (x + y − 1)², ℓ₂ = (x + y + 1)² at (0, 0): ∇ℓ₁ = (−2, −2), ∇ℓ₂ = (2, 2); add a third
    // example ℓ₃ = (x + y − 1)² so that G = (−2/3, −2/3). Σ = mean of outer products − GGᵀ:
    // tr Σ = 2·(4 − 4/9) = 64/9, ‖G‖² = 8/9, B_noise = 8.
    const col = (...v: number[]) => Float64Array.from(v);
    const train = { n: 3, a: col(1, 1, 1), b: col(0, 0, 0), t: col(1, -1, 1) };
    const objective = new LinearRegression({ train, test: train }, new BatchOrder(3, 2, 0));
    const cloud = gradientCloud(objective, 0, 0, 0);
    expect(cloud.mean[0]).toBeCloseTo(-2 / 3, 14);
    expect(cloud.trace).toBeCloseTo(64 / 9, 13);
    expect(cloud.noiseScale).toBeCloseTo(8, 12);
    // B = 2 of N = 3: (3 − 2)/(3 − 1) · Σ/2 = Σ/4.
    expect(cloud.batchCov.xx).toBeCloseTo(cloud.cov.xx / 4, 14);
  });

  it('the mini-batch gradient is the one the engine used at that step', () => {
    const scene = sceneFromPreset({
      v: 1,
      fn: { id: 'sparse_logistic', params: { n: 300, batch: 16 } },
      steps: 40,
      noise: { seed: 5 },
      optimizers: [{ type: 'sgd', lr: 0.5 }],
    });
    const ins = inspectRun(scene, 0);
    const objective = dataModels[1]!.create(scene.fn.params, scene.noise.seed) as DataObjective;
    for (const k of [1, 2, 17, 40]) {
      // Step k (1-based, as the inspector counts) took batch k − 1 at point k − 1.
      const cloud = gradientCloud(objective, ins.x[k - 1]!, ins.y[k - 1]!, k - 1);
      expect(cloud.batchGrad[0]).toBe(ins.gx[k]);
      expect(cloud.batchGrad[1]).toBe(ins.gy[k]);
    }
  });

  it('ellipses: the axes of a diagonal and of a rotated covariance', () => {
    const d = ellipseOf({ xx: 4, xy: 0, yy: 1 }, 2);
    expect([d.major, d.minor, d.angle]).toEqual([4, 2, 0]);
    // [[2, 1], [1, 2]]: eigenvalues 3 and 1, the major axis along (1, 1).
    const r = ellipseOf({ xx: 2, xy: 1, yy: 2 }, 1);
    expect(r.major).toBeCloseTo(Math.sqrt(3), 14);
    expect(r.minor).toBeCloseTo(1, 14);
    expect(r.angle).toBeCloseTo(Math.PI / 4, 14);
    expect(ellipseOf({ xx: 0, xy: 0, yy: 0 }, 2)).toEqual({ major: 0, minor: 0, angle: 0 });
  });
});
