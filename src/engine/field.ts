import { bandIndices, isolines, MAX_LEVELS } from './contours.ts';
import type { Box, Objective } from './types.ts';
import { exp, ln } from './math/index.ts';

/**
 * The contour field of a view, drawn as an image of bands under a set of iso-lines.
 * Grid coordinate (u, v) ∈ [0, n]² maps linearly onto the view, u along x and v along y (maths
 * orientation); grid cell (i, j) is the square [i, i + 1] × [j, j + 1], sampled at its centre.
 */
export interface ContourField {
  /** Samples per side. */
  readonly n: number;
  /** The box that was sampled. */
  readonly view: Box;
  /** Smallest and largest finite f on the grid. */
  readonly fmin: number;
  readonly fmax: number;
  /** The iso-values in f units, ascending, strictly between fmin and fmax unless f is flat. */
  readonly levels: Float64Array<ArrayBuffer>;
  /** Per grid cell, index i + j·n (y up): how many levels are ≤ f there, or HOLE (contours.ts). */
  readonly bands: Uint8Array<ArrayBuffer>;
  /**
   * Per level, its iso-line as segments x0, y0, x1, y1, … in grid coordinates: float32 keeps them
   * to ~10⁻⁵ of a cell at any zoom, where view coordinates would wobble in a deep zoom.
   */
  readonly lines: readonly Float32Array<ArrayBuffer>[];
  /**
   * Which levels have their iso-line: level k where (k + 1) % lineEvery === 0, so 1 means all
   * of them; the others' lines are empty (see MAX_SEGMENTS). Past the level count, none.
   */
  readonly lineEvery: number;
}

/**
 * The most iso-line segments a field carries. A view of a built-in function has 7k–40k at 512²;
 * a function that oscillates faster than the grid samples it (sin(x)·cos(y) over ±10⁶: 1.3 M)
 * draws as noise, and building and stroking those lines blocked the page for about a second.
 * Past this, only every other level keeps its line, then every fourth, …, until they fit or none
 * is left; the bands still show every level.
 */
export const MAX_SEGMENTS = 150_000;

/**
 * The smallest power of two `every` such that the lines of levels k with (k + 1) % every === 0
 * hold at most `max` segments in all, and those lines (the others emptied). `every` passes the
 * level count when even one line is too long.
 */
export function thinLines(
  lines: readonly Float32Array<ArrayBuffer>[],
  max: number,
): { lines: Float32Array<ArrayBuffer>[]; every: number } {
  const count = lines.length;
  let every = 1;
  const kept = (k: number) => (k + 1) % every === 0;
  for (; every <= count; every *= 2) {
    let segments = 0;
    for (let k = 0; k < count; k++) if (kept(k)) segments += lines[k]!.length / 4;
    if (segments <= max) break;
  }
  return { lines: lines.map((l, k) => (kept(k) ? l : new Float32Array(0))), every };
}

/**
 * Samples f at the centres of an n × n grid over `view`: index i + j·n holds f(x_i, y_j), y up.
 * Writes into `values` (n² long) when given.
 */
export function sampleGrid(
  objective: Objective,
  view: Box,
  n: number,
  values: Float64Array = new Float64Array(n * n),
): Float64Array {
  sampleRows(objective, view, n, values, 0, n);
  return values;
}

/**
 * Rows j0 ≤ j < j1 of sampleGrid's samples, written into `values` (n² long): a worker that must
 * stay interruptible samples a costly f (a network's loss on a plane) a few rows per task.
 */
export function sampleRows(
  objective: Objective,
  view: Box,
  n: number,
  values: Float64Array,
  j0: number,
  j1: number,
): void {
  const [x0, x1] = view.x;
  const [y0, y1] = view.y;
  const dx = (x1 - x0) / n;
  const dy = (y1 - y0) / n;
  for (let j = j0; j < j1; j++) {
    const y = y0 + (j + 0.5) * dy;
    const row = j * n;
    for (let i = 0; i < n; i++) values[row + i] = objective.f(x0 + (i + 0.5) * dx, y);
  }
}

