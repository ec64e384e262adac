import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ackley,
  defaultParams,
  functions,
  getFunction,
  narrowValley,
  rosenbrock,
} from '../../src/engine/functions/index.ts';
import type { Box, Objective, Params, TestFunction, Vec2 } from '../../src/engine/types.ts';

/** Non-differentiable points by function id: central differences are meaningless right there. */
const kinks: Readonly<Record<string, readonly Vec2[]>> = { ackley: [[0, 0]] };
const KINK_RADIUS = 1e-3;

/** Random parameter values inside each declared [min, max]. */
function paramsArb(fn: TestFunction): fc.Arbitrary<Params> {
  const arbs: Record<string, fc.Arbitrary<number>> = {};
  for (const [name, p] of Object.entries(fn.params)) {
    arbs[name] = fc.double({ min: p.min, max: p.max, noNaN: true });
  }
  return fc.record(arbs);
}

/** A random coordinate in [min, max] widened by 10% of the span on each side. */
function coordArb([min, max]: Vec2): fc.Arbitrary<number> {
  const margin = 0.1 * (max - min);
  return fc.double({ min: min - margin, max: max + margin, noNaN: true });
}

function gradAt(obj: Objective, x: number, y: number): [number, number] {
  const out = new Float64Array(2);
  obj.grad(x, y, out);
  return [out[0]!, out[1]!];
}

/** Asserts that the analytic gradient matches central differences at (x, y). */
function expectGradientMatches(obj: Objective, x: number, y: number): void {
  const [gx, gy] = gradAt(obj, x, y);
  const hx = 1e-6 * Math.max(1, Math.abs(x));
  const hy = 1e-6 * Math.max(1, Math.abs(y));
  // Why divide by the representable step, not 2h: x + h and x − h are rounded.
  const dx = (obj.f(x + hx, y) - obj.f(x - hx, y)) / (x + hx - (x - hx));
  const dy = (obj.f(x, y + hy) - obj.f(x, y - hy)) / (y + hy - (y - hy));
  const tol = 1e-5 * Math.max(1, Math.hypot(gx, gy));
  expect(Math.abs(gx - dx), `∂f/∂x at (${x}, ${y}): analytic ${gx}, numeric ${dx}`).toBeLessThan(
    tol,
  );
  expect(Math.abs(gy - dy), `∂f/∂y at (${x}, ${y}): analytic ${gy}, numeric ${dy}`).toBeLessThan(
    tol,
  );
}

function inside(view: Box, [x, y]: Vec2): boolean {
  return x >= view.x[0] && x <= view.x[1] && y >= view.y[0] && y <= view.y[1];
}

/** Asserts that (x, y) is a critical point no higher than 8 neighbours at distance 1e-3. */
function expectLocalMinimum(obj: Objective, [x, y]: Vec2): void {
  const [gx, gy] = gradAt(obj, x, y);
  expect(Math.hypot(gx, gy), `|∇f| at (${x}, ${y})`).toBeLessThan(1e-8);
  const f0 = obj.f(x, y);
  for (let k = 0; k < 8; k++) {
    const t = (k * Math.PI) / 4;
    const f1 = obj.f(x + 1e-3 * Math.cos(t), y + 1e-3 * Math.sin(t));
    expect(f0, `f at (${x}, ${y}) vs a neighbour`).toBeLessThanOrEqual(f1);
  }
}

