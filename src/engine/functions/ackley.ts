import type { TestFunction } from '../types.ts';
import { cos, exp, sin } from '../math/index.ts';

const TAU = 2 * Math.PI;

/** Ackley's function: a nearly flat, rippled plain with one deep funnel at the origin. */
export const ackley: TestFunction = {
  id: 'ackley',
  name: 'Ackley',
  formula: '−20·exp(−0.2·√(½(x² + y²))) − exp(½(cos 2πx + cos 2πy)) + e + 20',
  params: {},
  view: { x: [-5, 5], y: [-5, 5] },
  start: [-3.3, 4.1],
  minima: () => [[0, 0]],
  create() {
    return {
      f(x, y) {
        const r = Math.sqrt(0.5 * (x * x + y * y));
        const c = 0.5 * (cos(TAU * x) + cos(TAU * y));
        return -20 * exp(-0.2 * r) - exp(c) + Math.E + 20;
      },
      grad(x, y, out) {
        const r = Math.sqrt(0.5 * (x * x + y * y));
        // Why: at r = 0 the cone term has no gradient; 0 is in its subdifferential (the minimum).
        const k = r === 0 ? 0 : (2 * exp(-0.2 * r)) / r;
        const e = Math.PI * exp(0.5 * (cos(TAU * x) + cos(TAU * y)));
        out[0] = k * x + e * sin(TAU * x);
        out[1] = k * y + e * sin(TAU * y);
      },
    };
  },
};
