import type { Objective, TestFunction, XY } from '../types.ts';

/** a·x² − b·y² with its parameters bound: a class for the reason Rosenbrock's is one. */
class Saddle implements Objective {
  private readonly a: number = NaN;
  private readonly b: number = NaN;

  constructor(a: number, b: number) {
    this.a = a;
    this.b = b;
  }

  f(x: number, y: number): number {
    return this.a * x * x - this.b * y * y;
  }

  grad(x: number, y: number, out: XY): void {
    out[0] = 2 * this.a * x;
    out[1] = -2 * this.b * y;
  }
}

/** A saddle at the origin: plain gradient descent stalls near it before escaping along y. */
export const saddle: TestFunction = {
  id: 'saddle',
  name: 'Saddle',
  formula: 'a·x² − b·y²',
  params: {
    a: { default: 1, min: 0, max: 10, label: 'a (curvature along x)' },
    b: { default: 1, min: 0.1, max: 10, label: 'b (downward curvature along y)' },
  },
  view: { x: [-2, 2], y: [-2, 2] },
  start: [1.5, 0.01],
  minima: () => [],
  create: ({ a = 1, b = 1 }) => new Saddle(a, b),
};
