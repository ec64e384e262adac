import type { Objective, TestFunction, XY } from '../types.ts';
import { cos, sin } from '../math/index.ts';

/**
 * ½(u² + κv²) with κ and the rotation's cosine and sine bound: a class for the reason Rosenbrock's
 * is one.
 */
class NarrowValley implements Objective {
  private readonly kappa: number = NaN;
  private readonly c: number = NaN;
  private readonly s: number = NaN;

  constructor(kappa: number, c: number, s: number) {
    this.kappa = kappa;
    this.c = c;
    this.s = s;
  }

  // Why this order: with θ = 0 (c = 1, s = 0) u and v are exactly x and y, so f rounds exactly
  // like the PyTorch reference's ½(x² + κy²).
  f(x: number, y: number): number {
    const { kappa, c, s } = this;
    const u = x * c + y * s;
    const v = -x * s + y * c;
    return 0.5 * (u * u + kappa * (v * v));
  }

  grad(x: number, y: number, out: XY): void {
    const { kappa, c, s } = this;
    const u = x * c + y * s;
    const dv = kappa * (-x * s + y * c);
    out[0] = u * c - dv * s;
    out[1] = u * s + dv * c;
  }
}

/** An ill-conditioned quadratic bowl: condition number κ, long axis rotated by θ. */
export const narrowValley: TestFunction = {
  id: 'narrow_valley',
  name: 'Narrow valley',
  formula: '½(u² + κv²), u = x cos θ + y sin θ, v = −x sin θ + y cos θ',
  params: {
    kappa: { default: 20, min: 1, max: 1000, label: 'κ (condition number)' },
    angle: { default: 0, min: -90, max: 90, label: 'θ (rotation, degrees)' },
  },
  view: { x: [-4, 4], y: [-2.5, 2.5] },
  start: [-3, 1.5],
  minima: () => [[0, 0]],
  create({ kappa = 20, angle = 0 }) {
    const t = (angle * Math.PI) / 180;
    return new NarrowValley(kappa, cos(t), sin(t));
  },
};
