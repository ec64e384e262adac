import { describe, expect, it } from 'vitest';
import { inspectRun, phaseInspection } from '../../../src/engine/inspect.ts';
import { builtinObjective } from '../../../src/engine/objective.ts';
import { simulate, Trajectory, type Scene } from '../../../src/engine/index.ts';
import { fillLearningRates } from '../../../src/engine/schedules.ts';
import { phaseAt, phaseEntry } from '../../../src/engine/phases.ts';
import { sceneNoise } from '../../../src/engine/simulate.ts';
import { cellCount, runSweep, type SweepPlan } from '../../../src/engine/sweep/index.ts';
import { sceneFromPreset } from '../../../src/preset/index.ts';
import { expectCellsMatch } from '../sweepSupport.ts';

/** Adam with a cosine schedule for 40 steps, SGD with momentum and a step schedule for 50, then RMSprop. */
const phased = {
  type: 'adam',
  lr: 0.05,
  schedule: { type: 'cosine', T_max: 30 },
  phases: [
    {
      from: 40,
      type: 'sgd',
      lr: 2e-4,
      momentum: 0.9,
      schedule: { type: 'step', step_size: 7, gamma: 0.5 },
    },
    { from: 90, type: 'rmsprop', lr: 3e-3 },
  ],
};

const sceneOf = (patch: Record<string, unknown> = {}): Scene =>
  sceneFromPreset({ v: 1, fn: { id: 'rosenbrock' }, steps: 120, optimizers: [phased], ...patch });

