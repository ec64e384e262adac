import { functionOf } from '../../engine/functions/index.ts';
import type { Scene } from '../../engine/scene.ts';
import { axisValue } from '../../engine/sweep/index.ts';
import type { Metric } from '../../engine/sweep/types.ts';
import { entryKind, kindCounts } from '../../render/sweep/metric.ts';
import type { SweepProgress } from '../../workers/sweepClient.ts';
import { formatNumber } from '../format.ts';
import { entryText, METRIC_NAMES } from './metricText.ts';

/** True when the scene's function has known minima (steps to tol needs one). */
export function hasMinima(scene: Scene): boolean {
  const fn = functionOf(scene.fn);
  return fn ? fn.minima(scene.fn.params).length > 0 : false;
}

/**
 * What a finished map says in words when its picture would say nothing: every cell diverged, or
 * none came within tol of the minimum. Empty otherwise (and while computing).
 */
export function mapWords(progress: SweepProgress, metric: Metric): string {
  if (!progress.done || progress.error) return '';
  const counts = kindCounts(progress, metric, [0]);
  const cells = progress.columns.cells;
  if (counts.diverged === cells) {
    return `Diverges everywhere: every one of the ${cells} settings on this map diverged. Try smaller values.`;
  }
  if (metric === 'steps_to_tol' && counts.value === 0) {
    if (!hasMinima(progress.scene)) {
      return 'Not converged anywhere: this function has no known minimum, so steps to tol is never defined. Show final or best loss instead.';
    }
    const diverged = counts.diverged > 0 ? ` (${counts.diverged} of the ${cells} diverged)` : '';
    return `Not converged anywhere: no setting came within tol of the minimum in ${progress.scene.steps} steps${diverged}.`;
  }
  return '';
}

/** Names of the map's two axes. */
export interface AxisNames {
  readonly x: string;
  readonly y: string;
}

/** A cell in words: both axes' values, then what its run shows. */
export function cellText(
  progress: SweepProgress,
  metric: Metric,
  cell: number,
  names: AxisNames,
): string {
  const [ax, ay] = progress.plan.axes;
  const ny = ay!.count;
  const i = Math.floor(cell / ny);
  const j = cell % ny;
  const kind = entryKind(progress, metric, cell, 0);
  const what = entryText(progress, metric, kind, cell * progress.columns.runs, progress.plan.tol);
  return `${names.x} = ${formatNumber(axisValue(ax!, i))}, ${names.y} = ${formatNumber(axisValue(ay!, j))}: ${what}`;
}

/** The map's accessible name: what it shows and how far it got. */
export function mapSummary(
  progress: SweepProgress | null,
  metric: Metric,
  names: AxisNames,
): string {
  if (!progress) return 'Sensitivity map: nothing computed yet.';
  const [ax, ay] = progress.plan.axes;
  const counts = kindCounts(progress, metric, [0]);
  const head = `Sensitivity map of ${METRIC_NAMES[metric]}: ${names.x} across (${ax!.count} values), ${names.y} up (${ay!.count} values)`;
  if (!progress.done) return `${head}; computing.`;
  return `${head}; ${counts.value} cells with a value, ${counts.diverged} diverged${counts.never ? `, ${counts.never} never within tol` : ''}. Arrow keys move between cells, Enter loads one into the scene.`;
}
