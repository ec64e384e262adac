import type { TestFunction } from '../types.ts';

/** The monkey saddle: a flat critical point at the origin with three valleys running down. */
export const monkeySaddle: TestFunction = {
  id: 'monkey_saddle',
  name: 'Monkey saddle',
  formula: 'x³ − 3xy²',
  params: {},
  view: { x: [-2, 2], y: [-2, 2] },
  start: [1.5, 0.1],
  minima: () => [],
  create() {
    return {
      f(x, y) {
        return x * x * x - 3 * x * y * y;
      },
      grad(x, y, out) {
        out[0] = 3 * (x * x - y * y);
        out[1] = -6 * x * y;
      },
    };
  },
};
