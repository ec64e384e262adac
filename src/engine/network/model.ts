import type { Examples } from '../data/examples.ts';
import { logLoss, sigmoid } from '../data/logistic.ts';
import { tableTanh } from '../math/index.ts';
import { layoutOf, type Architecture, type Layout } from './architecture.ts';
import { addGradient, affine, backDelta } from './dense.ts';

/**
 * Examples go through the layers this many at a time. Each layer's activations for a chunk are
 * example-major (example r's units at r·width…), so a unit's pre-activation is a dot product of a
 * weight row and the example's contiguous inputs, its sum in a register (dense.ts blocks four
 * examples by two units), and the activation then runs as a loop of its own over the chunk.
 * Measured side by side against the unit-major layout (a partial sum stored per multiply-add, the
 * activation inside the unit's loop): the full-batch loss of [2, 16, 16, 1] in 0.5× the time with
 * ReLU, 0.75× with tanh (bound by tanh itself). A fixed chunk keeps the workspaces small
 * (≈ 100 KB for the largest net) whatever the data set's size.
 */
export const CHUNK = 128;

/**
 * A faster forward pass over all of a set of examples, and a faster mini-batch gradient, with
 * Network's exact bits (the WebAssembly ones, wasm/wasmForward.ts): a Network given one hands it
 * every full-batch loss and output, and every gradient asked for without its loss.
 */
export interface FullBatchKernel {
  loss(theta: Float64Array, ex: Examples): number;
  outputs(theta: Float64Array, ex: Examples, out: Float64Array): void;
  gradient(
    theta: Float64Array,
    grad: Float64Array,
    ex: Examples,
    list: Int32Array | null,
    from: number,
    to: number,
  ): void;
}

/**
 * A multilayer perceptron's loss and gradient over lists of examples, in float64, with
 * preallocated workspaces: no call allocates. θ is the flat vector of `layoutOf(arch)`. The loss
 * is the mean over the examples listed, as torch's MSELoss / BCEWithLogitsLoss with reduction
 * "mean"; the gradient is that mean's. Transcendentals are the engine's portable ones (the
 * activation's tanh is tableTanh: within 1 ulp and ≈ 5× faster than fdlibm's, which bound the
 * loss; exp and ln inside the log-loss), so results have the same bits everywhere.
 */
export class Network {
  readonly layout: Layout;
  /** acts[l]: layer l's outputs for a chunk (acts[0] the inputs), after the activation. */
  private readonly acts: Float64Array[];
  /** deltas[l]: ∂loss/∂(layer l's pre-activation outputs) for a chunk; deltas[L − 1] the logit's. */
  private readonly deltas: Float64Array[];
  private readonly relu: boolean;
  private readonly classify: boolean;

  constructor(
    readonly arch: Architecture,
    private readonly kernel: FullBatchKernel | null = null,
  ) {
    this.layout = layoutOf(arch);
    const s = this.layout.sizes;
    this.acts = s.map((units) => new Float64Array(units * CHUNK));
    this.deltas = s.slice(1).map((units) => new Float64Array(units * CHUNK));
    this.relu = arch.activation === 'relu';
    this.classify = arch.head === 'classification';
  }

  /** Parameters in the vector. */
  get count(): number {
    return this.layout.count;
  }

  /**
   * The mean loss over examples list[from…to) of `ex` (indices into it), or over all of `ex` when
   * `list` is null. NaN for an empty list, as torch's mean of nothing.
   */
  loss(theta: Float64Array, ex: Examples, list: Int32Array | null, from = 0, to = ex.n): number {
    if (this.kernel !== null && list === null && from === 0 && to === ex.n && to > 0) {
      return this.kernel.loss(theta, ex);
    }
    let sum = 0;
    for (let c = from; c < to; c += CHUNK) {
      const m = Math.min(CHUNK, to - c);
      this.forward(theta, ex, list, c, m);
      sum += this.headLoss(ex, list, c, m, 0);
    }
    return sum / (to - from);
  }

  /**
   * As `loss`, and writes the gradient of that mean with respect to θ into `grad` (overwritten).
   */
  lossGrad(
    theta: Float64Array,
    grad: Float64Array,
    ex: Examples,
    list: Int32Array | null,
    from = 0,
    to = ex.n,
  ): number {
    grad.fill(0);
    let sum = 0;
    const scale = 1 / (to - from);
    for (let c = from; c < to; c += CHUNK) {
      const m = Math.min(CHUNK, to - c);
      this.forward(theta, ex, list, c, m);
      sum += this.headLoss(ex, list, c, m, scale);
      this.backward(theta, grad, m);
    }
    return sum / (to - from);
  }

