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

/**
 * What finished curves say in words: who diverged everywhere or never came within tol, and over
 * which values each optimizer reaches f ≤ f_min + tol (workingRanges), the answer to "over which
 * learning rates does this optimizer work here?".
 */
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
  return [...lines, workingRanges(progress, labels)].filter((l) => l !== '').join(' ');
}

/**
 * Over which values of the axis each optimizer reaches f ≤ f_min + tol within the scene's steps
 * (without diverging), in one sentence: "from 0.016 to 10 (2.8 decades)" for an unbroken range,
 * "at 12 of 31 values, from … to …" otherwise; empty when no run reaches tol (or the function's
 * minima are unknown).
 */
export function workingRanges(progress: SweepProgress, labels: readonly string[]): string {
  const axis = progress.plan.axes[0]!;
  const { columns } = progress;
  const parts: string[] = [];
  labels.forEach((label, run) => {
    const ok: number[] = [];
    for (let i = 0; i < axis.count; i++) {
      const e = i * columns.runs + run;
      if (columns.stepsToTol[e]! >= 0 && columns.divergedAt[e] === -1) ok.push(i);
    }
    if (ok.length === 0) return;
    const [lo, hi] = [axisValue(axis, ok[0]!), axisValue(axis, ok.at(-1)!)];
    const unbroken = ok.at(-1)! - ok[0]! === ok.length - 1;
    const range =
      lo === hi ? `at ${formatNumber(lo)}` : `from ${formatNumber(lo)} to ${formatNumber(hi)}`;
    const decades =
      axis.scale === 'log' && lo > 0 && lo !== hi
        ? ` (${Math.log10(hi / lo).toFixed(1)} decades)`
        : '';
    parts.push(
      unbroken
        ? `${label} ${range}${decades}`
        : `${label} at ${ok.length} of ${axis.count} values, ${range}`,
    );
  });
  if (parts.length === 0) return '';
  return `Within tol (f ≤ f_min + ${formatNumber(progress.plan.tol)} in ${progress.scene.steps} steps), by ${keyOf(axis)}: ${parts.join('; ')}.`;
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
