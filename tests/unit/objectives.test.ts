import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/engine/expr/compile.ts';
import { Objectives } from '../../src/workers/objective.ts';

const typed = (expr: string) => ({ id: 'custom', params: {}, expr });

describe('Objectives (one per worker)', () => {
  it('gives a built-in’s objective, and a typed function’s from its compiled source', () => {
    const objectives = new Objectives();
    expect(objectives.for({ id: 'rosenbrock', params: { a: 1, b: 100 } }, undefined).f(1, 1)).toBe(
      0,
    );
    const { source } = compileExpression('x^2 + 3*y');
    expect(objectives.for(typed('x^2 + 3*y'), source).f(2, 1)).toBe(7);
    expect(() => objectives.for(typed('x'), undefined)).toThrow('was not compiled');
  });

  it('keeps the last typed function for its own worker only', () => {
    const a = new Objectives();
    const b = new Objectives();
    const first = compileExpression('x*y').source;
    const second = compileExpression('x+y').source;
    const kept = a.for(typed('x*y'), first);
    expect(a.for(typed('x*y'), first)).toBe(kept);
    // Another worker's objectives neither see nor evict it.
    expect(b.for(typed('x*y'), first)).not.toBe(kept);
    b.for(typed('x+y'), second);
    expect(a.for(typed('x*y'), first)).toBe(kept);
    expect(a.for(typed('x+y'), second)).not.toBe(kept);
  });
});
