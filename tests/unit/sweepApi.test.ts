import { describe, expect, it } from 'vitest';
import { exp, ln } from '../../src/engine/math/index.ts';
import {
  axisValues,
  cellScene,
  checkAxis,
  clusterBasins,
  createColumns,
  defaultSweep,
  levelsOf,
  MAX_SWEEP_AXIS,
  parseTarget,
  planOf,
  type Axis,
} from '../../src/engine/sweep/index.ts';
import { EVERY_TYPE, sceneOf } from './sweepSupport.ts';

const axis = (path: string, from: number, to: number, count: number, log = false): Axis => ({
  path,
  from,
  to,
  count,
  scale: log ? 'log' : 'linear',
});

describe('axisValues', () => {
  it('spaces linear values evenly and ends exactly at from and to', () => {
    expect(Array.from(axisValues(axis('start[0]', -1, 1, 5)))).toEqual([-1, -0.5, 0, 0.5, 1]);
    const v = axisValues(axis('start[0]', 0.1, 0.7, 7));
    expect(v[0]).toBe(0.1);
    expect(v[6]).toBe(0.7);
  });

  it('spaces log values with the engine’s exp and ln, ends exact', () => {
    const v = axisValues(axis('optimizers[0].lr', 1e-5, 0.1, 9, true));
    expect(v[0]).toBe(1e-5);
    expect(v[8]).toBe(0.1);
    const a = ln(1e-5);
    for (let i = 1; i < 8; i++) expect(v[i]).toBe(exp(a + ((ln(0.1) - a) * i) / 8));
    expect(v[4]).toBeCloseTo(1e-3, 15);
  });

  it('gives [from] for one value, and no −0', () => {
    expect(Array.from(axisValues(axis('start[0]', 3, 7, 1)))).toEqual([3]);
    expect(Object.is(axisValues(axis('start[0]', -0, 1, 2))[0], 0)).toBe(true);
  });
});

