import { NormalSource } from '../noise.ts';
import type { Plane } from './plane.ts';

/** A plane of principal components and the share of the points' variance along each axis. */
export interface PrincipalPlane extends Plane {
  /** Variance along d1 and d2 over the total: [0.8, 0.15] means 80% and 15%. */
  readonly explained: readonly [number, number];
}

/** Enough for the paths of a few runs; each costs two passes over every point. */
const ITERATIONS = 300;
/** The subspace has settled when its basis moves less than this in an iteration. */
const SETTLED = 1e-13;

/**
 * The first two principal components of every point of `paths` together (each a run's parameter
 * vectors, `dim` doubles per point, one after another): the plane through the points' mean along
 * the two orthonormal directions of greatest variance, by block power iteration on XᵀX (X the
 * centred points, never formed as a dim × dim matrix) and a Rayleigh–Ritz rotation at the end.
 * One plane for all runs, so their paths can be compared (a per-run PCA makes them incomparable).
 * Deterministic: the start vectors come from a fixed seed, and each direction's largest component
 * is made positive.
 */
export function principalPlane(paths: readonly Float64Array[], dim: number): PrincipalPlane {
  let m = 0;
  const center = new Float64Array(dim);
  for (const path of paths) {
    for (let p = 0; p + dim <= path.length; p += dim, m++)
      for (let i = 0; i < dim; i++) center[i]! += path[p + i]!;
  }
  if (m < 3) throw new RangeError('a principal plane needs at least three points');
  for (let i = 0; i < dim; i++) center[i] = center[i]! / m;
  let total = 0;
  forEachPoint(paths, dim, (path, p) => {
    for (let i = 0; i < dim; i++) {
      const x = path[p + i]! - center[i]!;
      total += x * x;
    }
  });

  const source = new NormalSource(1);
  let v1 = Float64Array.from({ length: dim }, () => source.nextNormal());
  let v2 = Float64Array.from({ length: dim }, () => source.nextNormal());
  orthonormalize(v1, v2);
  let w1 = new Float64Array(dim);
  let w2 = new Float64Array(dim);
  for (let k = 0; k < ITERATIONS; k++) {
    // W = Xᵀ(X V): one pass over the points for both columns.
    w1.fill(0);
    w2.fill(0);
    forEachProjected(paths, dim, center, v1, v2, (path, p, s1, s2) => {
      for (let i = 0; i < dim; i++) {
        const x = path[p + i]! - center[i]!;
        w1[i]! += x * s1;
        w2[i]! += x * s2;
      }
    });
    orthonormalize(w1, w2);
    let moved = 0;
    for (let i = 0; i < dim; i++)
      moved = Math.max(moved, Math.abs(w1[i]! - v1[i]!), Math.abs(w2[i]! - v2[i]!));
    [v1, w1] = [w1, v1];
    [v2, w2] = [w2, v2];
    if (moved < SETTLED) break;
  }

  // Rayleigh–Ritz: the 2 × 2 matrix of XᵀX on span(v1, v2), diagonalised by a rotation.
  let h11 = 0;
  let h12 = 0;
  let h22 = 0;
  forEachProjected(paths, dim, center, v1, v2, (_, __, s1, s2) => {
    h11 += s1 * s1;
    h12 += s1 * s2;
    h22 += s2 * s2;
  });
  // Its larger eigenvalue l1 and unit eigenvector (c, s), from whichever of the two forms of
  // the eigenvector is the longer (the other can vanish); the second is (−s, c).
  const half = (h11 - h22) / 2;
  const root = Math.sqrt(half * half + h12 * h12);
  const l1 = (h11 + h22) / 2 + root;
  const l2 = (h11 + h22) / 2 - root;
  const [ex, ey] = h11 >= h22 ? [l1 - h22, h12] : [h12, l1 - h11];
  const norm = Math.sqrt(ex * ex + ey * ey);
  const [c, s] = norm > 0 ? [ex / norm, ey / norm] : [1, 0];
  const d1 = v1.map((x, i) => c * x + s * v2[i]!);
  const d2 = v1.map((x, i) => -s * x + c * v2[i]!);
  return {
    center,
    d1: positive(d1),
    d2: positive(d2),
    explained: total > 0 ? [l1 / total, l2 / total] : [0, 0],
  };
}

/** Visits every point with its centred coordinates along v1 and v2. */
function forEachProjected(
  paths: readonly Float64Array[],
  dim: number,
  center: Float64Array,
  v1: Float64Array,
  v2: Float64Array,
  visit: (path: Float64Array, offset: number, s1: number, s2: number) => void,
): void {
  forEachPoint(paths, dim, (path, p) => {
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < dim; i++) {
      const x = path[p + i]! - center[i]!;
      s1 += x * v1[i]!;
      s2 += x * v2[i]!;
    }
    visit(path, p, s1, s2);
  });
}

function forEachPoint(
  paths: readonly Float64Array[],
  dim: number,
  visit: (path: Float64Array, offset: number) => void,
): void {
  for (const path of paths) for (let p = 0; p + dim <= path.length; p += dim) visit(path, p);
}

/** Gram–Schmidt on two vectors in place: unit length, the second orthogonal to the first. */
function orthonormalize(a: Float64Array, b: Float64Array): void {
  const na = Math.sqrt(dot(a, a));
  for (let i = 0; i < a.length; i++) a[i] = a[i]! / na;
  const ab = dot(a, b);
  for (let i = 0; i < b.length; i++) b[i] = b[i]! - ab * a[i]!;
  const nb = Math.sqrt(dot(b, b));
  for (let i = 0; i < b.length; i++) b[i] = b[i]! / nb;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** The direction with its largest-magnitude component made positive (a sign fixed by the data). */
function positive(d: Float64Array): Float64Array {
  let at = 0;
  for (let i = 1; i < d.length; i++) if (Math.abs(d[i]!) > Math.abs(d[at]!)) at = i;
  return d[at]! < 0 ? d.map((x) => -x) : d;
}
