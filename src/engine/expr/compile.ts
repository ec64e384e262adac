import type { MathNode as MathjsNode } from 'mathjs';
import type { Expr } from './ast.ts';
import { codegen } from './codegen.ts';
import { ExprError, refusalOf } from './error.ts';
import { fold } from './fold.ts';
import { fromMathjs, type MathNode } from './fromMathjs.ts';
import { lex } from './lex.ts';
import { MAX_DEPTH, MAX_DERIVATIVE_NODES, MAX_NODES } from './limits.ts';
import { math } from './math.ts';
import { printExpr } from './print.ts';
import { checkSource } from './sourceCheck.ts';
import { toMathjs } from './toMathjs.ts';

/** A typed function, checked and compiled. */
export interface Compiled {
  /** f as checked, folded. */
  readonly f: Expr;
  /** ∂f/∂x and ∂f/∂y, symbolic, folded. */
  readonly dx: Expr;
  readonly dy: Expr;
  /** The gradient as text, for people: [∂f/∂x, ∂f/∂y]. */
  readonly gradient: readonly [string, string];
  /** JavaScript for `new Function` (see codegen), verified by checkSource. */
  readonly source: string;
}

/** The typed text, parsed by mathjs and passed through the allow-list. */
export function parseExpression(text: string): Expr {
  const tokens = lex(text);
  let tree: MathjsNode;
  try {
    tree = math.parse(text);
  } catch (e) {
    const error = e as Error & { char?: unknown };
    const reason = String(error.message).replace(/\s*\(char \d+\)\s*$/, '');
    const column = typeof error.char === 'number' ? Math.min(error.char, text.length + 1) : null;
    throw new ExprError(reason.charAt(0).toLowerCase() + reason.slice(1), column);
  }
  const budget = { maxNodes: MAX_NODES, maxDepth: MAX_DEPTH, flatChains: true, tokens };
  return fold(fromMathjs(tree as MathNode, budget));
}

/** ∂f/∂v without mathjs's simplification (a denial of service), re-checked and folded. */
function derive(f: Expr, v: 'x' | 'y'): Expr {
  let d: MathjsNode;
  try {
    d = math.derivative(toMathjs(f), v, { simplify: false });
  } catch (e) {
    throw new ExprError(`cannot differentiate: ${(e as Error).message}`);
  }
  // The derivative brings in functions of its own (sec, csc, …): it passes the allow-list too.
  const checked = fromMathjs(d as MathNode, {
    maxNodes: MAX_DERIVATIVE_NODES,
    maxDepth: 4 * MAX_DEPTH,
  });
  return fold(checked);
}

/** Parses, checks, differentiates and compiles a typed f(x, y); throws only ExprError. */
export function compileExpression(text: string): Compiled {
  try {
    const f = parseExpression(text);
    const dx = derive(f, 'x');
    const dy = derive(f, 'y');
    const source = codegen(f, dx, dy);
    const problem = checkSource(source);
    if (problem) throw new ExprError(`internal error: generated code refused (${problem})`);
    return { f, dx, dy, gradient: [printExpr(dx), printExpr(dy)], source };
  } catch (e) {
    if (e instanceof ExprError) throw e;
    // A stack overflow or any other surprise is still a refusal, never a crash.
    throw new ExprError(`cannot read this function (${(e as Error).message})`);
  }
}

/** Why `text` is not a valid function, or null when it compiles: the preset's expression check. */
export const checkExpression = (text: string): string | null =>
  refusalOf(() => compileExpression(text));
