import type { Metric } from '../../engine/sweep/types.ts';
import type { EntryKind } from '../../render/sweep/metric.ts';
import { metricValue } from '../../render/sweep/metric.ts';
import type { SweepProgress } from '../../workers/sweepClient.ts';
import { grouped } from '../../preset/sweepWork.ts';
import { formatNumber } from '../format.ts';

/** Each metric's name in sentences and menus. */
export const METRIC_NAMES: Readonly<Record<Metric, string>> = {
  final_loss: 'final loss',
  best_loss: 'best loss',
  steps_to_tol: 'steps to tol',
};

/** What one run of a cell shows, in words: "final loss 1.234 × 10⁻⁵", "diverged at step 37". */
export function entryText(
  progress: SweepProgress,
  metric: Metric,
  kind: EntryKind,
  e: number,
  tol: number,
): string {
  const { columns } = progress;
  switch (kind) {
    case 'pending':
      return 'not computed yet';
    case 'diverged':
      return `diverged at step ${columns.divergedAt[e]}`;
    case 'never':
      return `never within ${formatNumber(tol)} of the minimum in ${progress.scene.steps} steps`;
    case 'value': {
      const v = metricValue(columns, metric, e);
      return metric === 'steps_to_tol'
        ? `within ${formatNumber(tol)} of the minimum after ${v} steps`
        : `${METRIC_NAMES[metric]} ${formatNumber(v)}`;
    }
  }
}

/** Where the sweep stands, for the panel's status line. */
export function progressText(progress: SweepProgress | null): string {
  if (!progress) return '';
  if (progress.error) return progress.error;
  const total = progress.columns.cells;
  if (progress.done) {
    return `${grouped(total)} cells in ${grouped(Math.round(progress.ms))} ms.`;
  }
  return `Computing: ${grouped(progress.computed)} of ${grouped(total)} cells…`;
}
