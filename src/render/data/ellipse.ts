import type { Cov2 } from '../../engine/data/cloud.ts';

/** The ellipse {v : vᵀ C⁻¹ v = k²}: semi-axes (major first) and the major axis's angle. */
export interface Ellipse {
  readonly major: number;
  readonly minor: number;
  /** Radians from the x axis, counter-clockwise (maths orientation). */
  readonly angle: number;
}

/**
 * The k-σ ellipse of covariance `c`, from the eigenvalues of the 2×2 matrix: drawing geometry,
 * so it may use the engine-defined Math functions the engine itself avoids.
 */
export function ellipseOf(c: Cov2, k: number): Ellipse {
  const half = (c.xx + c.yy) / 2;
  const r = Math.hypot((c.xx - c.yy) / 2, c.xy);
  // Rounding can leave the smaller eigenvalue a hair below 0 for a degenerate cloud.
  const l1 = Math.max(0, half + r);
  const l2 = Math.max(0, half - r);
  return {
    major: k * Math.sqrt(l1),
    minor: k * Math.sqrt(l2),
    angle: 0.5 * Math.atan2(2 * c.xy, c.xx - c.yy),
  };
}
