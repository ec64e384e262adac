import { FUNCTIONS, type Expr } from './ast.ts';
import { apply } from './fold.ts';

/**
 * f(x, y) by walking a checked tree: no code is made, so it runs under a page policy without
 * 'unsafe-eval'. For single values (the hover readout); trajectories use the generated code.
 */
export function evaluate(e: Expr, x: number, y: number): number {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'var':
      return e.name === 'x' ? x : y;
    case 'neg':
      return -evaluate(e.arg, x, y);
    case 'call':
      return FUNCTIONS[e.fn].value(evaluate(e.arg, x, y));
    case 'op':
      return apply(e.op, evaluate(e.left, x, y), evaluate(e.right, x, y));
  }
}
