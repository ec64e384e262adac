import type { Objective, TestFunction, XY } from '../types.ts';

/**
 * (a − x)² + b(y − x²)² with its parameters bound. A class, not closures: the engine's loop reads
 * a and b as number fields of a known shape, where captured variables cost a tag check on each
 * read. The fields start as NaN, not `undefined` (as constructor parameter properties would) nor
 * 0: V8 then stores them as doubles from the start, and a fractional `a` later does not change
 * their representation under compiled code.
 */
class Rosenbrock implements Objective {
  private readonly a: number = NaN;
  private readonly b: number = NaN;

  constructor(a: number, b: number) {
    this.a = a;
    this.b = b;
  }

  f(x: number, y: number): number {
    const u = this.a - x;
    const v = y - x * x;
    return u * u + this.b * v * v;
  }

  grad(x: number, y: number, out: XY): void {
    const { a, b } = this;
    const v = y - x * x;
    out[0] = -2 * (a - x) - 4 * b * x * v;
    out[1] = 2 * b * v;
  }
}

/** Rosenbrock's banana: a curved valley whose floor is nearly flat. */
export const rosenbrock: TestFunction = {
  id: 'rosenbrock',
  name: 'Rosenbrock',
  formula: '(a − x)² + b(y − x²)²',
  params: {
    a: { default: 1, min: -10, max: 10, label: 'a (minimum at x = a)' },
    b: { default: 100, min: 0, max: 10000, label: 'b (valley steepness)' },
  },
  view: { x: [-2, 2], y: [-1, 3] },
  start: [-1.5, 2],
  minima: ({ a = 1 }) => [[a, a * a]],
  create: ({ a = 1, b = 100 }) => new Rosenbrock(a, b),
};
