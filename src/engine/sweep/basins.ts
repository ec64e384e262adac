import { functionOf } from '../functions/index.ts';
import type { Scene } from '../scene.ts';
import type { Box } from '../types.ts';
import type { SweepColumns, SweepPlan } from './types.ts';

/** Ends within this share of the view's wider side are one basin (page and command line alike). */
const CLUSTER_SHARE = 0.01;

/** The distance within which clusterBasins joins two ends, for a sweep drawn over `view`. */
export const clusterScale = (view: Box): number =>
  CLUSTER_SHARE * Math.max(view.x[1] - view.x[0], view.y[1] - view.y[0]);

/**
 * For typed functions (no known minima): numbers the clusters of the runs' end points into
 * `basin`. A run that diverged or has no end point gets −1; any other joins the first cluster whose
 * first member ends within `scale` of it (in the max norm), or starts a new one. Clusters are then
 * numbered by their least final loss (0 = the lowest), ties in order of appearance: the same
 * columns always give the same numbers.
 */
export function clusterBasins(columns: SweepColumns, scale: number): void {
  const { endX, endY, finalLoss, divergedAt, basin } = columns;
  const n = endX.length;
  const cx: number[] = [];
  const cy: number[] = [];
  const low: number[] = [];
  for (let e = 0; e < n; e++) {
    const x = endX[e]!;
    const y = endY[e]!;
    if (divergedAt[e] !== -1 || !(Number.isFinite(x) && Number.isFinite(y))) {
      basin[e] = -1;
      continue;
    }
    let c = 0;
    while (c < cx.length && !(Math.abs(cx[c]! - x) <= scale && Math.abs(cy[c]! - y) <= scale)) c++;
    if (c === cx.length) {
      cx.push(x);
      cy.push(y);
      low.push(finalLoss[e]!);
    } else if (finalLoss[e]! < low[c]!) low[c] = finalLoss[e]!;
    basin[e] = c;
  }
  const order = low.map((_, c) => c).sort((a, b) => low[a]! - low[b]! || a - b);
  const rank = new Int32Array(order.length);
  order.forEach((c, k) => (rank[c] = k));
  for (let e = 0; e < n; e++) if (basin[e]! >= 0) basin[e] = rank[basin[e]!]!;
}

/**
 * True when the scene's function has no known minima (a typed function, the monkey saddle): then a
 * run's basin is the cluster its end joins, not the minimum it ends nearest.
 */
export const basinsAreClusters = (scene: Scene): boolean =>
  (functionOf(scene.fn)?.minima(scene.fn.params).length ?? 0) === 0;

/**
 * The finished sweep's columns as the lab reports them (the page's CSV, the command line): as
 * computed when the function's minima are known, else a copy whose `basin` numbers the clusters of
 * every run's end (clusterBasins over the plan's view).
 */
export function reportedColumns(plan: SweepPlan, columns: SweepColumns): SweepColumns {
  if (!basinsAreClusters(plan.scene)) return columns;
  const out = { ...columns, basin: new Int32Array(columns.basin.length) };
  clusterBasins(out, clusterScale(plan.scene.view));
  return out;
}
