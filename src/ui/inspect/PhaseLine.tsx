import { getOptimizer } from '../../engine/optimizers/index.ts';
import { phaseAt, phaseCount, phaseStart } from '../../engine/phases.ts';
import type { OptimizerEntry } from '../../engine/scene.ts';

/**
 * Which phase of a switching run made the shown step: its optimizer and the steps it makes. Only
 * for an entry with phases; the rule, terms and state below are that phase's.
 */
export function PhaseLine({
  entry,
  step,
}: {
  readonly entry: OptimizerEntry;
  readonly step: number;
}) {
  if (!entry.phases) return null;
  const i = phaseAt(entry, step);
  const n = phaseCount(entry);
  const type = i === 0 ? entry.type : entry.phases[i - 1]!.type;
  const first = phaseStart(entry, i) + 1;
  const next = i + 1 < n ? phaseStart(entry, i + 1) : null;
  return (
    <p className="inspect-phase" data-phase={i}>
      Phase {i + 1} of {n}: <strong>{getOptimizer(type)?.name ?? type}</strong>, steps {first}
      {next === null ? ' on' : `–${next}`}
      {i > 0 && ' — a new optimizer at the switch: its state started empty'}.
    </p>
  );
}