/**
 * The smallest finite value, or ∞ if there is none; `finiteMax` the largest, or −∞. Each hot loop
 * of the field is a function of its own that returns a number: V8 optimises a long loop while it
 * runs, and code after it that had never run (building a pair, say) would throw that optimised
 * code away again on every call. Two passes cost ~0.2 ms at 512².
 */
export function finiteMin(values: Float64Array): number {
  let min = Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (v < min && v !== -Infinity) min = v;
  }
  return min;
}

/** The largest finite value, or −∞ if there is none. */
export function finiteMax(values: Float64Array): number {
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (v > max && v !== Infinity) max = v;
  }
  return max;
}

/**
 * `levelCount` iso-values between fmin and fmax, evenly spaced in g = log(f − fmin + ε), so a long
 * flat valley (Rosenbrock's) still gets many lines: g_k = gLow + (gHigh − gLow)(k + 1)/(count + 1).
 */
export function logLevels(
  fmin: number,
  fmax: number,
  levelCount: number,
): Float64Array<ArrayBuffer> {
  // ε sets how deep the scale reaches below fmax − fmin; a flat f gets unit spacing, so every
  // sample lies below the first level (band 0) rather than above them all.
  const eps = fmax > fmin ? (fmax - fmin) * 1e-4 : 1;
  const gLow = ln(eps);
  const gHigh = ln(Math.max(fmax - fmin, eps) + eps);
  const levels = new Float64Array(levelCount);
  for (let k = 0; k < levelCount; k++) {
    levels[k] = fmin + (exp(gLow + ((gHigh - gLow) * (k + 1)) / (levelCount + 1)) - eps);
  }
  return levels;
}

/**
 * The contour field of f over `view` on an n × n grid with `levelCount` log-spaced levels.
 * Samples where f is NaN or ±∞ become holes: no band colour and no lines through them. A
 * `scratch` array of n² doubles, if given, holds the samples (a worker reuses one: 2 MB at 512²).
 */
export function computeField(
  objective: Objective,
  view: Box,
  n: number,
  levelCount: number,
  scratch?: Float64Array,
): ContourField {
  if (!Number.isInteger(n) || n < 2 || n > 4096) throw new RangeError(`bad grid size ${n}`);
  if (!Number.isInteger(levelCount) || levelCount < 1 || levelCount > MAX_LEVELS) {
    throw new RangeError(`bad level count ${levelCount}`);
  }
  checkView(view);
  const values = sampleGrid(
    objective,
    view,
    n,
    scratch?.length === n * n ? scratch : new Float64Array(n * n),
  );
  return fieldOfSamples(values, view, n, levelCount);
}

/** Throws unless `view` is a finite, non-empty box. */
export function checkView(view: Box): void {
  const [x0, x1] = view.x;
  const [y0, y1] = view.y;
  if (!(Number.isFinite(x1 - x0) && Number.isFinite(y1 - y0) && x1 > x0 && y1 > y0)) {
    throw new RangeError('the view must be a finite, non-empty box');
  }
}

/**
 * The contour field of samples already taken (sampleGrid's layout over `view`): computeField's
 * second half, for a worker that sampled the grid in parts.
 */
export function fieldOfSamples(
  values: Float64Array,
  view: Box,
  n: number,
  levelCount: number,
): ContourField {
  const fmin = finiteMin(values);
  const fmax = finiteMax(values);
  if (fmin > fmax) throw new Error('f is not finite anywhere in the view');
  const levels = logLevels(fmin, fmax, levelCount);
  const bands = new Uint8Array(n * n);
  bandIndices(values, levels, bands);
  const { lines, every } = thinLines(isolines(values, n, n, levels, bands), MAX_SEGMENTS);
  return { n, view, fmin, fmax, levels, bands, lines, lineEvery: every };
}
