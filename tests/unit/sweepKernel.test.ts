import { describe, expect, it, vi } from 'vitest';
import { getOptimizer } from '../../src/engine/optimizers/index.ts';
import {
  cellCount,
  createColumns,
  runSweep,
  sweepCells,
  type Axis,
  type SweepPlan,
} from '../../src/engine/sweep/index.ts';
import { EVERY_TYPE, expectCellsMatch, sceneOf, typedObjective } from './sweepSupport.ts';

const lin = (path: string, from: number, to: number, count: number): Axis => ({
  path,
  from,
  to,
  count,
  scale: 'linear',
});
const log = (path: string, from: number, to: number, count: number): Axis => ({
  ...lin(path, from, to, count),
  scale: 'log',
});

const every = sceneOf({ optimizers: EVERY_TYPE, noise: { sigma: 0.3, seed: 3 } });
const all = (plan: SweepPlan) => [...Array(cellCount(plan.axes)).keys()];

/** Each case: a plan over one or two path kinds; every cell is compared with simulate(). */
const cases: [string, SweepPlan][] = [
  [
    'lr of every optimizer (log), every type, noise, divergence',
    {
      scene: every,
      axes: [log('optimizers[*].lr', 1e-4, 3, 6)],
      tol: 1e-3,
    },
  ],
  [
    'lr × momentum of one SGD',
    {
      scene: every,
      axes: [log('optimizers[0].lr', 1e-5, 1e-2, 4), lin('optimizers[0].momentum', 0, 0.99, 3)],
      only: [0, 11],
      tol: 1e-3,
    },
  ],
  [
    'betas[0] × betas[1] of Adam',
    {
      scene: every,
      axes: [
        lin('optimizers[1].betas[0]', 0, 0.95, 3),
        lin('optimizers[1].betas[1]', 0.5, 0.999, 3),
      ],
      only: [1],
      tol: 1e-3,
    },
  ],
  [
    'eps of AdamW × weight_decay of Lion',
    {
      scene: every,
      axes: [log('optimizers[2].eps', 1e-8, 1e-1, 3), lin('optimizers[9].weight_decay', 0, 0.5, 3)],
      only: [9, 2],
      tol: 1e-3,
    },
  ],
  [
    'alpha of RMSprop × rho of Adadelta',
    {
      scene: every,
      axes: [lin('optimizers[3].alpha', 0.5, 0.99, 3), lin('optimizers[5].rho', 0, 1, 3)],
      only: [3, 5],
      tol: 1e-3,
    },
  ],
  [
    'start[0] × start[1], Himmelblau (four minima, basins)',
    {
      scene: sceneOf({ fn: { id: 'himmelblau' }, optimizers: EVERY_TYPE.slice(0, 4) }),
      axes: [lin('start[0]', -5, 5, 5), lin('start[1]', -5, 5, 4)],
      tol: 1e-2,
    },
  ],
  [
    'fn.params.a × fn.params.b of Rosenbrock',
    {
      scene: every,
      axes: [lin('fn.params.a', -2, 2, 3), log('fn.params.b', 1, 1000, 3)],
      only: [1, 7],
      tol: 1e-3,
    },
  ],
  [
    'fn.params.kappa × angle of the narrow valley',
    {
      scene: sceneOf({ fn: { id: 'narrow_valley' }, optimizers: EVERY_TYPE.slice(0, 3) }),
      axes: [log('fn.params.kappa', 1, 1000, 3), lin('fn.params.angle', -90, 90, 3)],
      tol: 1e-3,
    },
  ],
  [
    'noise.seed × noise.sigma',
    {
      scene: every,
      axes: [lin('noise.seed', 1, 4, 4), lin('noise.sigma', 0, 2, 3)],
      only: [0, 1, 6],
      tol: 1e-3,
    },
  ],
  [
    'a typed function: lr of every optimizer, start',
    {
      scene: sceneOf({
        fn: { id: 'custom', expr: 'sin(x) * cos(y) + 0.1 * (x^2 + y^2)' },
        optimizers: EVERY_TYPE,
      }),
      objective: typedObjective('sin(x) * cos(y) + 0.1 * (x^2 + y^2)'),
      axes: [log('optimizers[*].lr', 1e-3, 100, 4), lin('start[1]', -2, 2, 2)],
      tol: 1e-3,
    },
  ],
  [
    'noise.seed with kept points',
    {
      scene: every,
      axes: [lin('noise.seed', 1, 5, 5)],
      only: [4, 8],
      tol: 1e-3,
      keep: 9,
    },
  ],
];

