import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchOrder } from '../../../src/engine/data/batches.ts';
import type { Dataset, Examples } from '../../../src/engine/data/examples.ts';
import { trainSize } from '../../../src/engine/data/examples.ts';
import {
  LinearRegression,
  LogisticRegression,
  type DataObjective,
} from '../../../src/engine/data/objective.ts';
import { ShiftedWells } from '../../../src/engine/data/wells.ts';
import { dataModels, defaultParams } from '../../../src/engine/functions/index.ts';
import { builtinObjective, simulate } from '../../../src/engine/index.ts';
import { runSweep } from '../../../src/engine/sweep/index.ts';
import { fieldGrid } from '../../../src/engine/data/grid.ts';
import type { Params, TestFunction } from '../../../src/engine/types.ts';
import { parsePreset, sceneFromPreset } from '../../../src/preset/index.ts';

const models = [
  [LinearRegression, dataModels[0]!],
  [LogisticRegression, dataModels[1]!],
  [ShiftedWells, dataModels[2]!],
] as const;

/** Example i alone, as a training set: its objective's f is ℓᵢ and its full gradient ∇ℓᵢ. */
function alone(ex: Examples, i: number): Dataset {
  const one = (c: Float64Array) => c.subarray(i, i + 1);
  const train = { n: 1, a: one(ex.a), b: one(ex.b), t: one(ex.t) };
  return { train, test: train };
}

/** The largest curvature of f at p: the Hessian's largest eigenvalue, by central differences of the gradient. */
function curvature(objective: DataObjective, [x, y]: readonly number[]): number {
  const h = 1e-5;
  const g = (px: number, py: number) => {
    const out = [NaN, NaN];
    objective.grad(px, py, out);
    return out as [number, number];
  };
  const [ax, ay] = g(x! + h, y!);
  const [bx, by] = g(x! - h, y!);
  const [cx, cy] = g(x!, y! + h);
  const [dx, dy] = g(x!, y! - h);
  const hxx = (ax - bx) / (2 * h);
  const hyy = (cy - dy) / (2 * h);
  const hxy = ((ay - by) / (2 * h) + (cx - dx) / (2 * h)) / 2;
  return (hxx + hyy) / 2 + Math.hypot((hxx - hyy) / 2, hxy);
}

const paramsOf = (fn: TestFunction, seed: number): Params => ({
  ...defaultParams(fn),
  n: 40,
  seed,
  // Three quarters for training, whatever the model's default split.
  test: 0.25,
});

