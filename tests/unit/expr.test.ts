import { describe, expect, it } from 'vitest';
import {
  checkSource,
  compileExpression,
  ExprError,
  instantiate,
} from '../../src/engine/expr/index.ts';
import { functions } from '../../src/engine/functions/index.ts';
import { simulate, type Run } from '../../src/engine/index.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { hostileCorpus } from '../hostile.ts';
import { evaluate } from '../../src/engine/expr/evaluate.ts';
import { builtinExpressions } from './builtinExpressions.ts';
import { compareRun, referenceCases } from './reference.ts';

const asPoints = (run: Run): number[][] => Array.from(run.x, (x, i) => [x, run.y[i]!, run.f[i]!]);
const objectiveOf = (text: string) => instantiate(compileExpression(text).source);

/** The ExprError message of `text`, or null when it compiles. */
function refusal(text: string): string | null {
  try {
    compileExpression(text);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(ExprError);
    return (e as Error).message;
  }
}

describe('the twelve built-ins typed as expressions', () => {
  it('covers every built-in', () => {
    expect(Object.keys(builtinExpressions).sort()).toEqual(functions.map((f) => f.id).sort());
  });

  for (const c of referenceCases) {
    it(`reproduces the PyTorch reference ${c.name} within 100× its tolerance`, () => {
      const scene = sceneFromPreset(c.preset);
      const expr = builtinExpressions[scene.fn.id]!;
      const { runs } = simulate(scene, objectiveOf(expr));
      c.runs.forEach((expected, i) => {
        const run = runs[i]!;
        const actual = { points: asPoints(run), lrs: run.lr, divergedAt: run.divergedAt };
        expect(compareRun(expected, actual, 100 * c.tolerance).mismatch, `run ${i}`).toBeNull();
      });
    });
  }

  for (const fn of functions) {
    it(`${fn.id}: the same trajectories as the built-in`, () => {
      const scene = sceneFromPreset({
        v: 1,
        fn: { id: fn.id },
        steps: 300,
        optimizers: [
          { type: 'sgd', lr: 0.001, momentum: 0.9 },
          { type: 'adam', lr: 0.01 },
        ],
      });
      const builtin = simulate(scene).runs;
      const typed = simulate(scene, objectiveOf(builtinExpressions[fn.id]!)).runs;
      typed.forEach((run, i) => {
        const b = builtin[i]!;
        const expected = {
          diverged_at: b.divergedAt,
          resolved: {},
          lrs: Array.from(b.lr),
          points: asPoints(b) as [number, number, number][],
        };
        const actual = { points: asPoints(run), lrs: run.lr, divergedAt: run.divergedAt };
        expect(compareRun(expected, actual, 1e-8).mismatch, `run ${i}`).toBeNull();
      });
    });
  }
});

describe('refusals say what and where', () => {
  const cases: [string, string][] = [
    ['sinn(x)', 'unknown function "sinn" at column 1'],
    ['x + sinn(y)', 'unknown function "sinn" at column 5'],
    ['x + z', 'unknown name "z" (use x, y, pi, e) at column 5'],
    ['x mod y', 'operator "mod" is not allowed at column 3'],
    ['log(x, 2)', 'functions take one argument: "," is not allowed at column 6'],
    ['x = 3', 'assignments and comparisons are not allowed at column 3'],
    ['cos.constructor', 'property access is not allowed ("." only in numbers) at column 4'],
    ['[x]', 'matrices and indexing are not allowed at column 1'],
    ['"x"', 'text (strings) is not allowed at column 1'],
    ['1:3', 'ranges are not allowed at column 2'],
    ['sin(x', '"(" is never closed at column 6'],
    ['x)', '")" without a matching "(" at column 2'],
    ['x +', 'unexpected end of expression at column 4'],
    ['', 'type a function of x and y'],
    ['x'.repeat(501), 'too long: 501 characters, at most 500'],
    ['('.repeat(41) + 'x' + ')'.repeat(41), 'nested deeper than 40 at column 41'],
    ['1e999 * x', 'a number is too large'],
  ];
  it.each(cases)('%s → %s', (text, message) => {
    expect(refusal(text)).toBe(message);
  });
});

describe('compiled functions', () => {
  it('give exact symbolic gradients, shown as text', () => {
    const c = compileExpression('(1-x)^2 + 100*(y-x^2)^2');
    expect(c.gradient).toEqual(['-(2 * (1 - x)) - 400 * x * (y - x^2)', '200 * (y - x^2)']);
    expect(c.source).toContain('out[1]=(200*t');
    const o = instantiate(c.source);
    const g = new Float64Array(2);
    o.grad(0.5, 0.7, g);
    expect(o.f(0.5, 0.7)).toBeCloseTo(20.5, 12);
    expect(g[0]).toBeCloseTo(-91, 12);
    expect(g[1]).toBeCloseTo(90, 12);
  });

  it('write small integer powers as products, computed once', () => {
    const { source } = compileExpression('(x + y)^3 + x^2');
    expect(source).not.toContain('**');
    expect(source).toMatch(/t\d+=\(x\+y\)/);
  });

  it('are not finite where f is not (holes) and finite elsewhere', () => {
    const o = objectiveOf('log(x) + sqrt(y)');
    const g = new Float64Array(2);
    expect(o.f(-1, 1)).toBeNaN();
    o.grad(1, 0, g);
    expect(g[1]).toBe(Infinity);
    expect(o.f(1, 4)).toBe(2);
  });

  it('fold constants: pi, e and constant calls become numbers', () => {
    const { source } = compileExpression('2 * pi * x + exp(0) + e^2');
    expect(source).toContain(`return (((${2 * Math.PI}*x)+1)+${Math.E ** 2})`);
  });
});