  /**
   * As `lossGrad`, without the loss: the gradient a training step takes; in the kernel where there
   * is one, the same bits (on issue 15's [2, 16, 16, 1] with B = 32, 3.7–3.8× as fast as the JS
   * loops with tanh and 5.1–5.4× with ReLU, side by side in bench/network.bench.ts).
   */
  gradient(
    theta: Float64Array,
    grad: Float64Array,
    ex: Examples,
    list: Int32Array | null,
    from = 0,
    to = ex.n,
  ): void {
    if (this.kernel !== null && to > from) this.kernel.gradient(theta, grad, ex, list, from, to);
    else this.lossGrad(theta, grad, ex, list, from, to);
  }

  /** The output (logit, or the regression's value) at each input (a[i], b[i]) into out[i]. */
  predict(theta: Float64Array, a: Float64Array, b: Float64Array, out: Float64Array): void {
    this.outputs(theta, { n: a.length, a, b, t: out }, out);
  }

  /**
   * As `predict`, for the inputs of `ex` (its targets unread): a caller that keeps its inputs as
   * Examples (a grid, redrawn per frame) allocates nothing per call.
   */
  outputs(theta: Float64Array, ex: Examples, out: Float64Array): void {
    if (this.kernel !== null) {
      this.kernel.outputs(theta, ex, out);
      return;
    }
    const last = this.acts[this.acts.length - 1]!;
    for (let c = 0; c < ex.n; c += CHUNK) {
      const m = Math.min(CHUNK, ex.n - c);
      this.forward(theta, ex, null, c, m);
      for (let r = 0; r < m; r++) out[c + r] = last[r]!;
    }
  }

  /** Fills the activations of the m examples listed from position c. */
  private forward(
    theta: Float64Array,
    ex: Examples,
    list: Int32Array | null,
    c: number,
    m: number,
  ) {
    const { sizes, weight, bias } = this.layout;
    const acts = this.acts;
    const x0 = acts[0]!;
    const { a, b } = ex;
    for (let r = 0; r < m; r++) {
      const i = list === null ? c + r : list[c + r]!;
      x0[2 * r] = a[i]!;
      x0[2 * r + 1] = b[i]!;
    }
    const layers = sizes.length - 1;
    for (let l = 0; l < layers; l++) {
      const nOut = sizes[l + 1]!;
      const out = acts[l + 1]!;
      affine(theta, weight[l]!, bias[l]!, sizes[l]!, nOut, acts[l]!, out, m);
      // The activation in a pass of its own: a tight loop over the chunk's outputs.
      const end = m * nOut;
      if (l + 1 === layers) continue;
      if (this.relu) {
        // NaN < 0 is false: a NaN passes the ReLU, as torch.relu(nan) is nan.
        for (let q = 0; q < end; q++) if (out[q]! < 0) out[q] = 0;
      } else for (let q = 0; q < end; q++) out[q] = tableTanh(out[q]!);
    }
  }

  /**
   * The summed loss of the chunk's m examples; with a `scale` (1/batch), also the output's delta
   * ∂(mean loss)/∂z for each.
   */
  private headLoss(ex: Examples, list: Int32Array | null, c: number, m: number, scale: number) {
    const z = this.acts[this.acts.length - 1]!;
    const dz = this.deltas[this.deltas.length - 1]!;
    const t = ex.t;
    let sum = 0;
    if (this.classify) {
      for (let r = 0; r < m; r++) {
        const ti = t[list === null ? c + r : list[c + r]!]!;
        const zr = z[r]!;
        sum += logLoss(zr, ti);
        if (scale !== 0) dz[r] = (sigmoid(zr) - ti) * scale;
      }
    } else {
      for (let r = 0; r < m; r++) {
        const e = z[r]! - t[list === null ? c + r : list[c + r]!]!;
        sum += e * e;
        if (scale !== 0) dz[r] = 2 * e * scale;
      }
    }
    return sum;
  }

  /** Adds the chunk's share of the gradient to `grad`, from the output's delta back. */
  private backward(theta: Float64Array, grad: Float64Array, m: number): void {
    const { sizes, weight, bias } = this.layout;
    const { acts, deltas, relu } = this;
    for (let l = sizes.length - 2; l >= 0; l--) {
      const nIn = sizes[l]!;
      const nOut = sizes[l + 1]!;
      addGradient(grad, weight[l]!, bias[l]!, nIn, nOut, acts[l]!, deltas[l]!, m);
      if (l > 0)
        backDelta(theta, weight[l]!, nIn, nOut, acts[l]!, deltas[l]!, deltas[l - 1]!, m, relu);
    }
  }
}
