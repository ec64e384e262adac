import type { Scene } from '../../engine/scene.ts';
import { axisValue, parseTarget } from '../../engine/sweep/index.ts';
import type { Axis, Metric } from '../../engine/sweep/types.ts';
import { bestCell, entryKind, kindCounts } from '../../render/sweep/metric.ts';
import type { CurvePoint } from '../../render/sweep/curves.ts';
import type { SweepProgress } from '../../workers/sweepClient.ts';
import { formatNumber } from '../format.ts';
import { entryText, METRIC_NAMES } from './metricText.ts';

/** The short name of what the curves vary: the hyperparameter's torch name ("lr"), or the path. */
export function keyOf(axis: Axis): string {
  const target = parseTarget(axis.path);
  if (typeof target === 'string' || target.kind !== 'hyper') return axis.path;
  return target.element === null ? target.key : `${target.key}[${target.element}]`;
}

/** A point in words: "Adam at lr = 0.01: final loss 1.234 × 10⁻⁵". */
export function pointText(
  progress: SweepProgress,
  metric: Metric,
  point: CurvePoint,
  labels: readonly string[],
): string {
  const axis = progress.plan.axes[0]!;
  const kind = entryKind(progress, metric, point.index, point.run);
  const e = point.index * progress.columns.runs + point.run;
  const what = entryText(progress, metric, kind, e, progress.plan.tol);
  return `${labels[point.run] ?? ''} at ${keyOf(axis)} = ${formatNumber(axisValue(axis, point.index))}: ${what}`;
}

/** What finished curves say in words where a curve would show nothing: who diverged everywhere. */
export function curvesWords(
  progress: SweepProgress,
  metric: Metric,
  labels: readonly string[],
): string {
  if (!progress.done || progress.error) return '';
  const axis = progress.plan.axes[0]!;
  const lines: string[] = [];
  labels.forEach((label, run) => {
    const counts = kindCounts(progress, metric, [run]);
    if (counts.diverged === axis.count)
      lines.push(`${label} diverges at every ${keyOf(axis)} of the grid.`);
    else if (counts.value === 0) lines.push(`${label} never comes within tol of the minimum.`);
  });
  return lines.join(' ');
}

/** Each run's best value of the axis, or null where none converged or all diverged. */
export function bestValues(progress: SweepProgress, metric: Metric): (number | null)[] {
  const axis = progress.plan.axes[0]!;
  return Array.from({ length: progress.columns.runs }, (_, run) => {
    const cell = bestCell(progress, metric, run);
    return cell < 0 ? null : axisValue(axis, cell);
  });
}

/** The curves' accessible name: what they show and each run's best value. */
export function curvesSummary(
  progress: SweepProgress | null,
  metric: Metric,
  labels: readonly string[],
): string {
  if (!progress) return 'Learning-rate curves: nothing computed yet.';
  const axis = progress.plan.axes[0]!;
  const head = `${METRIC_NAMES[metric]} against ${keyOf(axis)} (${axis.scale === 'log' ? 'log scale' : 'linear'}) for ${labels.length} optimizers`;
  if (!progress.done) return `${head}; computing.`;
  const best = bestValues(progress, metric).map((v, run) =>
    v === null ? `${labels[run]} none` : `${labels[run]} ${formatNumber(v)}`,
  );
  return `${head}; best ${keyOf(axis)}: ${best.join(', ')}. Arrow keys move between points.`;
}

/**
 * How the race's settings were found, in a sentence: the grid, the steps, the metric, the seeds.
 * Nothing is tuned beyond what it says.
 */
export function raceCaption(progress: SweepProgress, metric: Metric, scene: Scene): string {
  const axis = progress.plan.axes[0]!;
  const key = keyOf(axis);
  const grid = `${axis.count} values of ${key} from ${formatNumber(axis.from)} to ${formatNumber(axis.to)}, ${axis.scale === 'log' ? 'log-spaced' : 'evenly spaced'}`;
  const noise =
    scene.noise.sigma > 0
      ? `1 seed (noise seed ${scene.noise.seed})`
      : '1 seed (no gradient noise, so one run per value)';
  return `Each optimizer takes the ${key} with the lowest ${METRIC_NAMES[metric]} on its curve. Grid: ${grid}; ${progress.scene.steps} steps; metric: ${METRIC_NAMES[metric]}; ${noise}. An optimizer with no value that converged keeps its own.`;
}
