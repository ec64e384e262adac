import { CUSTOM_ID } from '../engine/expr/custom.ts';
import { instantiate } from '../engine/expr/instantiate.ts';
import { builtinObjective } from '../engine/objective.ts';
import type { Scene } from '../engine/scene.ts';
import type { Objective } from '../engine/types.ts';

let last: { source: string; objective: Objective } | null = null;

/**
 * The objective a worker computes with: a built-in's, or a typed function's from the generated
 * source in its message, re-checked here (engine/expr/sourceCheck) before `new Function` sees it.
 */
export function objectiveFor(fn: Scene['fn'], source: string | undefined): Objective {
  if (fn.id !== CUSTOM_ID) return builtinObjective(fn);
  if (source === undefined) throw new Error('the typed function was not compiled');
  if (last?.source !== source) last = { source, objective: instantiate(source) };
  return last.objective;
}
