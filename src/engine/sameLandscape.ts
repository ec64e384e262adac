import { functionOf } from './functions/index.ts';
import type { Scene } from './scene.ts';

/**
 * The parameter of a loss made of data that its f does not read: B orders the steps'
 * mini-batches, and f is the mean over the whole training set.
 */
const BATCH = 'batch';

/**
 * True when two functions have the same f everywhere, so that a contour field of one is the
 * other's: the same record, or the same function with the same parameters but for a loss made of
 * data's batch size.
 */
export function sameLandscape(a: Scene['fn'], b: Scene['fn']): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.expr !== b.expr || a.rows !== b.rows || !functionOf(a)?.data) return false;
  const names = new Set([...Object.keys(a.params), ...Object.keys(b.params)]);
  for (const name of names)
    if (name !== BATCH && !Object.is(a.params[name], b.params[name])) return false;
  return true;
}
