import type { RunView } from '../../workers/runs.ts';
import type { OptimizerEntry } from '../../engine/scene.ts';

/** One line of an exported legend: a run's colour, label and outcome. */
export interface LegendEntry {
  readonly color: string;
  readonly label: string;
  readonly result: string;
}

/** The visible runs' legend lines; `format` writes a loss for people. */
export function legendEntries(
  optimizers: readonly OptimizerEntry[],
  runs: readonly RunView[],
  hidden: readonly boolean[],
  format: (loss: number) => string,
): LegendEntry[] {
  return optimizers.flatMap((o, k) => {
    const run = runs[k];
    if (!run || hidden[k] || run.length === 0) return [];
    const result =
      run.divergedAt !== null
        ? `diverged at step ${run.divergedAt}`
        : `final loss ${format(run.f[run.length - 1]!)}`;
    return [{ color: o.color, label: o.label, result }];
  });
}
