import type { Examples } from '../../data/examples.ts';
import { sigmoid } from '../../data/logistic.ts';
import { tanhParts } from '../../math/tableTanh.ts';
import { layoutOf, type Architecture } from '../architecture.ts';
import { CHUNK } from '../model.ts';
import { instantiate } from '../../wasm/instantiate.ts';
import { CHUNK_PAIRS, forwardKernel } from './forwardKernel.ts';

/** The kernel's functions (forwardKernel.ts, backwardKernel.ts, headKernel.ts). */
interface ForwardExports {
  forward(input: number, output: number, pairs: number): void;
  backward(input: number, dz: number, m: number): void;
  logLoss(z: number, t: number, out: number, pairs: number): void;
  squaredError(z: number, t: number, out: number, pairs: number): void;
}

/**
 * Examples a call of the kernel takes: a multiple of CHUNK, so each of Network's chunk sums lies
 * within one block. The memory holds a block's inputs, outputs, targets and losses from the start
 * and never grows: growing it detaches its ArrayBuffer, and once any ArrayBuffer is detached V8
 * (Node 20) runs all of the process's JS typed-array loops slower: the JS network's full-batch
 * loss took ≈ 1.15× as long after a grow, ≈ 1.1× after detaching an unrelated 8-byte buffer.
 */
const BLOCK = 8 * CHUNK;
const PAIRS = BLOCK / 2;
/** The memory a block takes from the kernel's io on: inputs (32 bytes a pair), then 3 × 16. */
export const IO_BYTES = 80 * PAIRS;

/**
 * A network's forward pass and full-batch loss in WebAssembly SIMD, the same bits as Network
 * (model.ts): the outputs lane by lane as its loops (forwardKernel.ts), each example's loss by
 * the kernel's head (headKernel.ts), summed in JS as Network sums them, per chunk of CHUNK
 * examples and then the chunks. Measured side by side in Node 20 on issue 15's [2, 16, 16, 1]
 * (bench/wasmLoss.bench.ts, two processes, 4 December, after tableTanh's single path): the
 * full-batch training and test loss 3.31–3.38× as fast as Network.loss with tanh (159–161 µs),
 * 5.23–5.33× with ReLU (63–66 µs); the forward pass alone 3.15–3.31× and 5.53–5.64×, the log-loss
 * head alone 3.3–3.7×. Also the mini-batch gradient (`gradient`), the forward pass's and the
 * backward pass's (backwardKernel.ts) per chunk. The module is 3–224 KB; V8 compiles each of
 * its functions on its first call.
 */
export class WasmForward {
  private readonly exports;
  private readonly classify: boolean;
  /** Views of the memory: θ, a block's inputs (pairs side by side), outputs, targets, losses. */
  private readonly theta: Float64Array;
  private readonly input: Float64Array;
  private readonly z: Float64Array;
  private readonly t: Float64Array;
  private readonly losses: Float64Array;
  /** The backward pass's gradient (θ's layout) and its chunk's output deltas. */
  private readonly grad: Float64Array;
  private readonly dz: Float64Array;

  constructor(arch: Architecture) {
    const { bytes, layout } = forwardKernel(arch, IO_BYTES);
    this.exports = instantiate<ForwardExports>(bytes);
    this.classify = arch.head === 'classification';
    const buffer = this.exports.memory.buffer;
    new Float64Array(buffer, layout.pool, layout.constants.length).set(layout.constants);
    const { HI: hi, LO: lo } = tanhParts();
    const table = new Float64Array(buffer, layout.table, 2 * hi.length);
    for (let i = 0; i < hi.length; i++) {
      table[2 * i] = hi[i]!;
      table[2 * i + 1] = lo[i]!;
    }
    const count = layoutOf(arch).count;
    this.theta = new Float64Array(buffer, layout.theta, count);
    this.grad = new Float64Array(buffer, layout.grad, count);
    this.dz = new Float64Array(buffer, layout.dz, 2 * CHUNK_PAIRS);
    this.input = new Float64Array(buffer, layout.io, 4 * PAIRS);
    [this.z, this.t, this.losses] = [0, 1, 2].map(
      (i) => new Float64Array(buffer, layout.io + 32 * PAIRS + 16 * PAIRS * i, 2 * PAIRS),
    ) as [Float64Array, Float64Array, Float64Array];
  }