describe.each(functions.map((fn) => [fn.id, fn] as const))('%s', (_id, fn) => {
  const defaults = defaultParams(fn);

  it('has an analytic gradient that matches central differences', () => {
    const point = fc.tuple(coordArb(fn.view.x), coordArb(fn.view.y));
    const check = (params: Params, [x, y]: [number, number]) => {
      fc.pre((kinks[fn.id] ?? []).every(([kx, ky]) => Math.hypot(x - kx, y - ky) > KINK_RADIUS));
      expectGradientMatches(fn.create(params), x, y);
    };
    fc.assert(
      fc.property(point, (p) => check(defaults, p)),
      { numRuns: 300 },
    );
    fc.assert(fc.property(paramsArb(fn), point, check), { numRuns: 300 });
  });

  it('has an analytic gradient that matches central differences at fixed generic parameters', () => {
    // Random parameters cluster at their bounds and 0 (a rotation of 0° or ±90°): these do not.
    const generic: Params = Object.fromEntries(
      Object.entries(fn.params).map(([name, p]) => [name, p.min + 0.3719 * (p.max - p.min)]),
    );
    for (const params of [defaults, generic]) {
      const obj = fn.create(params);
      for (const [u, v] of [
        [0.2113, 0.7887],
        [0.618, 0.1459],
        [0.9, 0.35],
      ] as const) {
        const x = fn.view.x[0] + u * (fn.view.x[1] - fn.view.x[0]);
        const y = fn.view.y[0] + v * (fn.view.y[1] - fn.view.y[0]);
        expectGradientMatches(obj, x, y);
      }
    }
  });

  it('lists minima that are critical points below their neighbours', () => {
    const obj = fn.create(defaults);
    for (const m of fn.minima(defaults)) expectLocalMinimum(obj, m);
    fc.assert(
      fc.property(paramsArb(fn), (params) => {
        const o = fn.create(params);
        for (const m of fn.minima(params)) expectLocalMinimum(o, m);
      }),
      { numRuns: 100 },
    );
  });

  it('has no point in its view lower than its best listed minimum', () => {
    const minima = fn.minima(defaults);
    if (minima.length === 0) return;
    const obj = fn.create(defaults);
    const best = Math.min(...minima.map(([x, y]) => obj.f(x, y)));
    const n = 200;
    let lowest = Infinity;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= n; j++) {
        const x = fn.view.x[0] + ((fn.view.x[1] - fn.view.x[0]) * i) / n;
        const y = fn.view.y[0] + ((fn.view.y[1] - fn.view.y[0]) * j) / n;
        lowest = Math.min(lowest, obj.f(x, y));
      }
    }
    expect(lowest).toBeGreaterThanOrEqual(best - 1e-12 * Math.max(1, Math.abs(best)));
  });

  it('is finite at its start, and its start and minima lie in its view', () => {
    const obj = fn.create(defaults);
    const [x, y] = fn.start;
    expect(Number.isFinite(obj.f(x, y))).toBe(true);
    expect(gradAt(obj, x, y).every(Number.isFinite)).toBe(true);
    expect(fn.view.x[0]).toBeLessThan(fn.view.x[1]);
    expect(fn.view.y[0]).toBeLessThan(fn.view.y[1]);
    expect(inside(fn.view, fn.start)).toBe(true);
    for (const m of fn.minima(defaults)) expect(inside(fn.view, m), `minimum ${m}`).toBe(true);
  });

  it('has parameter defaults inside their ranges', () => {
    for (const [name, p] of Object.entries(fn.params)) {
      expect(p.min, name).toBeLessThan(p.max);
      expect(p.default, name).toBeGreaterThanOrEqual(p.min);
      expect(p.default, name).toBeLessThanOrEqual(p.max);
      expect(p.label.length, name).toBeGreaterThan(0);
      expect(defaults[name]).toBe(p.default);
    }
    expect(Object.keys(defaults)).toEqual(Object.keys(fn.params));
  });

  it('is found by its id', () => {
    expect(getFunction(fn.id)).toBe(fn);
  });
});

describe('the function table', () => {
  it('lists twelve functions with unique ids, rosenbrock first', () => {
    expect(functions).toHaveLength(12);
    expect(functions[0]).toBe(rosenbrock);
    expect(new Set(functions.map((fn) => fn.id)).size).toBe(functions.length);
  });

  it('finds nothing for unknown or prototype ids', () => {
    for (const id of ['__proto__', 'toString', 'constructor', 'hasOwnProperty', '', 'custom']) {
      expect(getFunction(id), id).toBeUndefined();
    }
  });
});

