import type { Scene } from '../engine/scene.ts';
import type { Objective } from '../engine/types.ts';
import type { ParseOptions } from '../preset/schema.ts';

/** The expression compiler with mathjs: loaded only for a scene with a typed function. */
export type Compiler = typeof import('../engine/expr/index.ts');

let loaded: Promise<Compiler> | null = null;

/** Loads the compiler once. */
export function loadCompiler(): Promise<Compiler> {
  loaded ??= import('../engine/expr/index.ts');
  return loaded;
}

/** Preset options that check typed functions with the full compiler. */
export const withChecker = (compiler: Compiler): ParseOptions => ({
  checkExpression: compiler.checkExpression,
});

/** The compiled objective of a typed function's scene (its preset was checked already). */
export function customObjective(compiler: Compiler, fn: Scene['fn']): Objective {
  return compiler.instantiate(compiler.compileExpression(fn.expr ?? '').source);
}