  /** The outputs at the examples of `ex` into out[0…ex.n). */
  outputs(theta: Float64Array, ex: Examples, out: Float64Array): void {
    this.theta.set(theta);
    for (let from = 0; from < ex.n; from += BLOCK) {
      const m = Math.min(BLOCK, ex.n - from);
      this.run(ex, null, from, m);
      for (let i = 0; i < m; i++) out[from + i] = this.z[i]!;
    }
  }

  /** The mean loss over all of `ex`, as Network.loss(theta, ex, null). */
  loss(theta: Float64Array, ex: Examples): number {
    const n = ex.n;
    const { z, t, losses } = this;
    this.theta.set(theta);
    let sum = 0;
    for (let from = 0; from < n; from += BLOCK) {
      const m = Math.min(BLOCK, n - from);
      const pairs = this.run(ex, null, from, m);
      for (let i = 0; i < m; i++) t[i] = ex.t[from + i]!;
      if (m % 2 === 1) t[m] = 0;
      const head = this.classify ? this.exports.logLoss : this.exports.squaredError;
      head(z.byteOffset, t.byteOffset, losses.byteOffset, pairs);
      for (let c = 0; c < m; c += CHUNK) {
        const end = Math.min(c + CHUNK, m);
        let chunk = 0;
        for (let r = c; r < end; r++) chunk += losses[r]!;
        sum += chunk;
      }
    }
    return sum / n;
  }

  /**
   * The gradient of the mean loss over examples list[from…to) of `ex` (from < to) into `grad`:
   * Network.lossGrad's, bit for bit, without its loss. A chunk of up to 2·CHUNK_PAIRS examples at
   * a time: the forward pass, each output's delta ∂(mean loss)/∂z here (the head's JS, as
   * Network's), then the backward pass adds the chunk's share.
   */
  gradient(
    theta: Float64Array,
    grad: Float64Array,
    ex: Examples,
    list: Int32Array | null,
    from: number,
    to: number,
  ): void {
    const { z, dz } = this;
    const t = ex.t;
    const scale = 1 / (to - from);
    this.theta.set(theta);
    this.grad.fill(0);
    for (let c = from; c < to; c += 2 * CHUNK_PAIRS) {
      const m = Math.min(2 * CHUNK_PAIRS, to - c);
      this.run(ex, list, c, m);
      for (let r = 0; r < m; r++) {
        const ti = t[list === null ? c + r : list[c + r]!]!;
        const zr = z[r]!;
        if (this.classify) dz[r] = (sigmoid(zr) - ti) * scale;
        else dz[r] = 2 * (zr - ti) * scale;
      }
      this.exports.backward(this.input.byteOffset, dz.byteOffset, m);
    }
    grad.set(this.grad);
  }

  /**
   * Runs the kernel on examples from…from + m of `ex`, or on those `list` names there (m ≤ BLOCK;
   * an odd m padded by a zero example), into the outputs' view; the pairs run.
   */
  private run(ex: Examples, list: Int32Array | null, from: number, m: number): number {
    const { input } = this;
    const { a, b } = ex;
    const pairs = Math.ceil(m / 2);
    for (let p = 0; p < pairs; p++) {
      const odd = 2 * p + 1 === m;
      const i = list === null ? from + 2 * p : list[from + 2 * p]!;
      const i1 = odd ? i : list === null ? i + 1 : list[from + 2 * p + 1]!;
      input[4 * p] = a[i]!;
      input[4 * p + 1] = odd ? 0 : a[i1]!;
      input[4 * p + 2] = b[i]!;
      input[4 * p + 3] = odd ? 0 : b[i1]!;
    }
    this.exports.forward(input.byteOffset, this.z.byteOffset, pairs);
    return pairs;
  }
}
