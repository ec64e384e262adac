import type { TestFunction } from '../types.ts';

/** Booth's function: a tilted quadratic bowl, minimum at (1, 3). */
export const booth: TestFunction = {
  id: 'booth',
  name: 'Booth',
  formula: '(x + 2y − 7)² + (2x + y − 5)²',
  params: {},
  view: { x: [-10, 10], y: [-10, 10] },
  start: [-8, 7],
  minima: () => [[1, 3]],
  create() {
    return {
      f(x, y) {
        const p = x + 2 * y - 7;
        const q = 2 * x + y - 5;
        return p * p + q * q;
      },
      grad(x, y, out) {
        const p = x + 2 * y - 7;
        const q = 2 * x + y - 5;
        out[0] = 2 * p + 4 * q;
        out[1] = 4 * p + 2 * q;
      },
    };
  },
};
