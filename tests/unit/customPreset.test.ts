import { describe, expect, it } from 'vitest';
import { checkExpression } from '../../src/engine/expr/index.ts';
import {
  parsePreset,
  readLink,
  salvagePreset,
  sceneHash,
  toCompactPreset,
  toPreset,
} from '../../src/preset/index.ts';

const custom = (fn: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({
  v: 1,
  fn: { id: 'custom', ...fn },
  steps: 100,
  optimizers: [{ type: 'adam', lr: 0.05 }],
  ...rest,
});
const errors = (input: unknown, options = {}) => {
  const r = parsePreset(input, options);
  return r.ok ? [] : r.errors;
};

describe('a custom function in a preset', () => {
  it('reads the text with the custom view and start', () => {
    const r = parsePreset(custom({ expr: 'sin(x) * cos(y)' }), { checkExpression });
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(r.scene.fn).toEqual({ id: 'custom', params: {}, expr: 'sin(x) * cos(y)' });
    expect(r.scene.view).toEqual({ x: [-3, 3], y: [-3, 3] });
    expect(r.scene.start).toEqual([-2, 2]);
  });

  it('names what is wrong with the shape, the checker with the text', () => {
    expect(errors(custom({ expr: 42 }))).toEqual([
      'fn.expr must be a text of at most 500 characters, got 42',
    ]);
    expect(errors(custom({ expr: 'x'.repeat(501) }))[0]).toMatch(/^fn.expr must be a text/);
    expect(errors(custom({ expr: 'x', params: { a: 1 } }))).toEqual([
      'fn: unknown key "params" (allowed: id, expr)',
    ]);
    expect(errors(custom({ expr: 'x + sinn(y)' }), { checkExpression })).toEqual([
      'fn.expr is not a valid function: unknown function "sinn" at column 5',
    ]);
    // Without a checker (the page's first read) only the shape is checked.
    expect(errors(custom({ expr: 'x + sinn(y)' }))).toEqual([]);
  });

  it('refuses expr on a built-in', () => {
    expect(errors({ ...custom({}), fn: { id: 'booth', expr: 'x' } })).toEqual([
      'fn: unknown key "expr" (allowed: id, params)',
    ]);
  });

  it('travels in full and compact presets and links', () => {
    const r = parsePreset(custom({ expr: 'x^2 + 3*y^2' }, { start: [1, 1] }));
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(toPreset(r.scene).fn).toEqual({ id: 'custom', expr: 'x^2 + 3*y^2' });
    expect(toCompactPreset(r.scene)).toEqual({
      v: 1,
      fn: { id: 'custom', expr: 'x^2 + 3*y^2' },
      start: [1, 1],
      steps: 100,
      optimizers: [{ type: 'adam', lr: 0.05 }],
    });
    expect(parsePreset(toPreset(r.scene))).toEqual(r);
    const back = readLink(`#${sceneHash(r.scene)}`, { checkExpression });
    expect(back.found && back.scene).toEqual(r.scene);
  });

  it('salvages a link whose function cannot be read: the default function, the rest kept', () => {
    const s = salvagePreset(custom({ expr: 'cos.constructor("x")()' }, { start: [1, 2] }), {
      checkExpression,
    });
    expect(s.defaulted).toBe(false);
    expect(s.scene.fn.id).toBe('rosenbrock');
    expect(s.scene.start).toEqual([1, 2]);
    expect(s.problems[0]).toBe(
      'fn.expr is not a valid function: property access is not allowed ("." only in numbers) at column 4 (used rosenbrock)',
    );
  });
});
