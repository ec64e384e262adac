import { functionOf } from '../functions/index.ts';
import type { Scene } from '../scene.ts';

/** Steps per epoch of a scene made of data (⌈training examples / B⌉), or null for a formula. */
export function stepsPerEpoch(fn: Scene['fn']): number | null {
  const data = functionOf(fn)?.data;
  if (!data) return null;
  return Math.ceil(data.dataset(fn.params).train.n / fn.params['batch']!);
}