describe('phases: an optimizer entry that switches optimizers mid-run', () => {
  it('equals running each phase as a fresh optimizer from where the previous one stopped', () => {
    const scene = sceneOf();
    const [run] = simulate(scene).runs;
    // The pieces: the entry alone for 40 steps, then each phase as its own scene from there.
    const piece = (start: readonly [number, number], steps: number, opt: Record<string, unknown>) =>
      simulate(sceneOf({ start, steps, optimizers: [opt] })).runs[0]!;
    const first = { type: phased.type, lr: phased.lr, schedule: phased.schedule };
    const [p1, p2] = phased.phases.map((p) =>
      Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'from')),
    );
    const a = piece([-1.5, 2], 40, first);
    const b = piece([a.x[40]!, a.y[40]!], 50, p1!);
    const c = piece([b.x[50]!, b.y[50]!], 30, p2!);
    const joined = (col: 'x' | 'y' | 'f') => [
      ...a[col],
      ...b[col].subarray(1),
      ...c[col].subarray(1),
    ];
    expect([...run!.x]).toEqual(joined('x'));
    expect([...run!.y]).toEqual(joined('y'));
    expect([...run!.f]).toEqual(joined('f'));
    expect([...run!.lr]).toEqual([...a.lr, ...b.lr, ...c.lr]);
  });

  it('starts each phase’s schedule at its own step 0', () => {
    const { lr } = simulate(sceneOf()).runs[0]!;
    const cosine = new Float64Array(40);
    fillLearningRates(0.05, { type: 'cosine', T_max: 30, eta_min: 0 }, cosine);
    expect([...lr.subarray(0, 40)]).toEqual([...cosine]);
    expect(lr[40]).toBe(2e-4);
    expect(lr[46]).toBe(2e-4);
    expect(lr[47]).toBe(1e-4);
    expect([...lr.subarray(90)]).toEqual(Array(30).fill(3e-3));
  });

  it('streams across the switches: chunks of any size give the same run', () => {
    const scene = sceneOf({ noise: { sigma: 0.2, seed: 4 } });
    const whole = simulate(scene).runs[0]!;
    for (const chunk of [1, 7, 39, 40, 41, 50]) {
      const t = new Trajectory(scene, scene.optimizers[0]!, sceneNoise(scene));
      while (!t.done) t.advance(chunk);
      const run = t.toRun();
      expect([...run.x], `chunks of ${chunk}`).toEqual([...whole.x]);
      expect([...run.y]).toEqual([...whole.y]);
    }
  });

  it('a restart with other settings equals a new trajectory of them', () => {
    const scene = sceneOf();
    const other = sceneOf({ optimizers: [{ ...phased, lr: 0.01 }], start: [0.5, -0.5] });
    const t = new Trajectory(scene, scene.optimizers[0]!, null);
    t.advance(scene.steps);
    t.restart(0.5, -0.5, other.optimizers[0]!, null, 0, builtin(other));
    t.advance(other.steps);
    expect([...t.toRun().x]).toEqual([...simulate(other).runs[0]!.x]);
  });

  it('works on data: phases on a loss made of mini-batches', () => {
    const data = { fn: { id: 'linear_regression', params: { n: 50, batch: 4 } }, start: [0, 0] };
    const scene = sceneOf({
      ...data,
      optimizers: [{ type: 'adam', lr: 0.1, phases: [{ from: 60, type: 'sgd', lr: 0.01 }] }],
    });
    const [run] = simulate(scene).runs;
    const adamOnly = simulate(sceneOf({ ...data, optimizers: [{ type: 'adam', lr: 0.1 }] }))
      .runs[0]!;
    expect([...run!.x.subarray(0, 61)]).toEqual([...adamOnly.x.subarray(0, 61)]);
    expect(run!.x[61]).not.toBe(adamOnly.x[61]);
    expect(run!.testF?.length).toBe(121);
  });

  it('the sweep kernel restarts phased entries: every cell equals simulate()', () => {
    const plan: SweepPlan = {
      scene: sceneOf({ noise: { sigma: 0.1, seed: 2 } }),
      axes: [
        { path: 'optimizers[0].lr', from: 1e-3, to: 0.1, count: 3, scale: 'log' },
        { path: 'noise.seed', from: 1, to: 3, count: 3, scale: 'linear' },
      ],
      tol: 1e-3,
      keep: 121,
    };
    expectCellsMatch(plan, runSweep(plan), [...Array(cellCount(plan.axes)).keys()]);
  });

  it('says which phase makes each step', () => {
    const entry = sceneOf().optimizers[0]!;
    expect([0, 1, 40, 41, 90, 91, 120].map((k) => phaseAt(entry, k))).toEqual([
      0, 0, 0, 1, 1, 2, 2,
    ]);
    expect(phaseEntry(entry, 1)).toMatchObject({ type: 'sgd', label: entry.label });
    expect(phaseEntry(entry, 0).phases).toBeUndefined();
  });
});

describe('phases in the inspector', () => {
  it('records each phase’s own state, the new one starting empty', () => {
    const scene = sceneOf();
    const ins = inspectRun(scene, 0);
    const run = simulate(scene).runs[0]!;
    expect([...ins.x]).toEqual([...run.x]);
    expect(ins.phases.map((p) => p.from)).toEqual([0, 40, 90]);
    const keys = (i: number) => phaseInspection(ins, i).state.map((s) => s.field.key);
    expect(keys(0)).toContain('exp_avg');
    expect(keys(1)).toContain('momentum_buffer');
    expect(keys(2)).toContain('square_avg');
    const buf = ins.phases[1]!.state.find((s) => s.field.key === 'momentum_buffer')!.values[0]!;
    // Before the switch it has no state; its first step starts the buffer at the gradient.
    expect(buf[39]).toBeNaN();
    expect(buf[41]).toBe(ins.gx[41]);
    expect(buf[91]).toBeNaN();
    const avg = ins.phases[0]!.state.find((s) => s.field.key === 'exp_avg')!.values[0]!;
    expect(Number.isFinite(avg[40])).toBe(true);
    expect(avg[41]).toBeNaN();
    expect([...ins.lr.subarray(1)]).toEqual([...run.lr]);
  });
});

const builtin = (scene: Scene) => builtinObjective(scene.fn, scene.noise.seed);
