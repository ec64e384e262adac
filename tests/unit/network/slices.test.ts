import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NormalSource } from '../../../src/engine/noise.ts';
import { layoutOf, type Architecture } from '../../../src/engine/network/architecture.ts';
import { getNetworkDataset } from '../../../src/engine/network/datasets.ts';
import { filterNormalized, randomPlane } from '../../../src/engine/network/directions.ts';
import { initialParameters } from '../../../src/engine/network/init.ts';
import { Network } from '../../../src/engine/network/model.ts';
import { principalPlane } from '../../../src/engine/network/pca.ts';
import { scatterKernel } from '../../../src/engine/network/wasm/scatterKernel.ts';
import { pointOn, project } from '../../../src/engine/network/plane.ts';
import { lineLosses, PlaneLoss } from '../../../src/engine/network/slice.ts';

const arch: Architecture = { hidden: [8, 6], activation: 'tanh', head: 'classification' };
const params = { n: 200, test: 0.25, batch: 16, seed: 3, noise: 0.1 };
const data = getNetworkDataset('spiral')!.dataset(params);
const layout = layoutOf(arch);

const norm = (v: Float64Array, from = 0, to = v.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
};
const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('filter-normalised random directions (Li et al. 2018)', () => {
  it('give every unit’s incoming weights the norm of the centre’s, and the biases nothing', () => {
    const center = initialParameters(arch, 4);
    const d = filterNormalized(layout, center, new NormalSource(9));
    const { sizes, weight, bias } = layout;
    for (let l = 0; l < weight.length; l++) {
      for (let unit = 0; unit < sizes[l + 1]!; unit++) {
        const from = weight[l]! + unit * sizes[l]!;
        const to = from + sizes[l]!;
        // torch's ε: d.mul_(w.norm() / (d.norm() + 1e-10)).
        const want = norm(center, from, to);
        expect(Math.abs(norm(d, from, to) - want)).toBeLessThan(1e-9 * want);
      }
      for (let i = bias[l]!; i < bias[l]! + sizes[l + 1]!; i++) expect(d[i]).toBe(0);
    }
  });

  it('come from the seed: the same seed the same plane, another seed another', () => {
    const center = initialParameters(arch, 4);
    const a = randomPlane(layout, center, 5);
    expect(randomPlane(layout, center, 5)).toEqual(a);
    expect(randomPlane(layout, center, 6).d1).not.toEqual(a.d1);
    // Two draws, nearly orthogonal in this many dimensions but not exactly.
    const cos = dot(a.d1, a.d2) / (norm(a.d1) * norm(a.d2));
    expect(Math.abs(cos)).toBeLessThan(0.5);
    expect(cos).not.toBe(0);
  });
});

