import { expect } from 'vitest';
import { compileExpression, instantiate } from '../../src/engine/expr/index.ts';
import { getFunction } from '../../src/engine/functions/index.ts';
import { simulate, type Objective, type Scene } from '../../src/engine/index.ts';
import {
  cellScene,
  runsOf,
  type SweepColumns,
  type SweepPlan,
} from '../../src/engine/sweep/index.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';

/** A scene from a partial preset: Rosenbrock, 120 steps, Adam unless given. */
export const sceneOf = (patch: Record<string, unknown>): Scene =>
  sceneFromPreset({
    v: 1,
    fn: { id: 'rosenbrock' },
    steps: 120,
    optimizers: [{ type: 'adam', lr: 0.05 }],
    ...patch,
  });

/** One optimizer of every type, some with schedules, momentum and other options. */
export const EVERY_TYPE = [
  { type: 'sgd', lr: 1e-3, momentum: 0.9, schedule: { type: 'step', step_size: 30, gamma: 0.5 } },
  { type: 'adam', lr: 0.05, amsgrad: true },
  { type: 'adamw', lr: 0.05, schedule: { type: 'cosine', T_max: 50 } },
  { type: 'rmsprop', lr: 0.01, momentum: 0.5, centered: true },
  { type: 'adagrad', lr: 0.3, lr_decay: 0.01 },
  { type: 'adadelta', lr: 1, weight_decay: 0.01 },
  { type: 'adamax', lr: 0.05, schedule: { type: 'exponential', gamma: 0.99 } },
  { type: 'nadam', lr: 0.02 },
  {
    type: 'radam',
    lr: 0.05,
    schedule: { type: 'warmup_cosine', warmup_steps: 10, T_max: 80 },
  },
  { type: 'lion', lr: 0.01, weight_decay: 0.1 },
  { type: 'sgd', lr: 1e-3, momentum: 0.8, nesterov: true },
  { type: 'sgd', lr: 2e-4 },
];

/** A compiled typed function, as a worker instantiates it. */
export const typedObjective = (expr: string): Objective =>
  instantiate(compileExpression(expr).source);

/** The metrics of one run, computed from simulate() of the cell's own scene. */
function expected(scene: Scene, objective: Objective | undefined, index: number, tol: number) {
  const run = simulate(scene, objective).runs[index]!;
  const f = Array.from(run.f);
  const n = f.length;
  const minima = getFunction(scene.fn.id)?.minima(scene.fn.params) ?? [];
  const fOf = objective ?? getFunction(scene.fn.id)!.create(scene.fn.params);
  const fMin = Math.min(...minima.map(([x, y]) => fOf.f(x, y)));
  const dist = minima.map(([x, y]) => (x - run.x[n - 1]!) ** 2 + (y - run.y[n - 1]!) ** 2);
  return {
    run,
    finalLoss: n ? f[n - 1]! : NaN,
    bestLoss: n ? f.reduce((a, b) => (b < a ? b : a)) : NaN,
    stepsToTol: minima.length ? f.findIndex((v) => v <= fMin + tol) : -1,
    basin: minima.length && n ? dist.indexOf(Math.min(...dist)) : -1,
    divergedAt: run.divergedAt ?? -1,
    endX: n ? run.x[n - 1]! : NaN,
    endY: n ? run.y[n - 1]! : NaN,
  };
}

const KEYS = [
  'finalLoss',
  'bestLoss',
  'stepsToTol',
  'basin',
  'divergedAt',
  'endX',
  'endY',
] as const;

/**
 * Asserts that each listed cell of `out` equals simulate() of that cell's scene, bit for bit
 * (Object.is on every number, so −0 and NaN count); returns how many runs diverged.
 */
export function expectCellsMatch(plan: SweepPlan, out: SweepColumns, cells: Iterable<number>) {
  const only = runsOf(plan);
  let diverged = 0;
  for (const cell of cells) {
    const scene = cellScene(plan.scene, plan.axes, cell);
    only.forEach((index, r) => {
      const want = expected(scene, plan.objective, index, plan.tol);
      const e = cell * only.length + r;
      for (const key of KEYS) {
        const got = out[key][e]!;
        if (!Object.is(got, want[key]))
          expect.fail(
            `cell ${cell} run ${r} (${scene.optimizers[index]!.type}) ${key}: ${got} ≠ ${want[key]}`,
          );
      }
      if (want.divergedAt >= 0) diverged++;
      if (plan.keep !== undefined) {
        const keep = plan.keep;
        for (let q = 0; q < keep; q++) {
          const k = keep === 1 ? 0 : Math.round((q * scene.steps) / (keep - 1));
          const x = k < want.run.x.length ? want.run.x[k]! : NaN;
          const y = k < want.run.y.length ? want.run.y[k]! : NaN;
          if (!Object.is(out.pathX![e * keep + q], x) || !Object.is(out.pathY![e * keep + q], y))
            expect.fail(`cell ${cell} run ${r}: kept point ${q} differs`);
        }
      }
    });
  }
  return diverged;
}
