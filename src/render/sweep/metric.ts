import type { Metric, SweepColumns } from '../../engine/sweep/types.ts';
import { chooseYScale, forward, type YScale } from '../chart/scale.ts';
import { emptyExtent } from '../chart/extent.ts';
import type { SweepProgress } from '../../workers/sweepClient.ts';

/** What one run of one cell shows: not computed yet, diverged, never within tol, or a value. */
export type EntryKind = 'pending' | 'diverged' | 'never' | 'value';

/** The metric of entry `e` (= cell · runs + run), NaN when it has none. */
export function metricValue(columns: SweepColumns, metric: Metric, e: number): number {
  if (metric === 'final_loss') return columns.finalLoss[e]!;
  if (metric === 'best_loss') return columns.bestLoss[e]!;
  const steps = columns.stepsToTol[e]!;
  return steps < 0 ? NaN : steps;
}

/** What run `run` (an index into the plan's runs) of `cell` shows. */
export function entryKind(
  progress: SweepProgress,
  metric: Metric,
  cell: number,
  run: number,
): EntryKind {
  if (progress.level[cell] === 0) return 'pending';
  const { columns } = progress;
  const e = cell * columns.runs + run;
  if (columns.divergedAt[e]! >= 0) return 'diverged';
  if (Number.isFinite(metricValue(columns, metric, e))) return 'value';
  return metric === 'steps_to_tol' ? 'never' : 'diverged';
}

/** A metric's scale, and whether values beyond either end are drawn at that end. */
export interface MetricScale extends YScale {
  /** Values below t0 (more than MAX_DECADES under the top) are drawn at the low end. */
  readonly clipLow: boolean;
  /** Values above the start's loss (runs that only got worse) are drawn at the high end. */
  readonly clipHigh: boolean;
}

/** Decades a log scale of loss spans at most: beyond that, lower values are all "converged". */
const MAX_DECADES = 16;

/**
 * The scale a metric is shown on, over the computed values of the listed runs: steps from 0 to the
 * scene's steps, linear; losses on the loss chart's scale (log when every value is > 0, symlog or
 * linear when not), topped at the start's loss (the largest best loss: no run's best is above its
 * start, and a run that only got worse has its start as best), so that a few runs that blew up
 * without diverging do not squeeze every other value into one colour; at most 16 decades.
 */
export function metricScale(
  progress: SweepProgress,
  metric: Metric,
  runs: readonly number[],
): MetricScale {
  if (metric === 'steps_to_tol') {
    const t1 = Math.max(1, progress.scene.steps);
    return { kind: 'linear', c: 1, t0: 0, t1, clipLow: false, clipHigh: false };
  }
  const extent = emptyExtent();
  let top = -Infinity;
  const { columns, level } = progress;
  for (let cell = 0; cell < columns.cells; cell++) {
    if (level[cell] === 0) continue;
    for (const r of runs) {
      const e = cell * columns.runs + r;
      if (columns.divergedAt[e]! >= 0) continue;
      const v = metricValue(columns, metric, e);
      if (!Number.isFinite(v)) continue;
      if (v < extent.min) extent.min = v;
      if (v > extent.max) extent.max = v;
      if (v > 0 && v < extent.minPositive) extent.minPositive = v;
      extent.count++;
      const best = columns.bestLoss[e]!;
      if (best > top) top = best;
    }
  }
  const clipHigh = extent.count > 0 && extent.max > top;
  if (clipHigh) {
    // Every value at or above the top: one colour, the darkest.
    extent.max = top;
    extent.min = Math.min(extent.min, top);
    if (top > 0) extent.minPositive = Math.min(extent.minPositive, top);
  }
  const scale = chooseYScale(extent, Math.max(Math.abs(extent.min), Math.abs(extent.max)));
  const clipLow = scale.kind === 'log' && scale.t1 - scale.t0 > MAX_DECADES;
  return { ...scale, t0: clipLow ? scale.t1 - MAX_DECADES : scale.t0, clipLow, clipHigh };
}

/** Where `v` sits on `scale`, from 0 (its low end) to 1, clamped. */
export function scaleFraction(scale: YScale, v: number): number {
  const t = (forward(scale, v) - scale.t0) / (scale.t1 - scale.t0);
  return t > 0 ? (t < 1 ? t : 1) : 0;
}

/** How many computed entries of each kind the listed runs have, and how many are pending. */
export function kindCounts(
  progress: SweepProgress,
  metric: Metric,
  runs: readonly number[],
): Record<EntryKind, number> {
  const counts: Record<EntryKind, number> = { pending: 0, diverged: 0, never: 0, value: 0 };
  for (let cell = 0; cell < progress.columns.cells; cell++) {
    for (const r of runs) counts[entryKind(progress, metric, cell, r)]++;
  }
  return counts;
}

/**
 * The cell where run `run` shows the least metric (the first of equals), among cells computed and
 * not diverged; −1 when there is none.
 */
export function bestCell(progress: SweepProgress, metric: Metric, run: number): number {
  let best = -1;
  let least = Infinity;
  for (let cell = 0; cell < progress.columns.cells; cell++) {
    if (entryKind(progress, metric, cell, run) !== 'value') continue;
    const v = metricValue(progress.columns, metric, cell * progress.columns.runs + run);
    if (v < least) {
      least = v;
      best = cell;
    }
  }
  return best;
}
