import type { Expr } from '../engine/expr/ast.ts';

/** Page → compile worker: compile one typed function. */
export interface CompileRequest {
  readonly type: 'compile';
  /** Increases with every request; the answer carries it back. */
  readonly requestId: number;
  readonly text: string;
}

/** What compiling a typed function gave: generated source and the gradient, or the refusal. */
export type CompileResult =
  | {
      readonly ok: true;
      /** JavaScript written from the checked tree (engine/expr/codegen), for the other workers. */
      readonly source: string;
      /** ∂f/∂x and ∂f/∂y as text. */
      readonly gradient: readonly [string, string];
      /** f as our checked tree (plain data), for single values on the page (engine/expr/evaluate). */
      readonly f: Expr;
      /** ∂f/∂x and ∂f/∂y as checked trees, for the PyTorch export (src/export/torch). */
      readonly dx: Expr;
      readonly dy: Expr;
    }
  | {
      readonly ok: false;
      /** The whole message, column included ("unknown function "sinn" at column 4"). */
      readonly message: string;
      /** 1-based column of the problem, or null. */
      readonly column: number | null;
    };

/** Compile worker → page. */
export type CompileAnswer = CompileResult & { readonly requestId: number };
