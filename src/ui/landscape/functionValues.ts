import type { Expr } from '../../engine/expr/ast.ts';
import { evaluate } from '../../engine/expr/evaluate.ts';
import { functionOf } from '../../engine/functions/index.ts';
import type { Scene } from '../../engine/scene.ts';
import type { Objective } from '../../engine/types.ts';
import type { LabStore } from '../../state/store.ts';
import type { CompileResult } from '../../workers/compileProtocol.ts';

/** Compiles a typed function's text (the compile worker, in the page). */
export type Compile = (text: string) => Promise<CompileResult>;

/**
 * f(x, y) of the store's function for the hover readout: a built-in's at once; a typed
 * function's once the compile worker has returned its checked tree (NaN until then). The tree
 * is walked (engine/expr/evaluate): the page's policy runs no generated code.
 */
export class FunctionValues {
  /** The newest typed function's checked tree. */
  #typed: { readonly expr: string; readonly f: Expr } | null = null;
  /** The last built-in's objective: a loss made of data builds its examples and batches. */
  #last: { readonly fn: Scene['fn']; readonly objective: Objective | undefined } | null = null;
  /** The text last sent to the compiler. */
  #asked: string | undefined;
  readonly #stop: () => void;

  constructor(
    store: LabStore,
    private readonly compile: Compile,
  ) {
    this.#learn(store.getState().fn.expr);
    this.#stop = store.subscribe((s) => this.#learn(s.fn.expr));
  }

  /** f(x, y) of `fn`, or NaN while a typed function is still being compiled (or was refused). */
  at(fn: Scene['fn'], x: number, y: number): number {
    if (fn.expr !== undefined) {
      return this.#typed?.expr === fn.expr ? evaluate(this.#typed.f, x, y) : NaN;
    }
    return this.#builtin(fn)?.f(x, y) ?? NaN;
  }

  #builtin(fn: Scene['fn']): Objective | undefined {
    if (this.#last?.fn !== fn) this.#last = { fn, objective: functionOf(fn)?.create(fn.params) };
    return this.#last.objective;
  }

  /** Stops following the store. */
  dispose(): void {
    this.#stop();
  }

  #learn(expr: string | undefined): void {
    if (expr === undefined || expr === this.#asked || this.#typed?.expr === expr) return;
    this.#asked = expr;
    void this.compile(expr).then((r) => {
      if (r.ok) this.#typed = { expr, f: r.f };
      // A refusal may be a crashed worker's: the next change of the store asks again.
      else if (this.#asked === expr) this.#asked = undefined;
    });
  }
}
