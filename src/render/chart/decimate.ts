/**
 * A run's values reduced to at most one group per pixel column (uPlot's min/max decimation):
 * the first, smallest, largest and last finite value of the steps landing in each column.
 */
export interface Columns {
  /** Groups filled. */
  length: number;
  /** The group's x in CSS pixels from the plot's left edge. */
  readonly x: Float64Array;
  readonly first: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly last: Float64Array;
}

/** Empty columns with room for `capacity` groups. */
export function createColumns(capacity: number): Columns {
  const n = Math.max(1, capacity);
  return {
    length: 0,
    x: new Float64Array(n),
    first: new Float64Array(n),
    min: new Float64Array(n),
    max: new Float64Array(n),
    last: new Float64Array(n),
  };
}

/**
 * Below this many pixels per step points are grouped by column; at or above it each point is
 * drawn (at most 2 per pixel: grouping them would only turn a steep line into a staircase).
 */
const GROUP_BELOW = 0.5;

/** How many groups `decimate` may fill for points 0…end. */
export const columnsNeeded = (end: number, pxPerStep: number): number =>
  end < 0 ? 0 : pxPerStep >= GROUP_BELOW ? end + 1 : Math.floor(end * pxPerStep) + 1;

/**
 * Groups `values[0…end]` (step k at k·pxPerStep pixels) by pixel column; at half a pixel or more
 * per step every point is its own group. Non-finite values are skipped and a column holding none is
 * left out, so nothing non-finite ever comes out. Reuses `out` when it is large enough.
 */
export function decimate(
  values: ArrayLike<number>,
  end: number,
  pxPerStep: number,
  out?: Columns,
): Columns {
  const last = Math.min(end, values.length - 1);
  const needed = columnsNeeded(last, pxPerStep);
  const cols = out && out.x.length >= needed ? out : createColumns(needed);
  const perPoint = pxPerStep >= GROUP_BELOW;
  let n = -1;
  let key = -1;
  // The hot loop: typed arrays and numbers only.
  for (let k = 0; k <= last; k++) {
    const v = values[k]!;
    if (!Number.isFinite(v)) continue;
    const column = perPoint ? k : Math.floor(k * pxPerStep);
    if (column !== key) {
      key = column;
      n++;
      cols.x[n] = perPoint ? k * pxPerStep : column + 0.5;
      cols.first[n] = v;
      cols.min[n] = v;
      cols.max[n] = v;
    } else if (v < cols.min[n]!) cols.min[n] = v;
    else if (v > cols.max[n]!) cols.max[n] = v;
    cols.last[n] = v;
  }
  cols.length = n + 1;
  return cols;
}
