import type { TestFunction } from '../types.ts';

/** Matyas' function: a long, very flat diagonal valley, minimum at the origin. */
export const matyas: TestFunction = {
  id: 'matyas',
  name: 'Matyas',
  formula: '0.26(x² + y²) − 0.48xy',
  params: {},
  view: { x: [-10, 10], y: [-10, 10] },
  start: [-8, -3],
  minima: () => [[0, 0]],
  create() {
    return {
      f(x, y) {
        return 0.26 * (x * x + y * y) - 0.48 * x * y;
      },
      grad(x, y, out) {
        out[0] = 0.52 * x - 0.48 * y;
        out[1] = 0.52 * y - 0.48 * x;
      },
    };
  },
};