describe('losses made of data', () => {
  it.each(models)('%o: every per-example gradient matches central differences', (Model, fn) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 29 }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        (seed, i, x, y) => {
          const { train } = fn.data!.dataset(paramsOf(fn, seed));
          const objective: DataObjective = new Model(alone(train, i), new BatchOrder(1, 1, 0));
          const g = [NaN, NaN];
          objective.grad(x, y, g);
          const h = 1e-6;
          const dx = (objective.f(x + h, y) - objective.f(x - h, y)) / (x + h - (x - h));
          const dy = (objective.f(x, y + h) - objective.f(x, y - h)) / (y + h - (y - h));
          const tol = 1e-6 * Math.max(1, Math.hypot(g[0]!, g[1]!));
          expect(Math.abs(g[0]! - dx)).toBeLessThan(tol);
          expect(Math.abs(g[1]! - dy)).toBeLessThan(tol);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each(models)(
    '%o: a step’s gradient is the mean over its batch of the examples’ own',
    (Model, fn) => {
      const params: Params = { ...paramsOf(fn, 5), batch: 7 };
      const { train } = fn.data!.dataset(params);
      const objective = fn.create(params);
      // No seed given: the batches of noise seed 0.
      const order = new BatchOrder(trainSize(params['n']!, params['test']!), 7, 0);
      for (const step of [0, 3, 4, 11]) {
        const g = [NaN, NaN];
        objective.grad(0.3, -0.7, g, step);
        const mean: [number, number] = [0, 0];
        const batch = order.indices(step);
        for (const i of batch) {
          const gi = [NaN, NaN];
          new Model(alone(train, i), new BatchOrder(1, 1, 0)).grad(0.3, -0.7, gi);
          mean[0] += gi[0]! / batch.length;
          mean[1] += gi[1]! / batch.length;
        }
        expect(g[0]).toBeCloseTo(mean[0]!, 12);
        expect(g[1]).toBeCloseTo(mean[1]!, 12);
      }
    },
  );

  it.each(dataModels)('$id: its minima are where the full-batch gradient vanishes', (fn) => {
    for (const seed of [1, 2, 3]) {
      const params = { ...defaultParams(fn), seed };
      const minima = fn.minima(params);
      // The wells have two, a sharp and a flat one; the regressions one.
      expect(minima).toHaveLength(fn.id === 'shifted_wells' ? 2 : 1);
      for (const min of minima) {
        const g = [NaN, NaN];
        fn.create(params).grad(min[0], min[1], g);
        expect(Math.hypot(g[0]!, g[1]!)).toBeLessThan(1e-10);
      }
    }
  });

  it('shifted wells: over data seeds 1…50 the sharp minimum is 10 times sharper, and its test loss the worse in 45 or more', () => {
    const fn = dataModels[2]!;
    let worse = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const params = { ...defaultParams(fn), seed };
      const objective = fn.create(params) as DataObjective;
      const [sharp, flat] = fn.minima(params);
      expect(curvature(objective, sharp!)).toBeGreaterThan(10 * curvature(objective, flat!));
      if (objective.testF(...sharp!) > objective.testF(...flat!)) worse++;
    }
    // Measured: 49 of 50.
    expect(worse).toBeGreaterThanOrEqual(45);
  });

  it('the log-loss is stable far out, where 1 + e^−|z| rounds to 1', () => {
    const fn = dataModels[1]!;
    const f = fn.create(defaultParams(fn)).f(800, 800);
    expect(Number.isFinite(f)).toBe(true);
    expect(f).toBeGreaterThan(0);
  });

  it('a run records the training loss at every point, and the test loss when asked', () => {
    const scene = sceneFromPreset({
      v: 1,
      fn: { id: 'linear_regression', params: { n: 100, batch: 10 } },
      steps: 40,
      optimizers: [{ type: 'sgd', lr: 0.05 }],
    });
    const fn = dataModels[0]!;
    const objective = fn.create(scene.fn.params) as DataObjective;
    const [run] = simulate(scene).runs;
    expect(run!.testF).toHaveLength(41);
    for (let k = 0; k <= 40; k++) {
      expect(run!.f[k]).toBe(objective.f(run!.x[k]!, run!.y[k]!));
      expect(run!.testF![k]).toBe(objective.testF(run!.x[k]!, run!.y[k]!));
    }
    // Without held-out examples there is no test loss.
    const noTest = sceneFromPreset({
      v: 1,
      fn: { id: 'linear_regression', params: { n: 100, batch: 10, test: 0 } },
      steps: 40,
      optimizers: [{ type: 'sgd', lr: 0.05 }],
    });
    expect(simulate(noTest).runs[0]!.testF).toBeUndefined();
  });

  it('a batch of the whole training set is full-batch descent: SGD steps along −lr·∇f', () => {
    const scene = sceneFromPreset({
      v: 1,
      fn: { id: 'linear_regression', params: { n: 40, test: 0, batch: 40 } },
      steps: 5,
      optimizers: [{ type: 'sgd', lr: 0.1 }],
    });
    const objective = dataModels[0]!.create(scene.fn.params);
    const [run] = simulate(scene).runs;
    let [x, y] = scene.start;
    for (let k = 1; k <= 5; k++) {
      const g = [NaN, NaN];
      objective.grad(x, y, g);
      [x, y] = [x - 0.1 * g[0]!, y - 0.1 * g[1]!];
      expect(run!.x[k]).toBeCloseTo(x, 12);
      expect(run!.y[k]).toBeCloseTo(y, 12);
    }
  });
});

