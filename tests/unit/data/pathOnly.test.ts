import { describe, expect, it } from 'vitest';
import { USER_REGRESSION } from '../../../src/engine/data/userModel.ts';
import { Trajectory, builtinObjective, pathOnly, simulate } from '../../../src/engine/index.ts';
import type { Scene } from '../../../src/engine/scene.ts';
import { sceneFromPreset } from '../../../src/preset/index.ts';

/** Every optimizer kind a sketch must follow: momentum, a schedule, phases, a sign rule. */
const optimizers = [
  { type: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true },
  { type: 'adam', lr: 0.02, schedule: { type: 'cosine', T_max: 300 } },
  { type: 'adagrad', lr: 0.3, phases: [{ from: 100, type: 'sgd', lr: 0.1 }] },
  { type: 'lion', lr: 0.003, weight_decay: 0.1 },
  { type: 'rmsprop', lr: 0.01, centered: true },
];

const dataScene = (fn: Record<string, unknown>): Scene =>
  sceneFromPreset({ v: 1, fn, steps: 300, noise: { seed: 7 }, optimizers });

/** A user's rows (a, t): a line t = 0.5a + 1 with a fixed wobble. */
const rows = Array.from({ length: 90 }, (_, i) => {
  const a = i / 30 - 1;
  return [a, 0.5 * a + 1 + 0.3 * Math.sin(i * 7)];
});

const sketchOf = (scene: Scene, k: number): Trajectory => {
  const path = pathOnly(builtinObjective(scene.fn, scene.noise.seed));
  const t = new Trajectory(scene, scene.optimizers[k]!, null, path);
  t.advance(scene.steps);
  return t;
};

const bits = (a: Float64Array): string[] =>
  Array.from(a, (v) => (Object.is(v, -0) ? '-0' : String(v)));

describe('a path without its losses (pathOnly)', () => {
  it.each([
    ['linear regression', { id: 'linear_regression', params: { n: 200, test: 0.25, batch: 16 } }],
    ['the sparse logistic regression', { id: 'sparse_logistic', params: { n: 200, batch: 8 } }],
    ['the shifted wells', { id: 'shifted_wells', params: { n: 150, batch: 5 } }],
    ['a regression on the user’s rows', { id: USER_REGRESSION, rows, params: { batch: 7 } }],
  ])('takes the run’s points bit for bit on %s, for every kind of optimizer', (_, fn) => {
    const scene = dataScene(fn);
    simulate(scene).runs.forEach((run, k) => {
      const t = sketchOf(scene, k);
      expect(t.length).toBe(run.x.length);
      expect(bits(t.x.subarray(0, t.length))).toEqual(bits(run.x));
      expect(bits(t.y.subarray(0, t.length))).toEqual(bits(run.y));
      // Its f holds no losses: the losses are what it leaves out.
      expect(t.f.every((v) => v === 0)).toBe(true);
    });
  });

  it('runs on past a loss that overflowed, where the run stopped', () => {
    const scene = sceneFromPreset({
      v: 1,
      fn: { id: 'linear_regression', params: { n: 60, batch: 4 } },
      steps: 400,
      optimizers: [{ type: 'sgd', lr: 2 }],
    });
    const run = simulate(scene).runs[0]!;
    const t = sketchOf(scene, 0);
    expect(run.divergedAt).not.toBeNull();
    expect(Number.isFinite(run.x.at(-1)!)).toBe(true);
    expect(t.length).toBeGreaterThan(run.x.length);
    expect(bits(t.x.subarray(0, run.x.length))).toEqual(bits(run.x));
  });
});