describe('ackley', () => {
  const obj = ackley.create({});

  it('has gradient 0 and value 0 at its minimum, the origin', () => {
    expect(gradAt(obj, 0, 0)).toEqual([0, 0]);
    expect(Math.abs(obj.f(0, 0))).toBeLessThan(1e-14);
  });

  it('stays finite arbitrarily close to the origin', () => {
    for (const t of [5e-324, 1e-300, 1e-160, 1e-12]) {
      expect(gradAt(obj, t, -t).every(Number.isFinite), String(t)).toBe(true);
      expect(gradAt(obj, 0, t).every(Number.isFinite), String(t)).toBe(true);
    }
  });
});

describe('narrow_valley', () => {
  const points: Vec2[] = [
    [-3, 1.5],
    [0.1, -0.7],
    [1e-3, 3.3],
    [-2.71828, -1.41421],
  ];

  it('with angle 0 rounds exactly like the reference ½(x² + κy²)', () => {
    for (const kappa of [20, 1, 137.5]) {
      const obj = narrowValley.create({ kappa, angle: 0 });
      for (const [x, y] of points) {
        expect(obj.f(x, y)).toEqual(0.5 * (x * x + kappa * (y * y)));
        expect(gradAt(obj, x, y)).toEqual([x, kappa * y]);
      }
    }
  });

  it('with angle 90 swaps the roles of x and y', () => {
    const flat = narrowValley.create({ kappa: 20, angle: 0 });
    const turned = narrowValley.create({ kappa: 20, angle: 90 });
    for (const [x, y] of points) {
      const f = flat.f(y, x);
      expect(Math.abs(turned.f(x, y) - f)).toBeLessThan(1e-12 * Math.max(1, Math.abs(f)));
      const [gx, gy] = gradAt(turned, x, y);
      const [hy, hx] = gradAt(flat, y, x);
      expect(Math.abs(gx - hx)).toBeLessThan(1e-12 * Math.max(1, Math.abs(hx)));
      expect(Math.abs(gy - hy)).toBeLessThan(1e-12 * Math.max(1, Math.abs(hy)));
    }
  });
});

/** Gradient descent with a backtracking line search from (x, y): a local minimum or a stall. */
function descend(obj: Objective, x0: number, y0: number): Vec2 {
  let [x, y] = [x0, y0];
  const g = new Float64Array(2);
  for (let i = 0; i < 5000; i++) {
    obj.grad(x, y, g);
    const gg = g[0]! * g[0]! + g[1]! * g[1]!;
    if (gg < 1e-14) break;
    const f0 = obj.f(x, y);
    let t = 1;
    while (t > 1e-12 && !(obj.f(x - t * g[0]!, y - t * g[1]!) <= f0 - 0.5 * t * gg)) t /= 2;
    if (t <= 1e-12) break; // no decrease left to find: rounding has the last word
    x -= t * g[0]!;
    y -= t * g[1]!;
  }
  return [x, y];
}