describe('projection on a plane', () => {
  it('recovers (α, β) of a point of the plane, with or without orthogonal directions; distance 0', () => {
    const center = initialParameters(arch, 1);
    const plane = randomPlane(layout, center, 2);
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (alpha, beta) => {
          const theta = new Float64Array(layout.count);
          pointOn(plane, alpha, beta, theta);
          const p = project(plane, theta);
          expect(p.alpha).toBeCloseTo(alpha, 9);
          expect(p.beta).toBeCloseTo(beta, 9);
          expect(p.distance).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it('measures what lies off the plane: a step orthogonal to both directions', () => {
    const center = initialParameters(arch, 1);
    const plane = randomPlane(layout, center, 2);
    // A vector nearly orthogonal to the plane (Gram–Schmidt against d1, then d2).
    const off = Float64Array.from({ length: layout.count }, (_, i) => Math.cos(i));
    for (const d of [plane.d1, plane.d2]) {
      const u = d.map((x) => x / norm(d));
      const k = dot(off, u);
      for (let i = 0; i < off.length; i++) off[i] = off[i]! - k * u[i]!;
    }
    const theta = new Float64Array(layout.count);
    pointOn(plane, 0.5, -0.25, theta);
    const p0 = project(plane, theta);
    for (let i = 0; i < theta.length; i++) theta[i] = theta[i]! + 0.1 * off[i]!;
    const p = project(plane, theta);
    // The residual's length is at most the step's, and (α, β) move by the step's part in the plane.
    expect(p.distance).toBeLessThanOrEqual(0.1 * norm(off) + 1e-12);
    expect(p.distance).toBeGreaterThan(0.09 * norm(off));
    expect(Math.hypot(p.alpha - p0.alpha, p.beta - p0.beta)).toBeLessThan(0.1);
  });
});

describe('the principal plane of paths', () => {
  it('finds the two directions and shares of variance of points spread along them', () => {
    const dim = 40;
    const u = Float64Array.from({ length: dim }, (_, i) => (i % 2 ? 1 : -1) / Math.sqrt(dim));
    const v = Float64Array.from({ length: dim }, (_, i) => (i < dim / 2 ? 1 : -1) / Math.sqrt(dim));
    expect(dot(u, v)).toBeCloseTo(0, 14);
    // Along u with amplitude 3 and along v with 1, over whole periods: uncorrelated in the sample
    // too, so its principal axes are u and v exactly and the shares of variance 0.9 and 0.1.
    const c = Float64Array.from({ length: dim }, (_, i) => i / 10);
    const paths = [0, 1].map((run) => {
      const path = new Float64Array(dim * 300);
      for (let p = 0; p < 300; p++) {
        const t = (2 * Math.PI * (p + 150 * run)) / 300;
        const a = 3 * Math.sin(t);
        const b = Math.cos(t);
        for (let i = 0; i < dim; i++) path[p * dim + i] = c[i]! + a * u[i]! + b * v[i]!;
      }
      return path;
    });
    const plane = principalPlane(paths, dim);
    expect(Math.abs(dot(plane.d1, u))).toBeGreaterThan(1 - 1e-9);
    expect(Math.abs(dot(plane.d2, v))).toBeGreaterThan(1 - 1e-9);
    expect(dot(plane.d1, plane.d2)).toBeCloseTo(0, 12);
    expect(plane.explained[0]).toBeCloseTo(0.9, 9);
    expect(plane.explained[1]).toBeCloseTo(0.1, 9);
    // Every point lies on the plane.
    expect(project(plane, paths[0]!, 17 * dim).distance).toBeLessThan(1e-9);
  });

  it('tells the second direction from a third of nearly the same variance', () => {
    // Variances 4, 1 and 0.98 along three orthogonal directions (Hadamard-like sign patterns):
    // iterating two vectors converges on the second at 0.98 an iteration (300 of them leave it
    // 0.2% off); the block of eight separates them at once.
    const dim = 64;
    const sign = (i: number, bit: number) => ((i >> bit) & 1 ? 1 : -1) / Math.sqrt(dim);
    const dirs = [0, 1, 2].map((bit) => Float64Array.from({ length: dim }, (_, i) => sign(i, bit)));
    const amplitudes = [2, 1, Math.sqrt(0.98)];
    const n = 360;
    const path = new Float64Array(dim * n);
    for (let p = 0; p < n; p++) {
      // Three uncorrelated coordinates over whole periods: sin t, cos t, sin 2t.
      const t = (2 * Math.PI * p) / n;
      const coords = [Math.sin(t), Math.cos(t), Math.sin(2 * t)];
      for (let i = 0; i < dim; i++)
        path[p * dim + i] = coords.reduce((s, x, k) => s + amplitudes[k]! * x * dirs[k]![i]!, 0);
    }
    const plane = principalPlane([path], dim);
    expect(Math.abs(dot(plane.d1, dirs[0]!))).toBeGreaterThan(1 - 1e-12);
    expect(Math.abs(dot(plane.d2, dirs[1]!))).toBeGreaterThan(1 - 1e-12);
    expect(plane.explained[0]).toBeCloseTo(4 / 5.98, 12);
    expect(plane.explained[1]).toBeCloseTo(1 / 5.98, 12);
  });

  it('is the same for the same paths, whatever order the runs come in', () => {
    const dim = layout.count;
    const paths = [1, 2, 3].map((seed) => {
      const path = new Float64Array(dim * 50);
      const source = new NormalSource(seed);
      for (let i = 0; i < path.length; i++) path[i] = source.nextNormal() * (1 + (i % dim) / dim);
      return path;
    });
    const a = principalPlane(paths, dim);
    const b = principalPlane([paths[2]!, paths[0]!, paths[1]!], dim);
    for (let i = 0; i < dim; i++) {
      expect(b.d1[i]).toBeCloseTo(a.d1[i]!, 6);
      expect(b.d2[i]).toBeCloseTo(a.d2[i]!, 6);
    }
  });
});

describe('the principal plane in WebAssembly (scatterKernel)', () => {
  it('has the JS loop’s bits: dims odd and even, points short of a group and of a chunk', () => {
    // Compiled here, so the two calls below take the two paths.
    expect(scatterKernel(5, 64)).not.toBeNull();
    // Chunks of 64 points, groups of 4, pairs of entries: shapes on either side of each.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.array(fc.integer({ min: 1, max: 140 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (dim, counts, seed, scale) => {
          if (counts.reduce((a, b) => a + b, 0) < 3) return;
          const source = new NormalSource(seed);
          const paths = counts.map((n) =>
            Float64Array.from({ length: n * dim }, (_, i) =>
              // Some exact zeros and repeats among the values, where −0 and +0 could tell.
              i % 11 === 0 ? 0 : scale * source.nextNormal() + (i % dim),
            ),
          );
          const wasm = principalPlane(paths, dim);
          const js = principalPlane(paths, dim, false);
          for (const key of ['center', 'd1', 'd2', 'explained'] as const)
            expect(
              [...wasm[key]].every((v, i) => Object.is(v, js[key][i])),
              key,
            ).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('the loss on a plane and along a line', () => {
  const net = new Network(arch);
  const center = initialParameters(arch, 7);
  const plane = randomPlane(layout, center, 8);

  it('is the network’s full-batch loss at θ(α, β), bit for bit, with the exact gradient in (α, β)', () => {
    const loss = new PlaneLoss(net, data.train, plane);
    const theta = new Float64Array(layout.count);
    for (const [alpha, beta] of [
      [0, 0],
      [0.3, -0.7],
      [-1, 1],
    ] as const) {
      pointOn(plane, alpha, beta, theta);
      expect(loss.f(alpha, beta)).toBe(net.loss(theta, data.train, null));
      const g = [NaN, NaN];
      loss.grad(alpha, beta, g);
      const h = 1e-6;
      const d1 = (loss.f(alpha + h, beta) - loss.f(alpha - h, beta)) / (2 * h);
      const d2 = (loss.f(alpha, beta + h) - loss.f(alpha, beta - h)) / (2 * h);
      expect(Math.abs(g[0]! - d1)).toBeLessThan(1e-6 * Math.max(1, Math.abs(d1)));
      expect(Math.abs(g[1]! - d2)).toBeLessThan(1e-6 * Math.max(1, Math.abs(d2)));
    }
  });

  it('along a line: the endpoints’ losses at t = 0 and 1', () => {
    const b = initialParameters(arch, 11);
    const ls = lineLosses(net, data.test, center, b, [0, 0.5, 1]);
    expect(ls[0]).toBe(net.loss(center, data.test, null));
    expect(ls[2]).toBe(net.loss(b, data.test, null));
    const mid = center.map((x, i) => 0.5 * x + 0.5 * b[i]!);
    expect(ls[1]).toBe(net.loss(mid, data.test, null));
  });
});
