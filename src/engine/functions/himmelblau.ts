import type { TestFunction } from '../types.ts';

/** Himmelblau's function: four global minima, so where you start decides where you end. */
export const himmelblau: TestFunction = {
  id: 'himmelblau',
  name: 'Himmelblau',
  formula: '(x² + y − 11)² + (x + y² − 7)²',
  params: {},
  view: { x: [-5, 5], y: [-5, 5] },
  start: [0, 0],
  minima: () => [
    [3, 2],
    [-2.805118086952745, 3.131312518250573],
    [-3.779310253377747, -3.2831859912861696],
    [3.5844283403304917, -1.8481265269644036],
  ],
  create() {
    return {
      f(x, y) {
        const p = x * x + y - 11;
        const q = x + y * y - 7;
        return p * p + q * q;
      },
      grad(x, y, out) {
        const p = x * x + y - 11;
        const q = x + y * y - 7;
        out[0] = 4 * x * p + 2 * q;
        out[1] = 2 * p + 4 * y * q;
      },
    };
  },
};
