import { contours } from 'd3-contour';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandIndices, HOLE, isolines } from '../../src/engine/contours.ts';
import { logLevels, sampleGrid } from '../../src/engine/field.ts';
import { getFunction } from '../../src/engine/functions/index.ts';

/** Endpoints are stored as float32: ~6·10⁻⁸ relative, so well under this many grid units. */
const TOL = 1e-4;

/** d3-contour's rings for one threshold, in the same grid coordinates as isolines'. */
function d3Rings(values: Float64Array, w: number, h: number, level: number): number[][][] {
  const polygon = contours()
    .size([w, h])
    .contour(values as unknown as number[], level);
  return polygon.coordinates.flat();
}

/**
 * The length of d3's rings inside the square of sample centres. d3 pads the grid with −∞, so its
 * rings also run along the border, between the outer samples and the padding: leave those out.
 */
function d3InteriorLength(rings: number[][][], w: number, h: number): number {
  const inside = (p: number[]) =>
    p[0]! >= 0.5 - 1e-9 &&
    p[0]! <= w - 0.5 + 1e-9 &&
    p[1]! >= 0.5 - 1e-9 &&
    p[1]! <= h - 0.5 + 1e-9;
  let total = 0;
  for (const ring of rings) {
    for (let k = 0; k + 1 < ring.length; k++) {
      const p = ring[k]!;
      const q = ring[k + 1]!;
      if (inside(p) && inside(q)) total += Math.hypot(q[0]! - p[0]!, q[1]! - p[1]!);
    }
  }
  return total;
}

function segmentLength(seg: Float32Array): number {
  let total = 0;
  for (let k = 0; k < seg.length; k += 4) {
    total += Math.hypot(seg[k + 2]! - seg[k]!, seg[k + 3]! - seg[k + 1]!);
  }
  return total;
}

/** The largest distance from an endpoint of `seg` to the nearest vertex of d3's rings. */
function worstEndpointMiss(seg: Float32Array, rings: number[][][]): number {
  const buckets = new Map<string, number[][]>();
  for (const ring of rings) {
    for (const p of ring) {
      const key = `${Math.floor(p[0]!)},${Math.floor(p[1]!)}`;
      const list = buckets.get(key) ?? [];
      list.push(p);
      buckets.set(key, list);
    }
  }
  let worst = 0;
  for (let k = 0; k < seg.length; k += 2) {
    const x = seg[k]!;
    const y = seg[k + 1]!;
    let best = Infinity;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const p of buckets.get(`${Math.floor(x) + dx},${Math.floor(y) + dy}`) ?? []) {
          best = Math.min(best, Math.hypot(p[0]! - x, p[1]! - y));
        }
      }
    }
    worst = Math.max(worst, best);
  }
  return worst;
}

/** Cells of the dual grid whose corners straddle `level` diagonally (marching-squares 5 and 10). */
function saddleCells(values: Float64Array, w: number, h: number, level: number): number {
  let count = 0;
  for (let j = 0; j + 1 < h; j++) {
    for (let i = 0; i + 1 < w; i++) {
      const a = values[i + j * w]! >= level;
      const b = values[i + 1 + j * w]! >= level;
      const c = values[i + 1 + (j + 1) * w]! >= level;
      const d = values[i + (j + 1) * w]! >= level;
      if (a === c && b === d && a !== b) count++;
    }
  }
  return count;
}

const cases = [
  { id: 'rosenbrock', n: 128 },
  { id: 'himmelblau', n: 128 },
  { id: 'rastrigin', n: 96 },
  { id: 'saddle', n: 64 },
] as const;

