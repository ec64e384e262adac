import { getOptimizer } from '../../engine/optimizers/index.ts';
import type { Hyper } from '../../engine/scene.ts';
import type { LabOptimizer, LabState } from '../../state/store.ts';

/** The optimizer with this id, or undefined once it is removed. */
export const findOptimizer = (s: LabState, id: number): LabOptimizer | undefined =>
  s.optimizers.find((o) => o.id === id);

/**
 * Why setting `key` to `value` breaks a rule spanning several hyperparameters (sgd's Nesterov needs
 * momentum > 0 and dampening 0), or null. Only a change that introduces a violation is refused.
 */
export function crossFieldProblem(
  s: LabState,
  id: number,
  key: string,
  value: Hyper[string],
): string | null {
  const entry = findOptimizer(s, id)?.entry;
  const check = entry && getOptimizer(entry.type)?.check;
  if (!entry || !check || check(entry.hyper)) return null;
  return check({ ...entry.hyper, [key]: value })?.message ?? null;
}
