import type { TestFunction } from '../types.ts';

/** Styblinski–Tang: four minima on a grid, only one of them global. */
export const styblinskiTang: TestFunction = {
  id: 'styblinski_tang',
  name: 'Styblinski–Tang',
  formula: '½((x⁴ − 16x² + 5x) + (y⁴ − 16y² + 5y))',
  params: {},
  view: { x: [-5, 5], y: [-5, 5] },
  start: [0, 4.5],
  minima: () => [
    [-2.903534027771177, -2.903534027771177],
    [-2.903534027771177, 2.746802770990837],
    [2.746802770990837, -2.903534027771177],
    [2.746802770990837, 2.746802770990837],
  ],
  create() {
    return {
      f(x, y) {
        const x2 = x * x;
        const y2 = y * y;
        return 0.5 * (x2 * x2 - 16 * x2 + 5 * x + (y2 * y2 - 16 * y2 + 5 * y));
      },
      grad(x, y, out) {
        out[0] = 2 * x * x * x - 16 * x + 2.5;
        out[1] = 2 * y * y * y - 16 * y + 2.5;
      },
    };
  },
};
