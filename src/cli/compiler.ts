import { CUSTOM_ID } from '../engine/expr/custom.ts';
import { ExprError } from '../engine/expr/error.ts';
import type { Scene } from '../engine/scene.ts';
import type { Objective } from '../engine/types.ts';
import type { TypedTrees } from '../export/torch/index.ts';
import type { ParseOptions } from '../preset/schema.ts';
import { UsageError } from './failure.ts';

/** The expression compiler with mathjs: loaded only for a scene with a typed function. */
type Compiler = typeof import('../engine/expr/index.ts');

// The module system keeps what it loaded: a second call costs nothing.
const loadCompiler = (): Promise<Compiler> => import('../engine/expr/index.ts');

/**
 * Reads a preset with `read`, checking a typed function with the full compiler. Whether there is
 * one is decided by the schema's own reading (its checker is called exactly when it has read a
 * typed function's text), never by looking at the raw text; mathjs loads only then.
 */
export async function readChecked<T>(read: (options: ParseOptions) => T): Promise<T> {
  let typed = false;
  const first = read({
    checkExpression: () => {
      typed = true;
      return null;
    },
  });
  if (!typed) return first;
  const { checkExpression } = await loadCompiler();
  return read({ checkExpression });
}

/** The scene's objective: its built-in (undefined), or its typed function compiled. */
export async function objectiveOf(fn: Scene['fn']): Promise<Objective | undefined> {
  if (fn.id !== CUSTOM_ID) return undefined;
  const compiler = await loadCompiler();
  try {
    return compiler.instantiate(compiler.compileExpression(fn.expr ?? '').source);
  } catch (e) {
    // The preset's check passed already; a refusal here is still the input's, not a crash.
    if (e instanceof ExprError)
      throw new UsageError(`fn.expr is not a valid function: ${e.message}`);
    throw e;
  }
}

/** A typed function's checked trees, f and its derivatives (what objectiveOf compiles), for the PyTorch export. */
export async function typedTreesOf(fn: Scene['fn']): Promise<TypedTrees | undefined> {
  if (fn.id !== CUSTOM_ID) return undefined;
  const compiler = await loadCompiler();
  try {
    const { f, dx, dy } = compiler.compileExpression(fn.expr ?? '');
    return { f, dx, dy };
  } catch (e) {
    if (e instanceof ExprError)
      throw new UsageError(`fn.expr is not a valid function: ${e.message}`);
    throw e;
  }
}
