import { functionOf } from '../functions/index.ts';
import type { Scene } from '../scene.ts';
import type { Objective, Vec2 } from '../types.ts';
import type { SweepColumns } from './types.ts';

/** What a run is measured against: the known minima and the loss that counts as converged. */
export interface Goal {
  /** The function's known minima for the cell's parameters (none for a typed function). */
  readonly minima: readonly Vec2[];
  /** f_min + tol, where f_min is the least f over the minima; NaN when there are none. */
  readonly threshold: number;
}

/** The goal of a cell's scene, f evaluated by the cell's objective. */
export function goalOf(fn: Scene['fn'], objective: Objective, tol: number): Goal {
  const minima = functionOf(fn)?.minima(fn.params) ?? [];
  let fMin = Infinity;
  for (const [x, y] of minima) {
    const f = objective.f(x, y);
    if (f < fMin) fMin = f;
  }
  return { minima, threshold: minima.length > 0 ? fMin + tol : NaN };
}

/** One run's columns as a trajectory left them: points 0…length − 1 are finite. */
export interface RunPoints {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly f: Float64Array;
  readonly length: number;
  readonly divergedAt: number | null;
}

/**
 * Writes the metrics of one run into entry `e`: final and best loss, the first step within tol of
 * the least known minimum, the nearest known minimum to the end, the divergence step, the end
 * point, and with `keep` the kept points (steps evenly spaced over 0…steps, NaN past the end).
 */
export function writeRun(
  out: SweepColumns,
  e: number,
  run: RunPoints,
  goal: Goal,
  steps: number,
  keep: number | undefined,
): void {
  const { x, y, f, length } = run;
  const { threshold } = goal;
  let best = NaN;
  let reached = -1;
  for (let k = 0; k < length; k++) {
    const v = f[k]!;
    if (!(v >= best)) best = v;
    if (reached < 0 && v <= threshold) reached = k;
  }
  const last = length - 1;
  const endX = last >= 0 ? x[last]! : NaN;
  const endY = last >= 0 ? y[last]! : NaN;
  out.finalLoss[e] = last >= 0 ? f[last]! : NaN;
  out.bestLoss[e] = best;
  out.stepsToTol[e] = reached;
  out.basin[e] = last >= 0 ? nearest(goal.minima, endX, endY) : -1;
  out.divergedAt[e] = run.divergedAt ?? -1;
  out.endX[e] = endX;
  out.endY[e] = endY;
  if (keep !== undefined && out.pathX && out.pathY) {
    for (let q = 0; q < keep; q++) {
      const k = keep === 1 ? 0 : Math.round((q * steps) / (keep - 1));
      out.pathX[e * keep + q] = k < length ? x[k]! : NaN;
      out.pathY[e * keep + q] = k < length ? y[k]! : NaN;
    }
  }
}

/** Index of the point of `minima` nearest (x, y), the first on a tie; −1 when there is none. */
function nearest(minima: readonly Vec2[], x: number, y: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < minima.length; i++) {
    const dx = minima[i]![0] - x;
    const dy = minima[i]![1] - y;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
