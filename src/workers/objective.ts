import { CUSTOM_ID } from '../engine/expr/custom.ts';
import { instantiate } from '../engine/expr/instantiate.ts';
import { builtinObjective } from '../engine/objective.ts';
import type { Scene } from '../engine/scene.ts';
import type { Objective } from '../engine/types.ts';

/**
 * The objectives one worker computes with: a built-in's, or a typed function's from the
 * generated source in its message, re-checked here (engine/expr/sourceCheck) before
 * `new Function` sees it. The last typed function is kept: a drag sends the same source again.
 */
export class Objectives {
  #last: { readonly source: string; readonly objective: Objective } | null = null;

  /**
   * The objective of `fn`, whose compiled `source` a typed function must come with; a loss made of
   * data shuffles its batches by the scene's noise `seed`.
   */
  for(fn: Scene['fn'], source: string | undefined, seed = 0): Objective {
    if (fn.id !== CUSTOM_ID) return builtinObjective(fn, seed);
    if (source === undefined) throw new Error('the typed function was not compiled');
    if (this.#last?.source !== source) this.#last = { source, objective: instantiate(source) };
    return this.#last.objective;
  }
}