describe('isolines against d3-contour', () => {
  for (const { id, n } of cases) {
    it(`${id}: endpoints are d3's ring vertices and lengths agree within 1%`, () => {
      const fn = getFunction(id)!;
      const params = Object.fromEntries(Object.entries(fn.params).map(([k, s]) => [k, s.default]));
      const values = sampleGrid(fn.create(params), fn.view, n);
      let fmin = Infinity;
      let fmax = -Infinity;
      for (const v of values) {
        fmin = Math.min(fmin, v);
        fmax = Math.max(fmax, v);
      }
      // Log-spaced levels (the app's) and evenly spaced ones, which cut steep regions more.
      const even = Array.from({ length: 6 }, (_, k) => fmin + ((fmax - fmin) * (k + 1)) / 7);
      const levels = Float64Array.from(
        [...logLevels(fmin, fmax, 12), ...even].sort((a, b) => a - b),
      );
      const lines = isolines(values, n, n, levels);
      expect(lines).toHaveLength(levels.length);
      let ours = 0;
      let theirs = 0;
      levels.forEach((level, k) => {
        const rings = d3Rings(values, n, n, level);
        expect(worstEndpointMiss(lines[k]!, rings)).toBeLessThan(TOL);
        ours += segmentLength(lines[k]!);
        theirs += d3InteriorLength(rings, n, n);
      });
      expect(ours).toBeGreaterThan(n);
      expect(Math.abs(ours - theirs) / theirs).toBeLessThan(0.01);
    });
  }

  it('matches d3 on small integer grids, with levels equal to sample values', () => {
    // Small integer values make levels that equal sample values, and ties, common.
    const grid = fc
      .record({ w: fc.integer({ min: 2, max: 9 }), h: fc.integer({ min: 2, max: 9 }) })
      .chain(({ w, h }) =>
        fc.record({
          w: fc.constant(w),
          h: fc.constant(h),
          values: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: w * h, maxLength: w * h }),
          level: fc.integer({ min: -1, max: 10 }).map((k) => k / 2),
        }),
      );
    fc.assert(
      fc.property(grid, ({ w, h, values, level }) => {
        const v = Float64Array.from(values);
        const [seg] = isolines(v, w, h, Float64Array.of(level));
        // Where a sample equals the level, d3 may have dropped the ring through it: one of no area
        // (a lone sample, or a saddle corner at the level). The level set of the interpolated
        // surface does pass there, so we keep those points; every other endpoint must be d3's.
        const onLevel = (x: number, y: number) =>
          Number.isInteger(x - 0.5) &&
          Number.isInteger(y - 0.5) &&
          v[x - 0.5 + (y - 0.5) * w] === level;
        const proper: number[] = [];
        for (let k = 0; k < seg!.length; k += 2) {
          if (!onLevel(seg![k]!, seg![k + 1]!)) proper.push(seg![k]!, seg![k + 1]!);
        }
        const rings = d3Rings(v, w, h, level);
        expect(worstEndpointMiss(Float32Array.from(proper), rings)).toBeLessThan(TOL);
        if (proper.length === seg!.length && saddleCells(v, w, h, level) === 0) {
          expect(segmentLength(seg!)).toBeCloseTo(d3InteriorLength(rings, w, h), 4);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('draws a line along samples that equal the level, where d3 drops the empty ring', () => {
    // Two samples at the level in a field of zeros: the level set is the edge between them.
    const values = new Float64Array(5 * 5);
    values[2 + 2 * 5] = 4;
    values[2 + 3 * 5] = 4;
    const [seg] = isolines(values, 5, 5, Float64Array.of(4));
    expect(segmentLength(seg!)).toBeCloseTo(2, 9); // the unit edge, once from each side
    expect(d3Rings(values, 5, 5, 4)).toHaveLength(0);
  });
});

describe('isolines', () => {
  it('draws nothing on a constant field, whether the level is below, on or above it', () => {
    const values = new Float64Array(16 * 16).fill(3);
    const lines = isolines(values, 16, 16, Float64Array.of(2, 3, 4));
    expect(lines.map((l) => l.length)).toEqual([0, 0, 0]);
  });

  it('joins the high corners of a saddle cell when its mean reaches the level', () => {
    // a = 1, b = 0 / c = 1, d = 0: the high corners a and c lie on one diagonal.
    const values = Float64Array.of(1, 0, 0, 1);
    const midpoints = (level: number) => {
      const [seg] = isolines(values, 2, 2, Float64Array.of(level));
      const out: [number, number][] = [];
      for (let k = 0; k < seg!.length; k += 4) {
        out.push([(seg![k]! + seg![k + 2]!) / 2, (seg![k + 1]! + seg![k + 3]!) / 2]);
      }
      return out.sort((p, q) => p[0] - q[0]);
    };
    // Mean 0.5 ≥ 0.4: the high region is joined, the lines cut off b (1.5, 0.5) and d (0.5, 1.5).
    const joined = midpoints(0.4);
    expect(joined).toHaveLength(2);
    expect(joined[0]![1]).toBeGreaterThan(1);
    expect(joined[1]![1]).toBeLessThan(1);
    // Mean 0.5 < 0.6: the high corners are cut off instead, a (0.5, 0.5) and c (1.5, 1.5).
    const split = midpoints(0.6);
    expect(split).toHaveLength(2);
    expect(split[0]![1]).toBeLessThan(1);
    expect(split[1]![1]).toBeGreaterThan(1);
  });

  it('leaves out every cell with a non-finite corner, and still matches d3 elsewhere', () => {
    const n = 40;
    const values = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const r = Math.hypot(i - 20, j - 20);
        // A NaN disc, a +∞ stripe and a −∞ sample inside a smooth bowl.
        values[i + j * n] = r < 6 ? NaN : i === 33 ? Infinity : i === 5 && j === 5 ? -Infinity : r;
      }
    }
    const levels = Float64Array.of(4, 7, 10, 15, 25);
    const lines = isolines(values, n, n, levels);
    levels.forEach((level, k) => {
      const seg = lines[k]!;
      for (let p = 0; p < seg.length; p += 4) {
        const i = Math.floor((seg[p]! + seg[p + 2]!) / 2 - 0.5);
        const j = Math.floor((seg[p + 1]! + seg[p + 3]!) / 2 - 0.5);
        for (const idx of [i + j * n, i + 1 + j * n, i + (j + 1) * n, i + 1 + (j + 1) * n]) {
          expect(Number.isFinite(values[idx]!)).toBe(true);
          expect(Number.isFinite(seg[p]!) && Number.isFinite(seg[p + 1]!)).toBe(true);
        }
      }
      // d3 reads a non-finite sample as −∞; in the finite cells its crossings are ours.
      expect(worstEndpointMiss(seg, d3Rings(values, n, n, level))).toBeLessThan(TOL);
    });
    expect(lines[0]).toHaveLength(0);
    expect(lines[2]!.length).toBeGreaterThan(0);
  });

  it('continues every line through the interior: each inner crossing ends exactly two segments', () => {
    // Values k + ¼ and levels k + ¾ never tie, so every crossing is a proper one.
    const grid = fc
      .record({ w: fc.integer({ min: 2, max: 10 }), h: fc.integer({ min: 2, max: 10 }) })
      .chain(({ w, h }) =>
        fc.record({
          w: fc.constant(w),
          h: fc.constant(h),
          values: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: w * h, maxLength: w * h }),
          levels: fc.uniqueArray(fc.integer({ min: -5, max: 4 }), { minLength: 1, maxLength: 4 }),
        }),
      );
    fc.assert(
      fc.property(grid, ({ w, h, values, levels }) => {
        const v = Float64Array.from(values, (x) => x + 0.25);
        const lv = Float64Array.from(
          levels.sort((a, b) => a - b),
          (x) => x + 0.75,
        );
        isolines(v, w, h, lv).forEach((seg) => {
          const degree = new Map<string, number>();
          for (let k = 0; k < seg.length; k += 2) {
            const key = `${seg[k]},${seg[k + 1]}`;
            degree.set(key, (degree.get(key) ?? 0) + 1);
          }
          for (const [key, d] of degree) {
            const [x, y] = key.split(',').map(Number) as [number, number];
            const onBorder = x === 0.5 || y === 0.5 || x === w - 0.5 || y === h - 0.5;
            expect(d).toBe(onBorder ? 1 : 2);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('counts levels at or below each sample for its band, HOLE where it is not finite', () => {
    const values = Float64Array.of(-1, 0, 0.5, 1, 2, 5, NaN, Infinity, -Infinity);
    const bands = new Uint8Array(values.length);
    bandIndices(values, Float64Array.of(0, 1, 1, 2), bands);
    expect(Array.from(bands)).toEqual([0, 1, 1, 3, 4, 4, HOLE, HOLE, HOLE]);
  });

  it('refuses levels out of order and values that do not fill the grid', () => {
    expect(() => isolines(new Float64Array(4), 2, 2, Float64Array.of(2, 1))).toThrow(/ascend/);
    expect(() => isolines(new Float64Array(5), 2, 2, Float64Array.of(1))).toThrow(/fill/);
  });
});
