import type { Examples } from '../data/examples.ts';
import { logLoss, sigmoid } from '../data/logistic.ts';
import { tanh } from '../math/index.ts';
import { layoutOf, type Architecture, type Layout } from './architecture.ts';

/**
 * Examples go through the layers this many at a time: each layer's activations for a chunk are
 * unit-major rows of CHUNK doubles, so the inner loops run over contiguous examples with one
 * weight in a register. A fixed chunk keeps the workspaces small (≈ 100 KB for the largest net)
 * whatever the data set's size, and amortises each (unit, input) pair's loop over many examples.
 */
const CHUNK = 128;

/**
 * A multilayer perceptron's loss and gradient over lists of examples, in float64, with
 * preallocated workspaces: no call allocates. θ is the flat vector of `layoutOf(arch)`. The loss
 * is the mean over the examples listed, as torch's MSELoss / BCEWithLogitsLoss with reduction
 * "mean"; the gradient is that mean's. Transcendentals are the engine's portable ones (tanh, and
 * exp and ln inside the log-loss), so results have the same bits everywhere.
 */
export class Network {
  readonly layout: Layout;
  /** acts[l]: layer l's outputs for a chunk (acts[0] the inputs), after the activation. */
  private readonly acts: Float64Array[];
  /** deltas[l]: ∂loss/∂(layer l's pre-activation outputs) for a chunk; deltas[L − 1] the logit's. */
  private readonly deltas: Float64Array[];
  private readonly relu: boolean;
  private readonly classify: boolean;

  constructor(readonly arch: Architecture) {
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

  /** The output (logit, or the regression's value) at each input (a[i], b[i]) into out[i]. */
  predict(theta: Float64Array, a: Float64Array, b: Float64Array, out: Float64Array): void {
    const ex: Examples = { n: a.length, a, b, t: out };
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
      x0[r] = a[i]!;
      x0[CHUNK + r] = b[i]!;
    }
    const layers = sizes.length - 1;
    for (let l = 0; l < layers; l++) {
      const nIn = sizes[l]!;
      const nOut = sizes[l + 1]!;
      const input = acts[l]!;
      const out = acts[l + 1]!;
      const wl = weight[l]!;
      const hidden = l + 1 < layers;
      for (let j = 0; j < nOut; j++) {
        const oj = j * CHUNK;
        const row = wl + j * nIn;
        // Σ_k w_jk·x_k first, then the bias, as torch's addmm adds β·bias to the product.
        const w0 = theta[row]!;
        for (let r = 0; r < m; r++) out[oj + r] = w0 * input[r]!;
        for (let k = 1; k < nIn; k++) {
          const w = theta[row + k]!;
          const ik = k * CHUNK;
          for (let r = 0; r < m; r++) out[oj + r]! += w * input[ik + r]!;
        }
        const bj = theta[bias[l]! + j]!;
        if (!hidden) for (let r = 0; r < m; r++) out[oj + r]! += bj;
        else if (this.relu) {
          // NaN < 0 is false: a NaN passes through, as torch.relu(nan) is nan.
          for (let r = 0; r < m; r++) {
            const z = out[oj + r]! + bj;
            out[oj + r] = z < 0 ? 0 : z;
          }
        } else for (let r = 0; r < m; r++) out[oj + r] = tanh(out[oj + r]! + bj);
      }
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
    const { acts, deltas } = this;
    for (let l = sizes.length - 2; l >= 0; l--) {
      const nIn = sizes[l]!;
      const nOut = sizes[l + 1]!;
      const input = acts[l]!;
      const d = deltas[l]!;
      const wl = weight[l]!;
      const bl = bias[l]!;
      for (let j = 0; j < nOut; j++) {
        const oj = j * CHUNK;
        let sb = 0;
        for (let r = 0; r < m; r++) sb += d[oj + r]!;
        grad[bl + j]! += sb;
        const row = wl + j * nIn;
        for (let k = 0; k < nIn; k++) {
          const ik = k * CHUNK;
          let s = 0;
          for (let r = 0; r < m; r++) s += d[oj + r]! * input[ik + r]!;
          grad[row + k]! += s;
        }
      }
      if (l === 0) break;
      // The delta of the layer below: Wᵀd, times the activation's derivative at its output h
      // (tanh: 1 − h²; ReLU: 1 where h > 0, 0 at and below 0, as torch's threshold_backward).
      const below = deltas[l - 1]!;
      for (let k = 0; k < nIn; k++) {
        const ik = k * CHUNK;
        const w0 = theta[wl + k]!;
        for (let r = 0; r < m; r++) below[ik + r] = w0 * d[r]!;
        for (let j = 1; j < nOut; j++) {
          const w = theta[wl + j * nIn + k]!;
          const oj = j * CHUNK;
          for (let r = 0; r < m; r++) below[ik + r]! += w * d[oj + r]!;
        }
        if (this.relu) {
          for (let r = 0; r < m; r++) if (!(input[ik + r]! > 0)) below[ik + r] = 0;
        } else {
          for (let r = 0; r < m; r++) {
            const h = input[ik + r]!;
            below[ik + r]! *= 1 - h * h;
          }
        }
      }
    }
  }
}