describe('parseTarget', () => {
  it('reads every kind of path', () => {
    expect(parseTarget('optimizers[0].lr')).toEqual({
      kind: 'hyper',
      optimizer: 0,
      key: 'lr',
      element: null,
    });
    expect(parseTarget('optimizers[*].lr')).toMatchObject({ optimizer: 'all' });
    expect(parseTarget('optimizers[12].betas[1]')).toMatchObject({ optimizer: 12, element: 1 });
    expect(parseTarget('start[1]')).toEqual({ kind: 'start', element: 1 });
    expect(parseTarget('fn.params.kappa')).toEqual({ kind: 'param', name: 'kappa' });
    expect(parseTarget('noise.seed')).toEqual({ kind: 'seed' });
    expect(parseTarget('noise.sigma')).toEqual({ kind: 'sigma' });
  });

  it('explains a path it does not know', () => {
    for (const bad of ['lr', 'start[2]', 'optimizers[01].lr', 'optimizers[0]lr', 'noise', '']) {
      expect(parseTarget(bad)).toMatch(/^must name a number of the scene \(optimizers\[0\]\.lr/);
    }
  });
});

describe('checkAxis', () => {
  const scene = sceneOf({ optimizers: EVERY_TYPE.slice(0, 2) });
  const problems = (a: Axis) => checkAxis(scene, a, 'sweep.map.axes[0]');

  it('accepts good axes of every kind', () => {
    for (const a of [
      axis('optimizers[*].lr', 1e-5, 10, 31, true),
      axis('optimizers[0].momentum', 0, 0.99, 32),
      axis('optimizers[1].betas[1]', 0.5, 0.999, 8),
      axis('start[0]', -2, 2, 256),
      axis('fn.params.b', 1, 1000, 4, true),
      axis('noise.seed', 1, 50, 50),
      axis('noise.sigma', 0, 1, 3),
      axis('start[1]', 5, 5, 1),
    ])
      expect(problems(a)).toEqual([]);
  });

  it('names the field of each problem', () => {
    expect(problems(axis('optimizers[0].lr', 1e-3, 1, 0))).toEqual([
      `sweep.map.axes[0].count must be an integer in [1, ${MAX_SWEEP_AXIS}], got 0`,
    ]);
    expect(problems(axis('optimizers[0].lr', 1e-3, 1, MAX_SWEEP_AXIS + 1))[0]).toMatch(
      /^sweep\.map\.axes\[0\]\.count must be/,
    );
    expect(problems(axis('optimizers[0].lr', 1e-3, 1, 2.5))[0]).toMatch(/count must be an integer/);
    expect(problems(axis('optimizers[0].lr', NaN, 1, 3))).toEqual([
      'sweep.map.axes[0].from must be a finite number, got NaN',
    ]);
    expect(problems(axis('optimizers[0].lr', 0, Infinity, 3))).toEqual([
      'sweep.map.axes[0].to must be a finite number, got Infinity',
    ]);
    expect(problems(axis('optimizers[0].lr', 0.1, 0.01, 3))).toEqual([
      'sweep.map.axes[0].to must be greater than from (0.1), got 0.01',
    ]);
    expect(problems(axis('optimizers[0].lr', 0, 1, 3, true))).toEqual([
      'sweep.map.axes[0].from must be > 0 on a log scale, got 0',
    ]);
    expect(problems(axis('start[0]', -1, 1, 3, true))[0]).toMatch(
      /from must be > 0 on a log scale/,
    );
  });

  it('refuses unknown paths and settings the optimizer lacks', () => {
    expect(problems(axis('optimizers[0].speed', 0, 1, 2))[0]).toBe(
      'sweep.map.axes[0].path names optimizers[0].speed, which is not a number of SGD (its numbers: lr, momentum, dampening, weight_decay)',
    );
    expect(problems(axis('optimizers[0].nesterov', 0, 1, 2))[0]).toMatch(/not a number of SGD/);
    expect(problems(axis('optimizers[2].lr', 0, 1, 2))[0]).toBe(
      'sweep.map.axes[0].path names optimizers[2], but the scene has 2 optimizers',
    );
    expect(problems(axis('optimizers[*].momentum', 0, 0.5, 2))[0]).toMatch(
      /optimizers\[1\]\.momentum, which is not a number of Adam/,
    );
    expect(problems(axis('optimizers[1].betas', 0, 0.5, 2))[0]).toBe(
      'sweep.map.axes[0].path names optimizers[1].betas, a pair: write betas[0] or betas[1]',
    );
    expect(problems(axis('optimizers[0].lr[0]', 0, 0.5, 2))[0]).toMatch(/lr is a single number/);
    expect(problems(axis('fn.params.kappa', 1, 2, 2))[0]).toBe(
      'sweep.map.axes[0].path names fn.params.kappa, which the function rosenbrock lacks (its parameters: a, b)',
    );
    expect(problems(axis('fn.param.a', 1, 2, 2))[0]).toMatch(
      /^sweep\.map\.axes\[0\]\.path must name/,
    );
    const custom = sceneOf({ fn: { id: 'custom', expr: 'x^2' } });
    expect(checkAxis(custom, axis('fn.params.a', 1, 2, 2), 'w')[0]).toMatch(/it has no parameters/);
  });

  it('refuses values outside the field’s range', () => {
    expect(problems(axis('optimizers[1].betas[0]', 0.5, 1, 3))).toEqual([
      'sweep.map.axes[0].to must be in [0, 1) for optimizers[1].betas[0], got 1',
    ]);
    expect(problems(axis('optimizers[*].lr', -1, 1, 3))).toEqual([
      'sweep.map.axes[0].from must be ≥ 0 for optimizers[0].lr, got -1',
      'sweep.map.axes[0].from must be ≥ 0 for optimizers[1].lr, got -1',
    ]);
    expect(problems(axis('fn.params.b', 1, 2e4, 3))[0]).toBe(
      'sweep.map.axes[0].to must be in [0, 10000] for fn.params.b, got 20000',
    );
    expect(problems(axis('start[1]', -2e6, 0, 3))[0]).toMatch(
      /from must be in \[-1000000, 1000000\]/,
    );
    expect(problems(axis('noise.seed', 0, 2 ** 32, 2))[0]).toMatch(
      /to must be an integer in|to must be in/,
    );
    expect(problems(axis('noise.sigma', -1, 1, 2))[0]).toMatch(/from must be in \[0, 1000000\]/);
  });

  it('refuses seeds that are not integers', () => {
    expect(problems(axis('noise.seed', 1, 2, 3))[0]).toMatch(
      /^sweep\.map\.axes\[0\] gives noise\.seed = 1\.5, which must be an integer/,
    );
    expect(problems(axis('noise.seed', 1.5, 2.5, 1))[0]).toMatch(/noise\.seed = 1\.5/);
  });

  it('applies torch’s cross-field rules to every value', () => {
    const nesterov = sceneOf({
      optimizers: [{ type: 'sgd', lr: 0.01, momentum: 0.9, nesterov: true }],
    });
    expect(checkAxis(nesterov, axis('optimizers[0].momentum', 0, 0.9, 4), '--vary')).toEqual([
      '--vary gives optimizers[0].momentum = 0, which torch refuses: optimizers[0].nesterov: Nesterov momentum requires a momentum and zero dampening',
    ]);
    expect(checkAxis(nesterov, axis('optimizers[0].momentum', 0.1, 0.9, 4), '--vary')).toEqual([]);
  });
});

describe('cellScene', () => {
  const scene = sceneOf({ optimizers: EVERY_TYPE.slice(0, 3) });
  const axes = [axis('optimizers[*].lr', 1, 3, 3), axis('optimizers[1].betas[1]', 0.5, 0.6, 2)];

  it('numbers cells axis 0 major and writes each value where its path says', () => {
    const s = cellScene(scene, axes, 1 * 2 + 1);
    expect(s.optimizers.map((o) => o.hyper['lr'])).toEqual([2, 2, 2]);
    expect(s.optimizers[1]!.hyper['betas']).toEqual([0.9, 0.6]);
    // Everything else stays the same object.
    expect(s.optimizers[0]!.schedule).toBe(scene.optimizers[0]!.schedule);
    expect(s.fn).toBe(scene.fn);
    expect(s.noise).toBe(scene.noise);
    expect(scene.optimizers[0]!.hyper['lr']).toBe(1e-3);
  });

  it('writes one optimizer, the start, the function’s parameters and the noise', () => {
    const one = cellScene(scene, [axis('optimizers[2].lr', 5, 6, 2)], 1);
    expect(one.optimizers.map((o) => o.hyper['lr'])).toEqual([1e-3, 0.05, 6]);
    const s = cellScene(scene, [axis('start[1]', 0, 1, 2), axis('fn.params.b', 3, 4, 2)], 3);
    expect(s.start).toEqual([-1.5, 1]);
    expect(s.fn.params).toEqual({ a: 1, b: 4 });
    const n = cellScene(scene, [axis('noise.seed', 4, 5, 2), axis('noise.sigma', 0.5, 1, 2)], 2);
    expect(n.noise).toEqual({ seed: 5, sigma: 0.5 });
  });
});

describe('planOf', () => {
  const scene = sceneOf({ optimizers: EVERY_TYPE.slice(0, 3) });
  const withView = (view: 'map' | 'curves' | 'basins' | 'seeds') => ({
    ...scene,
    sweep: defaultSweep(scene, view),
  });

  it('maps the open view to its axes and optimizers', () => {
    const map = planOf(withView('map'));
    expect(map.axes.map((a) => a.path)).toEqual(['optimizers[0].lr', 'optimizers[0].momentum']);
    expect(map.only).toEqual([0]);
    expect(map.tol).toBe(1e-4);
    const curves = planOf(withView('curves'));
    expect(curves.axes).toEqual([defaultSweep(scene).curves.axis]);
    expect(curves.only).toBeUndefined();
    const seeds = planOf(withView('seeds'));
    expect(seeds.axes).toEqual([
      { path: 'noise.seed', from: 1, to: 50, count: 50, scale: 'linear' },
    ]);
    expect(seeds.keep).toBe(200);
    expect(planOf(scene).axes).toEqual(map.axes);
  });

  it('puts basin starts at the centres of a grid over the view', () => {
    const spec = { ...defaultSweep(scene, 'basins'), basins: { resolution: 8, optimizer: 2 } };
    const plan = planOf({ ...scene, view: { x: [-2, 2], y: [-1, 3] }, sweep: spec });
    expect(plan.axes).toEqual([
      { path: 'start[0]', from: -1.75, to: 1.75, count: 8, scale: 'linear' },
      { path: 'start[1]', from: -0.75, to: 2.75, count: 8, scale: 'linear' },
    ]);
    expect(plan.only).toEqual([2]);
    expect(Array.from(axisValues(plan.axes[0]!))).toEqual([
      -1.75, -1.25, -0.75, -0.25, 0.25, 0.75, 1.25, 1.75,
    ]);
  });
});

describe('levelsOf', () => {
  it('puts every cell in exactly one level, a coarse grid first', () => {
    const axes = [axis('start[0]', 0, 1, 19), axis('start[1]', 0, 1, 10)];
    const levels = levelsOf(axes);
    expect(levels).toHaveLength(4);
    const seen = levels.flatMap((l) => Array.from(l)).sort((a, b) => a - b);
    expect(seen).toEqual([...Array(190).keys()]);
    const coarse = Array.from(levels[0]!, (c) => [Math.floor(c / 10), c % 10]);
    const is = [0, 8, 16, 18];
    const js = [0, 8, 9];
    expect(coarse).toEqual(is.flatMap((i) => js.map((j) => [i, j])));
    expect(Array.from(levels[1]!, (c) => [Math.floor(c / 10), c % 10])).toContainEqual([4, 4]);
    expect(Array.from(levels[3]!, (c) => [Math.floor(c / 10), c % 10])).toContainEqual([3, 0]);
  });

  it('gives each cell the coarsest level all its indices are on, in cell order', () => {
    const strides = [8, 4, 2, 1];
    const on = (i: number, n: number, stride: number) => i % stride === 0 || i === n - 1;
    for (const [n, m] of [
      [1, 1],
      [2, 17],
      [9, 8],
      [33, 1],
      [256, 256],
    ] as const) {
      const levels = levelsOf([axis('start[0]', 0, 1, n), axis('start[1]', 0, 1, m)]);
      const expected: number[][] = strides.map(() => []);
      for (let c = 0; c < n * m; c++) {
        const [i, j] = [Math.floor(c / m), c % m];
        expected[strides.findIndex((s) => on(i, n, s) && on(j, m, s))]!.push(c);
      }
      expect(
        levels.map((l) => Array.from(l)),
        `${n} × ${m}`,
      ).toEqual(expected);
    }
  });

  it('orders one axis the same way', () => {
    const levels = levelsOf([axis('noise.seed', 1, 10, 10)]);
    expect(levels.map((l) => Array.from(l))).toEqual([[0, 8, 9], [4], [2, 6], [1, 3, 5, 7]]);
  });
});

describe('clusterBasins', () => {
  it('numbers end-point clusters by their least loss; diverged runs get −1', () => {
    const c = createColumns(5, 1);
    const ends = [
      [1, 1, 0.5],
      [-3, 2, 0.1],
      [1.01, 0.99, 0.4],
      [9, 9, 9],
      [-2.99, 2.02, 0.2],
    ];
    ends.forEach(([x, y, f], e) => {
      c.endX[e] = x!;
      c.endY[e] = y!;
      c.finalLoss[e] = f!;
    });
    c.divergedAt[3] = 12;
    clusterBasins(c, 0.05);
    expect(Array.from(c.basin)).toEqual([1, 0, 1, -1, 0]);
  });
});