describe('the sweep kernel equals simulate() of each cell’s scene, bit for bit', () => {
  it.each(cases)('%s', (_, plan) => {
    expectCellsMatch(plan, runSweep(plan), all(plan));
  });

  it('covers divergence: some runs diverge, some do not', () => {
    const plan = cases[0]![1];
    const diverged = expectCellsMatch(plan, runSweep(plan), all(plan));
    expect(diverged).toBeGreaterThan(0);
    expect(diverged).toBeLessThan(cellCount(plan.axes) * every.optimizers.length);
  });

  it('computes only the listed cells, each at its own index', () => {
    const plan = cases[1]![1];
    const out = createColumns(cellCount(plan.axes), 2);
    sweepCells(plan, Int32Array.of(7, 2), out);
    expectCellsMatch(plan, out, [2, 7]);
    // Cells not listed stay unset.
    expect(Number.isNaN(out.finalLoss[0])).toBe(true);
    expect(out.divergedAt[3 * 2]).toBe(-1);
  });

  it('a start where f is not finite gives NaN losses, no basin, divergence at 0', () => {
    const expr = 'exp(x) + y^2';
    const scene = sceneOf({ fn: { id: 'custom', expr } });
    const plan: SweepPlan = {
      scene,
      objective: typedObjective(expr),
      axes: [lin('start[0]', 0, 1000, 2)],
      tol: 1,
    };
    const out = runSweep(plan);
    expectCellsMatch(plan, out, [0, 1]);
    expect(Number.isNaN(out.finalLoss[1])).toBe(true);
    expect(out.divergedAt[1]).toBe(0);
    expect(out.divergedAt[0]).toBe(-1);
  });

  it.each([cases[6]!, cases[8]!])(
    'a plan computed again, in parts, backwards, gives the same bits: %s',
    (_, plan) => {
      const n = cellCount(plan.axes);
      const runs = plan.only?.length ?? plan.scene.optimizers.length;
      runSweep(plan);
      const out = createColumns(n, runs, plan.keep);
      const backwards = Int32Array.from(all(plan).reverse());
      sweepCells(plan, backwards.subarray(0, n >> 1), out);
      sweepCells(plan, backwards.subarray(n >> 1), out);
      expectCellsMatch(plan, out, all(plan));
    },
  );

  it('creates one optimizer per run slot, whatever the number of cells and calls', () => {
    const spec = getOptimizer('adam')!;
    const create = vi.spyOn(spec, 'create');
    try {
      const plan: SweepPlan = {
        scene: sceneOf({ optimizers: [{ type: 'adam' }, { type: 'adam', lr: 0.1 }] }),
        axes: [log('optimizers[*].lr', 1e-3, 1, 5), lin('optimizers[0].betas[0]', 0, 0.9, 4)],
        tol: 1e-3,
      };
      expectCellsMatch(plan, runSweep(plan), all(plan));
      // A plan of equal value but not the same object: runSweep's own two, however many the
      // reference simulate() calls made; the same plan again reuses them.
      const copy = { ...plan };
      create.mockClear();
      runSweep(copy);
      expect(create).toHaveBeenCalledTimes(2);
      runSweep(copy);
      expect(create).toHaveBeenCalledTimes(2);
    } finally {
      create.mockRestore();
    }
  });
});
