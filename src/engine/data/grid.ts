import { functionOf } from '../functions/index.ts';
import type { Scene } from '../scene.ts';

/**
 * What a contour field may cost, in ns of this machine's Node: a 512² field of a formula takes
 * ~40 ms. Chromium's field worker took 420 ms for the default logistic regression's 115² grid.
 */
const FIELD_NS = 3e8;
/** Below this many points a side the contours turn to polygons. */
const MIN_GRID = 32;

/**
 * The side of the contour grid for a scene's function: `max` for a formula, and for a loss made of
 * data what keeps its field near FIELD_NS (each grid point is a pass over the training set), so a
 * large logistic regression gets a coarse picture in a fraction of a second rather than a fine one
 * in a minute.
 */
export function fieldGrid(fn: Scene['fn'], max: number): number {
  const data = functionOf(fn)?.data;
  if (!data) return max;
  const perPoint = data.dataset(fn.params).train.n * data.nsPerExample;
  return Math.max(MIN_GRID, Math.min(max, Math.floor(Math.sqrt(FIELD_NS / perPoint))));
}
