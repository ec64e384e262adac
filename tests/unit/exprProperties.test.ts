import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/engine/expr/ast.ts';
import {
  compileExpression,
  ExprError,
  instantiate,
  printExpr,
} from '../../src/engine/expr/index.ts';

const smooth = ['sin', 'cos', 'atan', 'sinh', 'cosh', 'tanh', 'exp', 'log', 'sqrt', 'abs'] as const;

/** Random trees of the allowed kinds, printed as text the way a person would type them. */
const tree: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Expr>({ kind: 'var', name: 'x' }, { kind: 'var', name: 'y' }),
    fc.double({ min: -5, max: 5, noNaN: true }).map((v): Expr => ({ kind: 'num', value: v })),
    fc.constantFrom<Expr>({ kind: 'num', value: Math.PI, name: 'pi' }),
    tie('e').map((arg): Expr => ({ kind: 'neg', arg })),
    fc
      .tuple(fc.constantFrom('+', '-', '*', '/'), tie('e'), tie('e'))
      .map(([op, left, right]): Expr => ({ kind: 'op', op, left, right })),
    fc
      .tuple(tie('e'), fc.integer({ min: -3, max: 4 }))
      .map(([left, n]): Expr => ({ kind: 'op', op: '^', left, right: { kind: 'num', value: n } })),
    fc
      .tuple(fc.constantFrom(...smooth), tie('e'))
      .map(([fn, arg]): Expr => ({ kind: 'call', fn, arg })),
  ),
})).e;

/** Central difference of f along one axis, with step h. */
const central = (
  f: (x: number, y: number) => number,
  x: number,
  y: number,
  axis: 0 | 1,
  h: number,
) => (axis === 0 ? (f(x + h, y) - f(x - h, y)) / (2 * h) : (f(x, y + h) - f(x, y - h)) / (2 * h));

describe('symbolic gradients', () => {
  it('agree with central differences where f is smooth', { timeout: 120_000 }, () => {
    let compared = 0;
    fc.assert(
      fc.property(
        tree,
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (e, x, y) => {
          const text = printExpr(e);
          let compiled;
          try {
            compiled = compileExpression(text);
          } catch (err) {
            // Only the caps may refuse an allowed tree.
            expect((err as Error).message).toMatch(/too long|too complex|nested deeper/);
            return;
          }
          const o = instantiate(compiled.source);
          const g = new Float64Array(2);
          o.grad(x, y, g);
          for (const axis of [0, 1] as const) {
            const d1 = central(o.f, x, y, axis, 1e-5);
            const d2 = central(o.f, x, y, axis, 5e-6);
            const scale = Math.max(1, Math.abs(d1));
            // Smooth here: both steps agree, the values are moderate.
            if (!Number.isFinite(g[axis]!) || !Number.isFinite(d1) || Math.abs(d1) > 1e4) return;
            if (Math.abs(d1 - d2) > 1e-5 * scale) return;
            expect(Math.abs(g[axis]! - d1), `${text} at (${x}, ${y}), axis ${axis}`).toBeLessThan(
              1e-4 * scale,
            );
            compared++;
          }
        },
      ),
      { numRuns: 400, seed: 42 },
    );
    expect(compared).toBeGreaterThan(200);
  });
});

describe('random text', () => {
  const alphabet = fc.constantFrom(
    ...'xy0123456789.e+-*/^() ,;=[]{}"\':!%<>&|?$_abcdefghijklmnopqrstuvwz\n\t\\#@`~'.split(''),
    'sin',
    'log',
    'pi',
    'constructor',
    '__proto__',
    'import',
  );
  const text = fc.oneof(
    fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 80 }),
  );

  it('is compiled or refused with an ExprError, never anything else', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(text, (t) => {
        try {
          const c = compileExpression(t);
          instantiate(c.source).f(0.5, 0.5);
        } catch (e) {
          if (!(e instanceof ExprError)) throw e;
        }
      }),
      { numRuns: 3000, seed: 7 },
    );
    expect((globalThis as Record<string, unknown>)['__pwned']).toBeUndefined();
  });
});
