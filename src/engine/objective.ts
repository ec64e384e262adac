import { functionOf } from './functions/index.ts';
import type { Scene } from './scene.ts';
import type { Objective } from './types.ts';

/**
 * The objective of a built-in function with its parameters bound; a loss made of data shuffles its
 * batches by the scene's noise seed `seed`. A typed function (`custom`) has
 * no built-in objective: it is compiled (engine/expr) and handed to the trajectory directly.
 */
export function builtinObjective(fn: Scene['fn'], seed = 0): Objective {
  const spec = functionOf(fn);
  if (!spec) {
    throw new Error(
      fn.id === 'custom'
        ? 'a typed function must be compiled first'
        : `unknown function "${fn.id}"`,
    );
  }
  return spec.create(fn.params, seed);
}
