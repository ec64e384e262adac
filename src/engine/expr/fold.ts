import { FUNCTIONS, neg, num, op, type BinaryOp, type Expr } from './ast.ts';
import { pow } from '../math/index.ts';

const isNum = (e: Expr): e is Extract<Expr, { kind: 'num' }> => e.kind === 'num';
/** True when `e` is the number `v` (not a type guard: false says nothing about its kind). */
const is = (e: Expr, v: number): boolean => e.kind === 'num' && e.value === v;

/** a op b for numbers, as the generated JavaScript computes it. */
export function apply(o: BinaryOp, a: number, b: number): number {
  switch (o) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return pow(a, b);
  }
}

/**
 * Folds constants and the identities derivatives leave behind (u·1, u + 0, u^1, 0 − u, …) in one
 * bottom-up pass. mathjs's own simplification is not used: on nested powers it takes minutes.
 * A constant that is not finite (log(−1)) is left as it is, so the hole stays in the function.
 */
export function fold(e: Expr): Expr {
  switch (e.kind) {
    case 'num':
    case 'var':
      return e;
    case 'neg': {
      const a = fold(e.arg);
      if (isNum(a)) return num(-a.value);
      if (a.kind === 'neg') return a.arg;
      return neg(a);
    }
    case 'call': {
      const a = fold(e.arg);
      if (isNum(a)) {
        const v = FUNCTIONS[e.fn].value(a.value);
        if (Number.isFinite(v)) return num(v);
      }
      return { kind: 'call', fn: e.fn, arg: a };
    }
    case 'op':
      return foldOp(e.op, fold(e.left), fold(e.right));
  }
}

function foldOp(o: BinaryOp, a: Expr, b: Expr): Expr {
  if (isNum(a) && isNum(b)) {
    const v = apply(o, a.value, b.value);
    if (Number.isFinite(v)) return num(v);
  }
  switch (o) {
    case '+':
      if (is(b, 0)) return a;
      if (is(a, 0)) return b;
      if (b.kind === 'neg') return op('-', a, b.arg);
      if (a.kind === 'neg') return op('-', b, a.arg);
      break;
    case '-':
      if (is(b, 0)) return a;
      if (is(a, 0)) return b.kind === 'neg' ? b.arg : neg(b);
      if (b.kind === 'neg') return op('+', a, b.arg);
      break;
    case '*':
      // The term does not depend on the variable: 0 whatever the other factor is.
      if (is(a, 0) || is(b, 0)) return num(0);
      if (is(a, 1)) return b;
      if (is(b, 1)) return a;
      if (is(a, -1)) return b.kind === 'neg' ? b.arg : neg(b);
      if (is(b, -1)) return a.kind === 'neg' ? a.arg : neg(a);
      if (a.kind === 'neg' && b.kind === 'neg') return op('*', a.arg, b.arg);
      if (a.kind === 'neg') return neg(foldOp('*', a.arg, b));
      if (b.kind === 'neg') return neg(foldOp('*', a, b.arg));
      // c1 · (c2 · u) = (c1 · c2) · u: the chain rule stacks constant factors.
      if (isNum(a) && b.kind === 'op' && b.op === '*') {
        const inner = b.left;
        if (isNum(inner)) return foldOp('*', num(a.value * inner.value), b.right);
        if (inner.kind === 'op' && inner.op === '*' && isNum(inner.left)) {
          const product = foldOp('*', num(a.value * inner.left.value), inner.right);
          return foldOp('*', product, b.right);
        }
      }
      break;
    case '/':
      if (is(b, 1)) return a;
      break;
    case '^':
      if (is(b, 1)) return a;
      if (is(b, 0)) return num(1);
      break;
  }
  return op(o, a, b);
}
