import { getOptimizer } from '../../engine/optimizers/index.ts';
import { phaseAt, phaseCount, phaseStart } from '../../engine/phases.ts';
import type { OptimizerEntry } from '../../engine/scene.ts';

/** What the inspector says about the phase that made `step`: which of how many, its type and steps. */
export interface PhaseText {
  readonly index: number;
  /** "Phase 2 of 3". */
  readonly which: string;
  /** The optimizer's name, e.g. "SGD". */
  readonly name: string;
  /** "steps 301–600", or "steps 301 on" for the last phase. */
  readonly steps: string;
  /** True for a later phase: a new optimizer, its state started empty at the switch. */
  readonly fresh: boolean;
}

/** The phase of a switching run that made `step`, described; null for an entry without phases. */
export function phaseText(entry: OptimizerEntry, step: number): PhaseText | null {
  if (!entry.phases) return null;
  const i = phaseAt(entry, step);
  const n = phaseCount(entry);
  const type = i === 0 ? entry.type : entry.phases[i - 1]!.type;
  const first = phaseStart(entry, i) + 1;
  const next = i + 1 < n ? phaseStart(entry, i + 1) : null;
  return {
    index: i,
    which: `Phase ${i + 1} of ${n}`,
    name: getOptimizer(type)?.name ?? type,
    steps: next === null ? `steps ${first} on` : `steps ${first}–${next}`,
    fresh: i > 0,
  };
}
