import type { Expr, FnName } from '../../engine/expr/ast.ts';
import { TorchExportError } from './error.ts';
import { pyFloat } from './python.ts';

/** Each allowed function of a typed f (engine/expr/ast.ts FUNCTIONS) as torch, `#` the argument. */
const TORCH_CALLS: Readonly<Record<FnName, string>> = {
  sin: 'torch.sin(#)',
  cos: 'torch.cos(#)',
  tan: 'torch.tan(#)',
  asin: 'torch.asin(#)',
  acos: 'torch.acos(#)',
  atan: 'torch.atan(#)',
  sinh: 'torch.sinh(#)',
  cosh: 'torch.cosh(#)',
  tanh: 'torch.tanh(#)',
  exp: 'torch.exp(#)',
  log: 'torch.log(#)',
  sqrt: 'torch.sqrt(#)',
  abs: 'torch.abs(#)',
  sec: '(1 / torch.cos(#))',
  csc: '(1 / torch.sin(#))',
  cot: '(1 / torch.tan(#))',
  sech: '(1 / torch.cosh(#))',
  csch: '(1 / torch.sinh(#))',
  coth: '(1 / torch.tanh(#))',
};

const hasVar = (e: Expr): boolean =>
  e.kind === 'var' ||
  (e.kind === 'neg' || e.kind === 'call'
    ? hasVar(e.arg)
    : e.kind === 'op' && (hasVar(e.left) || hasVar(e.right)));

/**
 * A typed function's checked, folded tree (what the lab compiles: engine/expr parseExpression) as
 * one torch expression in x and y, operation for operation; `^` is torch's pow. Numbers inside a
 * part without x or y are written as tensors, so Python's own float arithmetic (which raises on
 * 1/0 and turns (-8)**(1/3) complex) never runs in place of torch's.
 */
export function torchExpression(e: Expr, tensors = !hasVar(e)): string {
  switch (e.kind) {
    case 'num': {
      const literal = e.name === 'pi' ? 'math.pi' : e.name === 'e' ? 'math.e' : pyFloat(e.value);
      return tensors ? `T(${literal})` : literal;
    }
    case 'var':
      return e.name;
    case 'neg':
      return `(-${torchExpression(e.arg, tensors)})`;
    case 'call': {
      const form = Object.hasOwn(TORCH_CALLS, e.fn) ? TORCH_CALLS[e.fn] : undefined;
      if (!form)
        throw new TorchExportError(`the function ${e.fn}() of the typed f has no torch form`);
      return form.replace('#', torchExpression(e.arg, tensors || !hasVar(e.arg)));
    }
    case 'op': {
      const inner = tensors || !hasVar(e);
      const a = torchExpression(e.left, inner);
      const b = torchExpression(e.right, inner);
      return `(${a} ${e.op === '^' ? '**' : e.op} ${b})`;
    }
    default:
      throw new TorchExportError(
        `a part of the typed f (${(e as { kind: string }).kind}) has no torch form`,
      );
  }
}

/** A typed function as the lab compiles it: f and its symbolic partial derivatives, folded. */
export interface TypedTrees {
  readonly f: Expr;
  readonly dx: Expr;
  readonly dy: Expr;
}

/**
 * `def f(x, y)` and `def gradient(p, k)` of a typed function. The gradient is not autograd's:
 * the lab differentiates the text symbolically (mathjs) and folds the result, and where f is not
 * smooth the two disagree (mathjs's d|u|/du is abs(u)/u, not a number at 0, where torch's abs
 * says 0; folding turns 0·u into 0 where torch computes 0·∞ = nan). So the script evaluates the
 * lab's own derivative trees with torch operations, and a run stops exactly where the lab's does.
 */
export function typedFunction({ f, dx, dy }: TypedTrees): string[] {
  const value = torchExpression(f);
  return [
    'def f(x, y):',
    hasVar(f)
      ? `    return ${value}`
      : `    return x * 0.0 + y * 0.0 + ${value}  # f is a constant`,
    '',
    '',
    'def gradient(p, k):',
    `    """The lab's gradient of f: its symbolic partial derivatives (mathjs), folded as the lab`,
    '    folds them, evaluated with torch operations."""',
    '    x, y = p[0], p[1]',
    '    with torch.no_grad():',
    `        d_dx = ${torchExpression(dx)}`,
    `        d_dy = ${torchExpression(dy)}`,
    '        return torch.stack([torch.as_tensor(d_dx), torch.as_tensor(d_dy)])',
  ];
}
