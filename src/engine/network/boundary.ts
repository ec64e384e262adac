import type { Dataset, Examples } from '../data/examples.ts';
import { sigmoid } from '../data/logistic.ts';
import type { Box } from '../types.ts';
import type { Network } from './model.ts';

/** The share of its span a data set's input box is padded by on each side. */
const PAD = 0.06;

/** The box around every example's inputs, training and test, padded by PAD of its span. */
export function inputBox({ train, test }: Dataset): Box {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const ex of [train, test]) {
    for (let i = 0; i < ex.n; i++) {
      const a = ex.a[i]!;
      const b = ex.b[i]!;
      if (a < x0) x0 = a;
      if (a > x1) x1 = a;
      if (b < y0) y0 = b;
      if (b > y1) y1 = b;
    }
  }
  if (!(x1 >= x0 && y1 >= y0)) return { x: [-1, 1], y: [-1, 1] };
  const px = (x1 - x0 || 1) * PAD;
  const py = (y1 - y0 || 1) * PAD;
  return { x: [x0 - px, x1 + px], y: [y0 - py, y1 + py] };
}

/**
 * A network's output over an n × n grid of its inputs: the decision boundary's picture. Cell
 * (i, j) is sampled at its centre, index i + j·n with y up, as the contour fields (field.ts), so
 * the engine's iso-lines of `values` are in the same grid coordinates. Each value is the class-1
 * probability σ(z) of the classification head's logit, or the regression's prediction: exactly
 * what `Network.outputs` gives for that input (then σ), bit for bit. The grid's inputs are made
 * once; `fill` allocates nothing.
 */
export class OutputGrid {
  /** The grid's inputs, as examples (targets unused). */
  private readonly cells: Examples;
  private readonly classify: boolean;

  constructor(
    private readonly net: Network,
    /** The box sampled. */
    readonly box: Box,
    /** Samples per side. */
    readonly n: number,
  ) {
    const a = new Float64Array(n * n);
    const b = new Float64Array(n * n);
    const [xa, xb] = box.x;
    const [ya, yb] = box.y;
    const dx = (xb - xa) / n;
    const dy = (yb - ya) / n;
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        a[i + j * n] = xa + (i + 0.5) * dx;
        b[i + j * n] = ya + (j + 0.5) * dy;
      }
    }
    this.cells = { n: n * n, a, b, t: new Float64Array(0) };
    this.classify = net.arch.head === 'classification';
  }

  /** Writes the output at every cell for parameters θ into `out` (n² long), and returns it. */
  fill(theta: Float64Array, out: Float64Array = new Float64Array(this.n * this.n)): Float64Array {
    this.net.outputs(theta, this.cells, out);
    if (this.classify) for (let k = 0; k < out.length; k++) out[k] = sigmoid(out[k]!);
    return out;
  }
}

/**
 * The share of `ex` a classifier with parameters θ labels right, σ(z) ≥ ½ read as label 1 (the
 * side of OutputGrid's ½ level it lies on), with `out` (ex.n long) as its workspace.
 */
export function accuracy(
  net: Network,
  theta: Float64Array,
  ex: Examples,
  out: Float64Array,
): number {
  net.outputs(theta, ex, out);
  let right = 0;
  for (let i = 0; i < ex.n; i++) if ((sigmoid(out[i]!) >= 0.5 ? 1 : 0) === ex.t[i]) right++;
  return right / ex.n;
}
