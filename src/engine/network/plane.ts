/**
 * A plane through parameter space: θ(α, β) = center + α·d1 + β·d2, for the network views' slices
 * (Li et al. 2018). d1 and d2 need not be orthogonal (filter-normalised random directions are
 * only nearly so): a projection solves the 2 × 2 least-squares problem rather than taking dot
 * products.
 */
export interface Plane {
  readonly center: Float64Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
}

/** Where θ falls on the plane and how far it lies off it (the part a projection hides). */
export interface Projection {
  readonly alpha: number;
  readonly beta: number;
  /** ‖θ − θ(α, β)‖: zero for a point of the plane. */
  readonly distance: number;
}

/** Writes θ(α, β) into `out`. */
export function pointOn(
  { center, d1, d2 }: Plane,
  alpha: number,
  beta: number,
  out: Float64Array,
): void {
  for (let i = 0; i < center.length; i++) out[i] = center[i]! + alpha * d1[i]! + beta * d2[i]!;
}

/**
 * The point of the plane nearest θ (the vector at `offset` of `points`, `center.length` long):
 * the least-squares (α, β) of θ − center on d1 and d2, and the residual's length.
 */
export function project(plane: Plane, points: Float64Array, offset = 0): Projection {
  const { center, d1, d2 } = plane;
  const n = center.length;
  let g11 = 0;
  let g12 = 0;
  let g22 = 0;
  let r1 = 0;
  let r2 = 0;
  for (let i = 0; i < n; i++) {
    const r = points[offset + i]! - center[i]!;
    g11 += d1[i]! * d1[i]!;
    g12 += d1[i]! * d2[i]!;
    g22 += d2[i]! * d2[i]!;
    r1 += d1[i]! * r;
    r2 += d2[i]! * r;
  }
  const det = g11 * g22 - g12 * g12;
  const alpha = (g22 * r1 - g12 * r2) / det;
  const beta = (g11 * r2 - g12 * r1) / det;
  let off = 0;
  for (let i = 0; i < n; i++) {
    const e = points[offset + i]! - center[i]! - alpha * d1[i]! - beta * d2[i]!;
    off += e * e;
  }
  return { alpha, beta, distance: Math.sqrt(off) };
}
