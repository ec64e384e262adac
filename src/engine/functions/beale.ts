import type { TestFunction } from '../types.ts';

/** Beale's function: flat plateaus and steep ridges around a minimum at (3, 0.5). */
export const beale: TestFunction = {
  id: 'beale',
  name: 'Beale',
  formula: '(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²',
  params: {},
  view: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
  start: [1, 1.5],
  minima: () => [[3, 0.5]],
  create() {
    return {
      f(x, y) {
        const y2 = y * y;
        const p = 1.5 - x + x * y;
        const q = 2.25 - x + x * y2;
        const r = 2.625 - x + x * y2 * y;
        return p * p + q * q + r * r;
      },
      grad(x, y, out) {
        const y2 = y * y;
        const y3 = y2 * y;
        const p = 1.5 - x + x * y;
        const q = 2.25 - x + x * y2;
        const r = 2.625 - x + x * y3;
        out[0] = 2 * (p * (y - 1) + q * (y2 - 1) + r * (y3 - 1));
        out[1] = 2 * x * (p + 2 * q * y + 3 * r * y2);
      },
    };
  },
};
