import { describe, expect, it } from 'vitest';
import { NormalSource, noiseSequence } from '../../src/engine/noise.ts';
import { Trajectory, builtinObjective, simulate, sceneNoise } from '../../src/engine/index.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';

const scene = (patch: Record<string, unknown>) =>
  sceneFromPreset({
    v: 1,
    fn: { id: 'rosenbrock' },
    steps: 200,
    optimizers: [{ type: 'adam', lr: 0.05 }],
    ...patch,
  });

describe('gradient noise', () => {
  it('is a fixed sequence for a seed: these numbers must never change', () => {
    const source = new NormalSource(1);
    const first = Array.from({ length: 4 }, () => source.nextNormal());
    // Golden values: a change here breaks every shared link with noise.
    expect(first).toMatchInlineSnapshot(`
      [
        -0.4219232706535274,
        1.58409270212488,
        0.43666702696343557,
        0.14492877468545254,
      ]
    `);
  });

  it('looks standard normal (mean ≈ 0, variance ≈ 1, symmetric tails)', () => {
    const xs = noiseSequence(42, 50_000);
    const n = xs.length;
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    const beyond2 = xs.filter((x) => Math.abs(x) > 2).length / n;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
    expect(beyond2).toBeGreaterThan(0.04);
    expect(beyond2).toBeLessThan(0.051);
  });

  it('differs between seeds', () => {
    expect(noiseSequence(1, 4)).not.toEqual(noiseSequence(2, 4));
  });

  it('every optimizer of a scene sees the same noise', () => {
    const s = scene({
      fn: { id: 'saddle' },
      start: [1, 0],
      noise: { sigma: 0.5, seed: 7 },
      optimizers: [
        { type: 'sgd', lr: 0.01 },
        { type: 'sgd', lr: 0.01 },
      ],
    });
    const { runs } = simulate(s);
    expect(runs[1]!.x).toEqual(runs[0]!.x);
    expect(runs[1]!.y).toEqual(runs[0]!.y);
    // The noise moved y off the x-axis, where the gradient alone keeps it.
    expect(runs[0]!.y.some((y) => y !== 0)).toBe(true);
  });

  it('adds sigma·ξ to the gradient: plain SGD on x² − y² moves by −lr·(∇f + σξ)', () => {
    const s = scene({
      fn: { id: 'saddle' },
      start: [1, 0.5],
      steps: 3,
      noise: { sigma: 2, seed: 3 },
      optimizers: [{ type: 'sgd', lr: 0.1 }],
    });
    const xi = sceneNoise(s)!;
    const { x, y } = simulate(s).runs[0]!;
    for (let k = 0; k < 3; k++) {
      expect(x[k + 1]).toBe(x[k]! - 0.1 * (2 * x[k]! + 2 * xi[2 * k]!));
      expect(y[k + 1]).toBe(y[k]! - 0.1 * (-2 * y[k]! + 2 * xi[2 * k + 1]!));
    }
  });
});

describe('trajectories', () => {
  it('has steps + 1 points starting at the start, and f at each point', () => {
    const s = scene({ start: [0.5, -0.5] });
    const run = simulate(s).runs[0]!;
    expect(run.x.length).toBe(201);
    expect([run.x[0], run.y[0]]).toEqual([0.5, -0.5]);
    expect(run.f[0]).toBe(0.25 + 100 * 0.75 ** 2);
    expect(run.lr.length).toBe(200);
    expect(run.divergedAt).toBeNull();
  });

  it('streams in chunks to exactly the same numbers', () => {
    const s = scene({ optimizers: [{ type: 'nadam', lr: 0.01 }], noise: { sigma: 0.3, seed: 9 } });
    const whole = simulate(s).runs[0]!;
    const t = new Trajectory(s, s.optimizers[0]!, sceneNoise(s));
    const sizes: number[] = [];
    while (!t.done) sizes.push(t.advance(37));
    expect(sizes.slice(0, 2)).toEqual([37, 37]);
    expect(t.advance(10)).toBe(0);
    const run = t.toRun();
    expect(run.x).toEqual(whole.x);
    expect(run.f).toEqual(whole.f);
  });

  it('reports the rates of its latest setting after restarts between schedules and rates', () => {
    const s = scene({ optimizers: [{ type: 'sgd', lr: 0.001 }] });
    const t = new Trajectory(s, s.optimizers[0]!, null);
    const stepped = { type: 'step', step_size: 50, gamma: 0.5 } as const;
    const settings = [
      { lr: 0.001, schedule: { type: 'constant' } as const },
      { lr: 0.0005, schedule: stepped },
      { lr: 0.0005, schedule: { type: 'constant' } as const },
      { lr: 0.0002, schedule: { type: 'constant' } as const },
    ];
    for (const { lr, schedule } of settings) {
      const entry = { ...s.optimizers[0]!, hyper: { ...s.optimizers[0]!.hyper, lr }, schedule };
      t.restart(s.start[0], s.start[1], entry, null, 0, builtinObjective(s.fn));
      t.advance(s.steps);
      const fresh = simulate({ ...s, optimizers: [entry] }).runs[0]!;
      expect(t.toRun().lr).toEqual(fresh.lr);
      expect(t.lr).toEqual(fresh.lr);
      expect(t.toRun().x).toEqual(fresh.x);
      expect(fresh.divergedAt).toBeNull();
    }
  });

  it('stops before the first non-finite point and reports its index', () => {
    const run = simulate(scene({ optimizers: [{ type: 'sgd', lr: 0.1 }] })).runs[0]!;
    expect(run.divergedAt).toBe(5);
    expect(run.x.length).toBe(5);
    expect(run.lr.length).toBe(5);
    expect([...run.x, ...run.y, ...run.f].every(Number.isFinite)).toBe(true);
  });

  it('an overflowing f counts as divergence even while x and y are finite', () => {
    // From (1e6, 1e6) with lr 1: x ≈ −4e20, then ≈ 2.6e64, then ≈ 7e195, where f ≈ 100·x⁴ overflows.
    const run = simulate(scene({ start: [1e6, 1e6], optimizers: [{ type: 'sgd', lr: 1 }] }))
      .runs[0]!;
    expect(run.divergedAt).toBe(3);
    expect(run.x.length).toBe(3);
    expect(Math.abs(run.x[2]!)).toBeGreaterThan(1e60);
  });

  it('every optimizer on every function gives finite points or an honest divergence', async () => {
    const { functions } = await import('../../src/engine/functions/index.ts');
    const { optimizers } = await import('../../src/engine/optimizers/index.ts');
    for (const fn of functions) {
      for (const opt of optimizers) {
        const s = sceneFromPreset({
          v: 1,
          fn: { id: fn.id },
          steps: 100,
          optimizers: [{ type: opt.type }],
        });
        const run = simulate(s).runs[0]!;
        const n = run.divergedAt ?? 101;
        expect(run.x.length, `${opt.type} on ${fn.id}`).toBe(n);
        expect([...run.x, ...run.y, ...run.f].every(Number.isFinite)).toBe(true);
      }
    }
  });
});
