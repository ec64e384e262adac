import { getOptimizer } from './optimizers/index.ts';
import type { Hyper, OptimizerEntry, Phase, Schedule } from './scene.ts';
import { fillLearningRates } from './schedules.ts';

/** What decides an entry's optimizers and rates: its own settings and its later phases. */
export interface PhasedSetting {
  readonly type?: string;
  readonly hyper: Hyper;
  readonly schedule: Schedule;
  readonly phases?: readonly Phase[];
}

/** How many optimizers an entry runs one after another: 1 + its later phases. */
export const phaseCount = (entry: Pick<PhasedSetting, 'phases'>): number =>
  1 + (entry.phases?.length ?? 0);

/** Steps taken before phase i starts: 0 for the entry itself, else that phase's `from`. */
export const phaseStart = (entry: Pick<PhasedSetting, 'phases'>, i: number): number =>
  i === 0 ? 0 : entry.phases![i - 1]!.from;

/**
 * The phase that makes step `step` (1-based: the move from point step − 1 to point step): 0 for
 * the entry itself. Point 0 and step 1 belong to phase 0; a phase from k makes step k + 1 on.
 */
export function phaseAt(entry: Pick<PhasedSetting, 'phases'>, step: number): number {
  const phases = entry.phases;
  if (!phases) return 0;
  let i = 0;
  while (i < phases.length && phases[i]!.from < step) i++;
  return i;
}

/** Phase i of an entry as an entry of its own (the entry's label and colour, no phases). */
export function phaseEntry(entry: OptimizerEntry, i: number): OptimizerEntry {
  if (i === 0) return entry.phases ? { ...entry, phases: undefined } : entry;
  const { type, hyper, schedule } = entry.phases![i - 1]!;
  return { type, hyper, schedule, label: entry.label, color: entry.color };
}

/**
 * Fills `out[k]` with the rate of step k + 1 over every phase: each phase's schedule from its own
 * step 0 at the step it starts, as a torch scheduler made with that phase's optimizer.
 */
export function fillPhaseRates(entry: PhasedSetting, out: Float64Array): void {
  const phases = entry.phases;
  const lr = entry.hyper['lr'] as number;
  if (!phases) {
    fillLearningRates(lr, entry.schedule, out);
    return;
  }
  fillLearningRates(lr, entry.schedule, out.subarray(0, Math.min(out.length, phases[0]!.from)));
  for (let i = 0; i < phases.length; i++) {
    const { from, hyper, schedule } = phases[i]!;
    const end = Math.min(out.length, phases[i + 1]?.from ?? out.length);
    if (from < end) fillLearningRates(hyper['lr'] as number, schedule, out.subarray(from, end));
  }
}

/**
 * The entry as a run of `steps` steps holds it: phases that would start at or after the last step
 * are dropped (the same entry when none is).
 */
export function phasesWithin(entry: OptimizerEntry, steps: number): OptimizerEntry {
  const phases = entry.phases;
  if (!phases || phases.every((p) => p.from < steps)) return entry;
  const kept = phases.filter((p) => p.from < steps);
  return { ...entry, phases: kept.length ? kept : undefined };
}

/**
 * The entry's phases with a new one of `type` from step `from` (torch's defaults, `hyper` on top,
 * a constant rate), in order; one already starting at `from` is replaced.
 */
export function withPhase(
  entry: OptimizerEntry,
  from: number,
  type: string,
  hyper: Hyper,
): readonly Phase[] {
  const spec = getOptimizer(type);
  if (!spec) throw new Error(`unknown optimizer "${type}"`);
  const full: Record<string, Hyper[string]> = {};
  for (const [k, s] of Object.entries(spec.hyper)) full[k] = hyper[k] ?? s.default;
  const phase: Phase = { from, type, hyper: full, schedule: { type: 'constant' } };
  const others = (entry.phases ?? []).filter((p) => p.from !== from);
  return [...others, phase].sort((a, b) => a.from - b.from);
}
