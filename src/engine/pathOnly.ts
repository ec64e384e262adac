import type { Objective } from './types.ts';

/**
 * `objective` with its loss left out: the same gradients, and f read as 0. A run on it takes the
 * same steps, so its x and y are the full run's bit for bit (the step loop reads f only to record
 * it and test it for finiteness); its f column holds zeros, not losses, and it stops only where x
 * or y leaves the finite numbers, so it may run on past a step whose loss overflowed.
 *
 * For a loss made of data, f is a pass over the whole training set while a step's gradient is one
 * mini-batch: the path costs a small part of the run. The page sketches a dragged run's path this
 * way within the input's frame (state/pageRuns), and the worker brings the losses behind it.
 */
export const pathOnly = (objective: Objective): Objective => ({
  f: () => 0,
  grad: (x, y, out, step) => objective.grad(x, y, out, step),
});
