import { getOptimizer } from '../../engine/optimizers/index.ts';
import type { Hyper, Phase } from '../../engine/scene.ts';
import type { LabOptimizer, LabState } from '../../state/store.ts';

/** The optimizer with this id, or undefined once it is removed. */
export const findOptimizer = (s: LabState, id: number): LabOptimizer | undefined =>
  s.optimizers.find((o) => o.id === id);

/** What a phase or an entry holds that its controls edit: a type, its hyperparameters, a schedule. */
export type Settings = Pick<Phase, 'type' | 'hyper' | 'schedule'>;

/**
 * The settings of optimizer `id`, or of its later phase `phase` (0-based); undefined once either
 * is removed.
 */
export function findSettings(s: LabState, id: number, phase?: number): Settings | undefined {
  const entry = findOptimizer(s, id)?.entry;
  return phase === undefined ? entry : entry?.phases?.[phase];
}

/**
 * The steps the settings of optimizer `id` (or of its later phase `phase`) make: the entry's until
 * its first switch, a phase's until the next one or the end. Their schedule counts from 0 over these.
 */
export function settingsSteps(s: LabState, id: number, phase?: number): number {
  const phases = findOptimizer(s, id)?.entry.phases;
  const start = phase === undefined ? 0 : (phases?.[phase]?.from ?? 0);
  const end = phases?.[phase === undefined ? 0 : phase + 1]?.from ?? s.steps;
  return Math.max(1, Math.min(end, s.steps) - start);
}

/**
 * Why setting `key` to `value` breaks a rule spanning several hyperparameters (sgd's Nesterov needs
 * momentum > 0 and dampening 0), or null. Only a change that introduces a violation is refused.
 */
export function crossFieldProblem(
  s: LabState,
  id: number,
  key: string,
  value: Hyper[string],
  phase?: number,
): string | null {
  const entry = findSettings(s, id, phase);
  const check = entry && getOptimizer(entry.type)?.check;
  if (!entry || !check || check(entry.hyper)) return null;
  return check({ ...entry.hyper, [key]: value })?.message ?? null;
}
