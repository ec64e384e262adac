import type { TestFunction } from '../types.ts';

/** The six-hump camel: two global minima and four local ones that trap a careless start. */
export const sixHumpCamel: TestFunction = {
  id: 'six_hump_camel',
  name: 'Six-hump camel',
  formula: '(4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²',
  params: {},
  view: { x: [-2, 2], y: [-1.1, 1.1] },
  start: [-1.5, -1],
  minima: () => [
    [0.08984201310031806, -0.7126564030207396],
    [-0.08984201310031806, 0.7126564030207396],
    [-1.703606714969981, 0.7960835686726251],
    [1.703606714969981, -0.7960835686726251],
    [-1.6071047529201972, -0.5686514548841314],
    [1.6071047529201972, 0.5686514548841314],
  ],
  create() {
    return {
      f(x, y) {
        const x2 = x * x;
        const y2 = y * y;
        return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
      },
      grad(x, y, out) {
        const x2 = x * x;
        out[0] = x * (8 - 8.4 * x2 + 2 * x2 * x2) + y;
        out[1] = x - 8 * y + 16 * y * y * y;
      },
    };
  },
};
