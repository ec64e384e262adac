import { parseTarget } from '../../engine/sweep/index.ts';
import type { LabStore } from '../../state/store.ts';

/**
 * Sets the hyperparameter a curves path names (`optimizers[*].lr`, `…betas[0]`) of optimizer
 * `index` of the store to v, as its card's control would. False when the path is not a hyper.
 */
export function setOptimizerValue(
  store: LabStore,
  path: string,
  index: number,
  v: number,
): boolean {
  const target = parseTarget(path);
  const state = store.getState();
  const optimizer = state.optimizers[index];
  if (typeof target === 'string' || target.kind !== 'hyper' || !optimizer) return false;
  const { key, element } = target;
  if (element === null) {
    state.actions.setHyper(optimizer.id, key, v);
    return true;
  }
  const pair = optimizer.entry.hyper[key];
  if (!Array.isArray(pair)) return false;
  state.actions.setHyper(optimizer.id, key, element === 0 ? [v, pair[1]] : [pair[0], v]);
  return true;
}
