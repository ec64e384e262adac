import { getFunction } from '../functions/index.ts';
import type { Scene } from '../scene.ts';
import { trainSize } from './examples.ts';

/** Steps per epoch of a scene made of data (⌈training examples / B⌉), or null for a formula. */
export function stepsPerEpoch(fn: Scene['fn']): number | null {
  if (!getFunction(fn.id)?.data) return null;
  return Math.ceil(trainSize(fn.params['n']!, fn.params['test']!) / fn.params['batch']!);
}
