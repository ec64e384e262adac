/** Our own small expression tree: the only shape a typed function takes after the allow-list. */
export type Expr =
  | { readonly kind: 'num'; readonly value: number; readonly name?: 'pi' | 'e' }
  | { readonly kind: 'var'; readonly name: 'x' | 'y' }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'op'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call'; readonly fn: FnName; readonly arg: Expr };

/** The binary operators a function may use. */
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

const sec = (v: number) => 1 / Math.cos(v);
const csc = (v: number) => 1 / Math.sin(v);
const cot = (v: number) => 1 / Math.tan(v);

/**
 * The one-argument functions allowed, each with its value (for folding constants) and the
 * JavaScript it becomes, `#` standing for the argument. sec … coth appear in derivatives.
 */
export const FUNCTIONS = {
  sin: { value: Math.sin, js: 'Math.sin(#)' },
  cos: { value: Math.cos, js: 'Math.cos(#)' },
  tan: { value: Math.tan, js: 'Math.tan(#)' },
  asin: { value: Math.asin, js: 'Math.asin(#)' },
  acos: { value: Math.acos, js: 'Math.acos(#)' },
  atan: { value: Math.atan, js: 'Math.atan(#)' },
  sinh: { value: Math.sinh, js: 'Math.sinh(#)' },
  cosh: { value: Math.cosh, js: 'Math.cosh(#)' },
  tanh: { value: Math.tanh, js: 'Math.tanh(#)' },
  exp: { value: Math.exp, js: 'Math.exp(#)' },
  log: { value: Math.log, js: 'Math.log(#)' },
  sqrt: { value: Math.sqrt, js: 'Math.sqrt(#)' },
  abs: { value: Math.abs, js: 'Math.abs(#)' },
  sec: { value: sec, js: '(1/Math.cos(#))' },
  csc: { value: csc, js: '(1/Math.sin(#))' },
  cot: { value: cot, js: '(1/Math.tan(#))' },
  sech: { value: (v: number) => 1 / Math.cosh(v), js: '(1/Math.cosh(#))' },
  csch: { value: (v: number) => 1 / Math.sinh(v), js: '(1/Math.sinh(#))' },
  coth: { value: (v: number) => 1 / Math.tanh(v), js: '(1/Math.tanh(#))' },
} as const satisfies Record<string, { value: (v: number) => number; js: string }>;

/** The name of an allowed function. */
export type FnName = keyof typeof FUNCTIONS;

/** True for an allowed function name; an own-key test, so "constructor" is not one. */
export const isFnName = (name: string): name is FnName => Object.hasOwn(FUNCTIONS, name);

export const num = (value: number): Expr => ({ kind: 'num', value });
export const neg = (arg: Expr): Expr => ({ kind: 'neg', arg });
export const op = (o: BinaryOp, left: Expr, right: Expr): Expr => ({
  kind: 'op',
  op: o,
  left,
  right,
});
