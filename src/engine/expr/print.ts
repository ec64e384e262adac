import type { Expr } from './ast.ts';

/** Binding strength: + − 1, * / 2, unary − 3, ^ 4, atoms 5. */
function strength(e: Expr): number {
  switch (e.kind) {
    case 'op':
      return e.op === '+' || e.op === '-' ? 1 : e.op === '^' ? 4 : 2;
    case 'neg':
      return 3;
    case 'num':
      return e.value < 0 || Object.is(e.value, -0) ? 3 : 5;
    default:
      return 5;
  }
}

/** An Expr as mathjs text with only the parentheses it needs, e.g. "-2 * (1 - x) - 400 * x * (y - x^2)". */
export function printExpr(e: Expr): string {
  const wrap = (child: Expr, min: number) =>
    strength(child) < min ? `(${printExpr(child)})` : printExpr(child);
  switch (e.kind) {
    case 'num':
      return e.name ?? String(e.value);
    case 'var':
      return e.name;
    case 'neg':
      return `-${wrap(e.arg, 4)}`;
    case 'call':
      return `${e.fn}(${printExpr(e.arg)})`;
    case 'op': {
      const s = strength(e);
      if (e.op === '^') return `${wrap(e.left, 5)}^${wrap(e.right, 4)}`;
      // Left-associative: the right operand of − and / needs parentheses at equal strength.
      const right = e.op === '-' || e.op === '/' ? s + 1 : s;
      return `${wrap(e.left, s)} ${e.op} ${wrap(e.right, right)}`;
    }
  }
}
