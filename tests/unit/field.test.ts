import { describe, expect, it } from 'vitest';
import { HOLE } from '../../src/engine/contours.ts';
import { computeField, MAX_SEGMENTS, sampleGrid, thinLines } from '../../src/engine/field.ts';
import { getFunction } from '../../src/engine/functions/index.ts';
import type { Objective } from '../../src/engine/types.ts';

const plane: Objective = { f: (x, y) => 2 * x + 10 * y, grad: () => {} };

describe('contour field', () => {
  it('samples cell centres, i along x and j along y (y up)', () => {
    const values = sampleGrid(plane, { x: [0, 4], y: [0, 2] }, 4);
    expect(values[0]).toBe(2 * 0.5 + 10 * 0.25);
    expect(values[3]).toBe(2 * 3.5 + 10 * 0.25);
    expect(values[3 * 4]).toBe(2 * 0.5 + 10 * 1.75);
  });

  it('bands count the levels below each cell, rising with x and with y', () => {
    const n = 16;
    const field = computeField(plane, { x: [0, 4], y: [0, 2] }, n, 5);
    const band = (i: number, j: number) => field.bands[i + j * n]!;
    expect(band(0, 0)).toBe(0);
    expect(band(n - 1, n - 1)).toBe(5);
    for (let j = 0; j < n; j++) {
      for (let i = 1; i < n; i++) expect(band(i, j)).toBeGreaterThanOrEqual(band(i - 1, j));
    }
    for (let j = 1; j < n; j++) expect(band(0, j)).toBeGreaterThanOrEqual(band(0, j - 1));
  });

  it('puts each iso-line where f equals its level, in grid coordinates', () => {
    const n = 32;
    const view = { x: [-3, 5], y: [1, 2] } as const;
    const ramp: Objective = { f: (x) => x, grad: () => {} };
    const field = computeField(ramp, view, n, 6);
    field.levels.forEach((level, k) => {
      const seg = field.lines[k]!;
      // One vertical segment per row of cells between sample centres.
      expect(seg.length).toBe(4 * (n - 1));
      for (let p = 0; p < seg.length; p += 2) {
        const x = view.x[0] + (seg[p]! * (view.x[1] - view.x[0])) / n;
        expect(x).toBeCloseTo(level, 5);
      }
    });
  });

  it('spaces levels evenly in log(f − fmin + ε), strictly between fmin and fmax', () => {
    const rosen = getFunction('rosenbrock')!.create({ a: 1, b: 100 });
    const field = computeField(rosen, { x: [-2, 2], y: [-1, 3] }, 64, 12);
    expect(field.levels).toHaveLength(12);
    expect(field.lines).toHaveLength(12);
    expect(field.fmin).toBeGreaterThanOrEqual(0);
    expect(field.fmax).toBeGreaterThan(1000);
    const eps = (field.fmax - field.fmin) * 1e-4;
    const g = [
      Math.log(eps),
      ...Array.from(field.levels, (level) => Math.log(level - field.fmin + eps)),
      Math.log(field.fmax - field.fmin + eps),
    ];
    const gaps = g.slice(1).map((v, k) => v - g[k]!);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]!, 9);
    // Higher levels enclose fewer cells.
    const above = Array.from(field.levels, (_, k) => field.bands.filter((b) => b > k).length);
    for (let k = 1; k < above.length; k++) expect(above[k]!).toBeLessThan(above[k - 1]!);
  });

  it('makes holes where f is not finite and refuses a view where it is nowhere finite', () => {
    const n = 20;
    // NaN outside the unit disc, and ±∞ on two thin stripes inside it.
    const dome: Objective = {
      f: (x, y) =>
        (Math.abs(x) < 0.1 ? -Infinity : Math.abs(y) < 0.1 ? Infinity : 1) *
        Math.sqrt(1 - x * x - y * y),
      grad: () => {},
    };
    const field = computeField(dome, { x: [-1.5, 1.5], y: [-1.5, 1.5] }, n, 4);
    const values = sampleGrid(dome, field.view, n);
    expect(values.some((v) => v === Infinity) && values.some((v) => v === -Infinity)).toBe(true);
    values.forEach((v, k) => expect(field.bands[k] === HOLE).toBe(!Number.isFinite(v)));
    expect(field.fmin).toBeGreaterThanOrEqual(0);
    expect(field.fmax).toBeLessThanOrEqual(1);
    expect(field.lines.some((l) => l.length > 0)).toBe(true);

    const nan: Objective = { f: () => NaN, grad: () => {} };
    expect(() => computeField(nan, { x: [0, 1], y: [0, 1] }, 8, 4)).toThrow(/not finite anywhere/);
  });

  it('gives a flat f one band and no lines', () => {
    const flat: Objective = { f: () => 7, grad: () => {} };
    const field = computeField(flat, { x: [0, 1], y: [0, 1] }, 8, 4);
    expect(field.bands.every((b) => b === 0)).toBe(true);
    expect(field.lines.every((l) => l.length === 0)).toBe(true);
  });

  it('owns one buffer per array, so a worker can transfer them all', () => {
    const field = computeField(plane, { x: [0, 1], y: [0, 1] }, 8, 3);
    const buffers = [field.levels, field.bands, ...field.lines].map((a) => a.buffer);
    expect(new Set(buffers).size).toBe(buffers.length);
  });

  it('gives the same field with a reused scratch array as without, view after view', () => {
    const rosenbrock = getFunction('rosenbrock')!.create({ a: 1, b: 100 });
    const scratch = new Float64Array(40 * 40);
    for (const view of [
      { x: [-2, 2], y: [-1, 3] },
      { x: [0, 1.5], y: [0, 1.5] },
    ] as const) {
      const fresh = computeField(rosenbrock, view, 40, 8);
      expect(computeField(rosenbrock, view, 40, 8, scratch)).toEqual(fresh);
    }
    // A scratch of the wrong size is not used.
    expect(computeField(plane, { x: [0, 1], y: [0, 1] }, 8, 3, scratch).n).toBe(8);
  });

  it('refuses a bad grid size, level count or view', () => {
    const box = { x: [0, 1], y: [0, 1] } as const;
    expect(() => computeField(plane, box, 1, 4)).toThrow(RangeError);
    expect(() => computeField(plane, box, 8.5, 4)).toThrow(RangeError);
    expect(() => computeField(plane, box, 8, 0)).toThrow(RangeError);
    expect(() => computeField(plane, box, 8, 255)).toThrow(RangeError);
    expect(() => computeField(plane, { x: [1, 1], y: [0, 1] }, 8, 4)).toThrow(RangeError);
    expect(() => computeField(plane, { x: [0, NaN], y: [0, 1] }, 8, 4)).toThrow(RangeError);
  });

  it('keeps every iso-line of an ordinary view', () => {
    const rosenbrock = getFunction('rosenbrock')!.create({ a: 1, b: 100 });
    const field = computeField(rosenbrock, { x: [-2, 2], y: [-1, 3] }, 512, 24);
    expect(field.lineEvery).toBe(1);
    expect(field.lines.every((l) => l.length > 0)).toBe(true);
  });

  it('thins the iso-lines of a function the grid cannot resolve, keeping every band', () => {
    // sin(x)·cos(y) over ±10⁶: ~3,900 periods across 512 samples, noise with 1.3 M segments.
    const wave: Objective = { f: (x, y) => Math.sin(x) * Math.cos(y), grad: () => {} };
    const view = { x: [-1e6, 1e6], y: [-1e6, 1e6] } as const;
    const field = computeField(wave, view, 512, 24);
    const segments = field.lines.reduce((s, l) => s + l.length / 4, 0);
    expect(segments).toBeGreaterThan(0);
    expect(segments).toBeLessThanOrEqual(MAX_SEGMENTS);
    expect(field.lineEvery).toBeGreaterThan(1);
    field.lines.forEach((l, k) => {
      if ((k + 1) % field.lineEvery !== 0) expect(l.length, `level ${k}`).toBe(0);
    });
    expect(field.bands.reduce((m, b) => Math.max(m, b), 0)).toBe(24);
  });

  it('thins by halving the levels kept until the segments fit, or keeps none', () => {
    const line = (segments: number) => new Float32Array(4 * segments);
    const lines = [line(10), line(10), line(10), line(10)];
    const kept = (max: number) => {
      const { lines: out, every } = thinLines(lines, max);
      return [every, out.map((l) => l.length / 4)];
    };
    expect(kept(40)).toEqual([1, [10, 10, 10, 10]]);
    expect(kept(39)).toEqual([2, [0, 10, 0, 10]]);
    expect(kept(10)).toEqual([4, [0, 0, 0, 10]]);
    expect(kept(9)).toEqual([8, [0, 0, 0, 0]]);
  });
});
