import { describe, expect, it } from 'vitest';
import { contourField, sampleGrid } from '../../src/engine/field.ts';
import { getFunction } from '../../src/engine/functions/index.ts';
import type { Objective } from '../../src/engine/types.ts';

const plane: Objective = { f: (x, y) => 2 * x + 10 * y, grad: () => {} };

/** Area of a ring by the shoelace formula. */
const ringArea = (ring: number[][]): number => {
  let a = 0;
  for (let k = 0; k < ring.length; k++) {
    const [x1, y1] = ring[k]!;
    const [x2, y2] = ring[(k + 1) % ring.length]!;
    a += x1! * y2! - x2! * y1!;
  }
  return Math.abs(a) / 2;
};

describe('contour field', () => {
  it('samples cell centres, i along x and j along y (y up)', () => {
    const values = sampleGrid(plane, { x: [0, 4], y: [0, 2] }, 4);
    expect(values[0]).toBe(2 * 0.5 + 10 * 0.25);
    expect(values[3]).toBe(2 * 3.5 + 10 * 0.25);
    expect(values[3 * 4]).toBe(2 * 0.5 + 10 * 1.75);
  });

  it('spaces levels evenly in log(f − fmin + ε) and starts with a band covering the view', () => {
    const rosen = getFunction('rosenbrock')!.create({ a: 1, b: 100 });
    const n = 64;
    const field = contourField(rosen, { x: [-2, 2], y: [-1, 3] }, n, 12);
    expect(field.bands).toHaveLength(12);
    expect(field.fmin).toBeGreaterThanOrEqual(0);
    expect(field.fmax).toBeGreaterThan(1000);
    const eps = (field.fmax - field.fmin) * 1e-4;
    const g = field.bands.map((b) => Math.log(b.level - field.fmin + eps));
    const gaps = g.slice(1).map((v, k) => v - g[k]!);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]!, 9);
    const area = field.bands[0]!.coordinates.reduce((s, poly) => s + ringArea(poly[0]!), 0);
    // Marching squares cuts a corner off the one cell sitting exactly at fmin.
    expect(area).toBeGreaterThan(n * n - 1);
    // Higher levels cover less of the view.
    const areas = field.bands.map((b) =>
      b.coordinates.reduce(
        (s, poly) => s + ringArea(poly[0]!) - poly.slice(1).reduce((h, r) => h + ringArea(r), 0),
        0,
      ),
    );
    for (let k = 1; k < areas.length; k++)
      expect(areas[k]!).toBeLessThanOrEqual(areas[k - 1]! + 1e-9);
  });

  it('refuses a view where f is nowhere finite', () => {
    const nan: Objective = { f: () => NaN, grad: () => {} };
    expect(() => contourField(nan, { x: [0, 1], y: [0, 1] }, 8, 4)).toThrow(/not finite anywhere/);
  });
});
