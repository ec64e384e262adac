import type { Objective, TestFunction, XY } from '../types.ts';
import { cos, sin } from '../math/index.ts';

const TAU = 2 * Math.PI;

/** Rastrigin's function with its amplitude bound: a class for the reason Rosenbrock's is one. */
class Rastrigin implements Objective {
  private readonly A: number = NaN;

  constructor(A: number) {
    this.A = A;
  }

  f(x: number, y: number): number {
    const { A } = this;
    return 2 * A + x * x - A * cos(TAU * x) + y * y - A * cos(TAU * y);
  }

  grad(x: number, y: number, out: XY): void {
    const { A } = this;
    out[0] = 2 * x + TAU * A * sin(TAU * x);
    out[1] = 2 * y + TAU * A * sin(TAU * y);
  }
}

/** Rastrigin's function: a bowl covered in a regular grid of local minima. */
export const rastrigin: TestFunction = {
  id: 'rastrigin',
  name: 'Rastrigin',
  formula: '2A + x² − A·cos 2πx + y² − A·cos 2πy',
  params: {
    A: { default: 10, min: 0, max: 50, label: 'A (ripple amplitude)' },
  },
  view: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
  start: [-4.3, 3.7],
  minima: () => [[0, 0]],
  create: ({ A = 10 }) => new Rastrigin(A),
};
