import { acos, asin, atan, cos, cosh, exp, ln, pow, sin, sinh, tan, tanh } from '../math/index.ts';

/** Our own small expression tree: the only shape a typed function takes after the allow-list. */
export type Expr =
  | { readonly kind: 'num'; readonly value: number; readonly name?: 'pi' | 'e' }
  | { readonly kind: 'var'; readonly name: 'x' | 'y' }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'op'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call'; readonly fn: FnName; readonly arg: Expr };

/** The binary operators a function may use. */
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/** The name generated code calls RUNTIME by: its one parameter. */
export const RUNTIME_NAME = 'M';

/**
 * The functions generated code may call, as members of its one parameter `M` (see instantiate):
 * the portable ports of src/engine/math, so a typed function has the same bits in every engine.
 * Frozen, so nothing can change what a name means.
 */
export const RUNTIME = Object.freeze({
  sin,
  cos,
  tan,
  asin,
  acos,
  atan,
  sinh,
  cosh,
  tanh,
  exp,
  log: ln,
  sqrt: Math.sqrt,
  abs: Math.abs,
  pow,
});

/** A function of RUNTIME applied to `#`, and 1 over it. */
const call = (name: Exclude<keyof typeof RUNTIME, 'pow'>) => ({
  value: RUNTIME[name],
  js: `${RUNTIME_NAME}.${name}(#)`,
});
const inverse = (name: 'sin' | 'cos' | 'tan' | 'sinh' | 'cosh' | 'tanh') => ({
  value: (v: number) => 1 / RUNTIME[name](v),
  js: `(1/${RUNTIME_NAME}.${name}(#))`,
});

/**
 * The one-argument functions allowed, each with its value (for folding constants and evaluate)
 * and the JavaScript it becomes, `#` standing for the argument. sec … coth appear in derivatives.
 */
export const FUNCTIONS = {
  sin: call('sin'),
  cos: call('cos'),
  tan: call('tan'),
  asin: call('asin'),
  acos: call('acos'),
  atan: call('atan'),
  sinh: call('sinh'),
  cosh: call('cosh'),
  tanh: call('tanh'),
  exp: call('exp'),
  log: call('log'),
  sqrt: call('sqrt'),
  abs: call('abs'),
  sec: inverse('cos'),
  csc: inverse('sin'),
  cot: inverse('tan'),
  sech: inverse('cosh'),
  csch: inverse('sinh'),
  coth: inverse('tanh'),
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
