import type { TestFunction } from '../types.ts';

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
  create({ a = 1, b = 100 }) {
    return {
      f(x, y) {
        const u = a - x;
        const v = y - x * x;
        return u * u + b * v * v;
      },
      grad(x, y, out) {
        const v = y - x * x;
        out[0] = -2 * (a - x) - 4 * b * x * v;
        out[1] = 2 * b * v;
      },
    };
  },
};