describe('data scenes in presets', () => {
  const problems = (params: Record<string, unknown>) => {
    const parsed = parsePreset({
      v: 1,
      fn: { id: 'linear_regression', params },
      steps: 10,
      optimizers: [{ type: 'sgd' }],
    });
    return parsed.ok ? [] : parsed.errors;
  };

  it('names the field of a bad size, batch or split', () => {
    expect(problems({ n: 20, batch: 16 })).toEqual([
      'fn.params.batch must be at most the 15 training examples',
    ]);
    expect(problems({ n: 2, test: 0.9 })).toEqual(['fn.params.test leaves no training example']);
    expect(problems({ n: 10.5 })[0]).toMatch(/^fn\.params\.n must be an integer/);
    expect(problems({ batch: 0 })[0]).toMatch(/^fn\.params\.batch must be an integer/);
    expect(problems({ n: 20, batch: 15 })).toEqual([]);
  });

  it('a sweep over the batch size takes whole batches no larger than the training set', () => {
    const sweep = (axis: Record<string, unknown>) => {
      const parsed = parsePreset({
        v: 1,
        fn: { id: 'linear_regression', params: { n: 200 } },
        steps: 10,
        optimizers: [{ type: 'sgd' }],
        sweep: { view: 'curves', curves: { axis: { path: 'fn.params.batch', ...axis } } },
      });
      return parsed.ok ? [] : parsed.errors;
    };
    expect(sweep({ from: 1, to: 64, count: 7, scale: 'log' })[0]).toMatch(
      /gives fn\.params\.batch = 7\.99\d+, which must be an integer/,
    );
    expect(sweep({ from: 1, to: 201, count: 3 })[0]).toMatch(
      /gives fn\.params\.batch = 201, where fn\.params\.batch must be at most the 150 training examples/,
    );
    expect(sweep({ from: 1, to: 101, count: 3 })).toEqual([]);
  });
});

describe('data scenes and the noise seed', () => {
  const preset = (seed: number) => ({
    v: 1,
    fn: { id: 'linear_regression', params: { n: 60, batch: 4 } },
    steps: 30,
    noise: { sigma: 0, seed },
    optimizers: [{ type: 'sgd', lr: 0.05 }],
  });

  it('the noise seed shuffles the batches: another seed, another run on the same data', () => {
    const [a] = simulate(sceneFromPreset(preset(1))).runs;
    const [b] = simulate(sceneFromPreset(preset(2))).runs;
    expect(a!.f[0]).toBe(b!.f[0]);
    expect(a!.x[30]).not.toBe(b!.x[30]);
  });

  it('a sweep over noise seeds gives each cell the run of its seed, bit for bit', () => {
    const scene = sceneFromPreset(preset(1));
    const axes = [{ path: 'noise.seed', from: 1, to: 4, count: 4, scale: 'linear' }] as const;
    // The page's workers hand the kernel the base scene's objective, as here.
    const objective = dataModels[0]!.create(scene.fn.params, 1);
    const cells = runSweep({ scene, axes, tol: 1e-4, objective });
    for (let seed = 1; seed <= 4; seed++) {
      const [run] = simulate(sceneFromPreset(preset(seed))).runs;
      expect(cells.finalLoss[seed - 1]).toBe(run!.f[30]);
    }
  });

  it('a sweep over a function parameter recomputes the function in every cell', () => {
    // The page's workers hand the kernel an objective: it must not stand for every cell.
    const scene = sceneFromPreset({ ...preset(1), fn: { id: 'narrow_valley' } });
    const axes = [
      { path: 'fn.params.kappa', from: 1, to: 100, count: 3, scale: 'linear' },
    ] as const;
    const cells = runSweep({ scene, axes, tol: 1e-4, objective: builtinObjective(scene.fn) });
    [1, 50.5, 100].forEach((kappa, i) => {
      const one = sceneFromPreset({ ...preset(1), fn: { id: 'narrow_valley', params: { kappa } } });
      expect(cells.finalLoss[i]).toBe(simulate(one).runs[0]!.f[30]);
    });
  });
});

describe('the contour grid of a loss made of data', () => {
  const fn = (id: string, params: Record<string, number> = {}) =>
    sceneFromPreset({ v: 1, fn: { id, params }, steps: 1, optimizers: [{ type: 'sgd' }] }).fn;

  it('is the full grid for a formula and a cheap loss, coarser as a pass over the data costs more', () => {
    expect(fieldGrid(fn('rosenbrock'), 512)).toBe(512);
    expect(fieldGrid(fn('linear_regression'), 512)).toBe(512);
    const small = fieldGrid(fn('sparse_logistic'), 512);
    const large = fieldGrid(fn('sparse_logistic', { n: 4000 }), 512);
    expect(small).toBeLessThan(512);
    expect(large).toBeLessThan(small);
    expect(fieldGrid(fn('sparse_logistic', { n: 10_000 }), 512)).toBe(32);
  });
});