describe('the minima lists', () => {
  it('are empty exactly for the functions unbounded below', () => {
    for (const fn of functions) {
      const obj = fn.create(defaultParams(fn));
      const unbounded = [1e3, 1e6].map((t) =>
        Math.min(obj.f(t, 0), obj.f(-t, 0), obj.f(0, t), obj.f(0, -t)),
      );
      const isUnbounded = unbounded[1]! < -1e11 && unbounded[1]! < unbounded[0]!;
      expect(fn.minima(defaultParams(fn)).length === 0, fn.id).toBe(isUnbounded);
    }
    expect(
      functions.filter((fn) => fn.minima(defaultParams(fn)).length === 0).map((fn) => fn.id),
    ).toEqual(['saddle', 'monkey_saddle']);
  });

  it('name every local minimum in the view where there are few (descent from a grid of starts)', () => {
    for (const id of ['himmelblau', 'six_hump_camel', 'styblinski_tang', 'booth', 'matyas']) {
      const fn = getFunction(id)!;
      const obj = fn.create(defaultParams(fn));
      const listed = fn.minima(defaultParams(fn));
      const found: Vec2[] = [];
      // Cell centres: no start sits on a symmetry axis, where descent could stop at a saddle.
      const n = 12;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const x0 = fn.view.x[0] + ((fn.view.x[1] - fn.view.x[0]) * (i + 0.37)) / n;
          const y0 = fn.view.y[0] + ((fn.view.y[1] - fn.view.y[0]) * (j + 0.61)) / n;
          const m = descend(obj, x0, y0);
          if (!inside(fn.view, m)) continue;
          if (found.every(([x, y]) => Math.hypot(x - m[0], y - m[1]) > 1e-4)) found.push(m);
        }
      }
      expect(found.length, id).toBe(listed.length);
      for (const m of found) {
        const near = listed.some(([x, y]) => Math.hypot(x - m[0], y - m[1]) < 1e-5);
        expect(near, `${id}: a minimum near (${m[0]}, ${m[1]}) is not listed`).toBe(true);
      }
    }
  });
});

describe('the function records', () => {
  it('have a snake_case id, a name and a formula', () => {
    for (const fn of functions) {
      expect(fn.id).toMatch(/^[a-z][a-z_]*$/);
      expect(fn.name.trim(), fn.id).not.toBe('');
      expect(fn.formula.trim(), fn.id).not.toBe('');
    }
  });

  it('keep their default start and view: a saved link leaves them out when unchanged', () => {
    // Golden values: links (toCompactPreset) leave out a start and a view equal to the function's
    // own, so changing one here silently changes every such shared link.
    const expected: Record<string, Pick<TestFunction, 'start' | 'view'>> = {
      rosenbrock: { start: [-1.5, 2], view: { x: [-2, 2], y: [-1, 3] } },
      narrow_valley: { start: [-3, 1.5], view: { x: [-4, 4], y: [-2.5, 2.5] } },
      saddle: { start: [1.5, 0.01], view: { x: [-2, 2], y: [-2, 2] } },
      beale: { start: [1, 1.5], view: { x: [-4.5, 4.5], y: [-4.5, 4.5] } },
      himmelblau: { start: [0, 0], view: { x: [-5, 5], y: [-5, 5] } },
      rastrigin: { start: [-4.3, 3.7], view: { x: [-5.12, 5.12], y: [-5.12, 5.12] } },
      ackley: { start: [-3.3, 4.1], view: { x: [-5, 5], y: [-5, 5] } },
      booth: { start: [-8, 7], view: { x: [-10, 10], y: [-10, 10] } },
      six_hump_camel: { start: [-1.5, -1], view: { x: [-2, 2], y: [-1.1, 1.1] } },
      matyas: { start: [-8, -3], view: { x: [-10, 10], y: [-10, 10] } },
      monkey_saddle: { start: [1.5, 0.1], view: { x: [-2, 2], y: [-2, 2] } },
      styblinski_tang: { start: [0, 4.5], view: { x: [-5, 5], y: [-5, 5] } },
    };
    for (const fn of functions) {
      expect({ start: fn.start, view: fn.view }, fn.id).toEqual(expected[fn.id]);
    }
  });

  it('have the textbook parameters at their textbook defaults; the others have none', () => {
    const withParams: Record<string, Params> = {
      rosenbrock: { a: 1, b: 100 },
      narrow_valley: { kappa: 20, angle: 0 },
      rastrigin: { A: 10 },
      saddle: { a: 1, b: 1 },
    };
    for (const fn of functions) expect(defaultParams(fn), fn.id).toEqual(withParams[fn.id] ?? {});
  });
});
