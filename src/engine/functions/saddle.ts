import type { TestFunction } from '../types.ts';

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
  create({ a = 1, b = 1 }) {
    return {
      f(x, y) {
        return a * x * x - b * y * y;
      },
      grad(x, y, out) {
        out[0] = 2 * a * x;
        out[1] = -2 * b * y;
      },
    };
  },
};