describe('evaluate (the page: no code is made)', () => {
  it('gives the values of the generated code on every built-in expression', () => {
    for (const text of Object.values(builtinExpressions)) {
      const c = compileExpression(text);
      const o = instantiate(c.source);
      for (const [x, y] of [
        [0.3, -1.2],
        [-2, 2.5],
        [1, 1],
      ] as const) {
        expect(evaluate(c.f, x, y), text).toBeCloseTo(o.f(x, y), 9);
      }
    }
  });
});

describe('checkSource', () => {
  const ok = compileExpression('sin(x) * y^1.5').source;
  /** `ok` with one part replaced; the part must be there, or the case would test nothing. */
  const swap = (part: string, by: string) => {
    expect(ok).toContain(part);
    return ok.replace(part, by);
  };
  it('accepts generated source: portable calls through M, real powers through M.pow', () => {
    expect(ok).toContain('M.sin(x)');
    expect(ok).toMatch(/M\.pow\(y,1\.5\)/);
    expect(ok).not.toContain('Math');
    expect(checkSource(ok)).toBeNull();
  });
  it.each([
    ['a name', () => swap('M.sin(x)', 'M.constructor(x)')],
    ['Math (engines differ in its last bits)', () => swap('M.sin(x)', 'Math.sin(x)')],
    ['another object', () => swap('M.sin(x)', 'N.sin(x)')],
    ['a string', () => swap('M.sin(x)', '"a"')],
    ['a property', () => swap('M.sin(x)', 'x.constructor')],
    ['M itself', () => swap('M.sin(x)', 'M')],
    ['a member that is not called', () => swap('M.sin(x)', 'M.sin')],
    ['a call', () => swap('M.sin(x)', 'alert(x)')],
    ['a call of a call', () => swap('M.sin(x)', 'M.sin(x)(y)')],
    ['a loop', () => swap('return ', 'for(;;){};return ')],
    ['another statement', () => swap('return ', 'globalThis.__pwned=1;return ')],
    ['brackets', () => swap('M.sin(x)', 'x[0]')],
    ['unbalanced parentheses', () => swap('M.sin(x)', 'M.sin(x))(')],
    ['**', () => swap('M.pow(y,1.5)', '(y**1.5)')],
    ['a comma outside pow', () => swap('M.sin(x)', 'M.sin(x,y)')],
    ['a comma in a group', () => swap('M.sin(x)', '(x,y)')],
    ['pow with one argument', () => swap('M.pow(y,1.5)', 'M.pow(y)')],
    ['pow with three arguments', () => swap('M.pow(y,1.5)', 'M.pow(y,1.5,x)')],
    ['pow with an empty argument', () => swap('M.pow(y,1.5)', 'M.pow(y,)')],
    ['a comma after pow', () => swap('M.pow(y,1.5)', 'M.pow(y,1.5),x')],
    ['a third output', () => swap('out[1]=', 'out[2]=')],
    ['not text', () => 42],
  ])('refuses %s', (_name, source) => {
    expect(checkSource(source())).not.toBeNull();
  });
  it('accepts nested powers and calls inside pow', () => {
    const { source } = compileExpression('(x^1.5 + sin(y))^2.5 * atan(x)^0.5');
    expect(source.match(/M\.pow\(/g)?.length).toBeGreaterThanOrEqual(3);
    expect(checkSource(source)).toBeNull();
  });
  it('keeps instantiate from compiling anything else', () => {
    expect(() => instantiate('globalThis.__pwned = 1; return {}')).toThrow(/refused/);
    expect((globalThis as Record<string, unknown>)['__pwned']).toBeUndefined();
  });
});

describe('hostile expressions', () => {
  it('has a corpus of at least 50', () => expect(hostileCorpus.length).toBeGreaterThan(50));

  it.each(
    hostileCorpus.map(([h, outcome]) => [h.length > 60 ? `${h.slice(0, 57)}...` : h, h, outcome]),
  )('%s: its outcome, and nothing runs', (_name, text, outcome) => {
    let compiled;
    try {
      compiled = compileExpression(text);
    } catch (e) {
      expect(e).toBeInstanceOf(ExprError);
      expect({ refused: (e as Error).message }).toEqual(outcome);
    }
    if (compiled) {
      expect(checkSource(compiled.source)).toBeNull();
      const o = instantiate(compiled.source);
      const g = new Float64Array(2);
      o.grad(0.3, 0.4, g);
      const f = o.f(0.3, 0.4);
      if (!('f' in outcome)) throw new Error(`compiled, expected ${JSON.stringify(outcome)}`);
      // Relative: the values span 1e-79 to 1e77 (and the last bit may move with Math.*).
      if (outcome.f === 0 || !Number.isFinite(outcome.f)) expect(f).toBe(outcome.f);
      else expect(Math.abs(f - outcome.f) / Math.abs(outcome.f)).toBeLessThan(1e-12);
    }
    expect((globalThis as Record<string, unknown>)['__pwned']).toBeUndefined();
  });
});
