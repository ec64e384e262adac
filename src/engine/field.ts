import { contours } from 'd3-contour';
import type { Box, Objective } from './types.ts';

/** One filled contour band: the region where the sampled field is ≥ `level`, in grid coordinates. */
export interface ContourBand {
  /** The threshold in f units. */
  readonly level: number;
  /** A GeoJSON-style MultiPolygon: polygons → rings → [u, v] points, u and v in [0, n]. */
  readonly coordinates: number[][][][];
}

/**
 * The contour field of a scene's view. Grid coordinate (u, v) ∈ [0, n]² maps linearly onto the
 * view, u along x and v along y (maths orientation); sample (i, j) sits at (i + ½, j + ½).
 */
export interface ContourField {
  /** Samples per side. */
  readonly n: number;
  /** The box that was sampled. */
  readonly view: Box;
  /** Smallest and largest finite f on the grid. */
  readonly fmin: number;
  readonly fmax: number;
  /** Bands from the lowest level to the highest; each one contains the next. */
  readonly bands: readonly ContourBand[];
}

/** Samples f at the centres of an n × n grid over `view`: index i + j·n holds f(x_i, y_j), y up. */
export function sampleGrid(objective: Objective, view: Box, n: number): Float64Array {
  const [x0, x1] = view.x;
  const [y0, y1] = view.y;
  const dx = (x1 - x0) / n;
  const dy = (y1 - y0) / n;
  const values = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const y = y0 + (j + 0.5) * dy;
    for (let i = 0; i < n; i++) values[i + j * n] = objective.f(x0 + (i + 0.5) * dx, y);
  }
  return values;
}

/**
 * Contours of f over `view` at `levelCount` log-spaced levels: evenly spaced in
 * g = log(f − fmin + ε), so a long flat valley (Rosenbrock's) still gets many lines.
 * The first band is the whole grid, so the bands alone fill the view.
 */
export function contourField(
  objective: Objective,
  view: Box,
  n: number,
  levelCount: number,
): ContourField {
  const values = sampleGrid(objective, view, n);
  let fmin = Infinity;
  let fmax = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < fmin) fmin = v;
    if (v > fmax) fmax = v;
  }
  if (fmin > fmax) throw new Error('f is not finite anywhere in the view');
  // ε sets how deep the log scale reaches below fmax − fmin; a flat f still needs a positive ε.
  const eps = fmax > fmin ? (fmax - fmin) * 1e-4 : 1;
  const gLow = Math.log(eps);
  const gHigh = Math.log(fmax - fmin + eps);
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    // +∞ and NaN (overflow, a pole) read as the top of the scale; −∞ as the bottom.
    const clamped = v === -Infinity ? fmin : Number.isFinite(v) ? v : fmax;
    values[k] = Math.log(clamped - fmin + eps);
  }
  const thresholds: number[] = [];
  for (let k = 0; k < levelCount; k++) thresholds.push(gLow + ((gHigh - gLow) * k) / levelCount);
  // d3-contour only indexes `values`, so a Float64Array serves where its types say number[].
  const polygons = contours().size([n, n]).thresholds(thresholds)(values as unknown as number[]);
  const bands: ContourBand[] = polygons.map((p) => ({
    level: fmin + Math.exp(p.value) - eps,
    coordinates: p.coordinates,
  }));
  return { n, view, fmin, fmax, bands };
}
