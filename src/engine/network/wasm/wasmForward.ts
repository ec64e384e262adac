import type { Examples } from '../../data/examples.ts';
import { logLoss } from '../../data/logistic.ts';
import { tanhParts } from '../../math/tableTanh.ts';
import type { Architecture } from '../architecture.ts';
import { CHUNK } from '../model.ts';
import { forwardKernel, type KernelLayout } from './forwardKernel.ts';

/**
 * The little of the WebAssembly JS API used here: the engine's tsconfig has no DOM or Node types.
 * Synchronous compilation is fine in a worker and in Node; a page's main thread refuses modules
 * over 4 KB (Chromium).
 */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => {
    exports: {
      memory: { buffer: ArrayBuffer; grow(pages: number): number };
      forward(input: number, output: number, pairs: number): void;
    };
  };
};

/**
 * A network's forward pass and full-batch loss in WebAssembly SIMD, the same bits as Network
 * (model.ts): the outputs lane by lane as its loops (forwardKernel.ts), the loss in JS from them
 * as Network sums it, per chunk of CHUNK examples and then the chunks. Measured side by side in
 * Node 20 on issue 15's [2, 16, 16, 1] (bench/wasmLoss.bench.ts): the full-batch training and
 * test loss ≈ 2.1× as fast as Network.loss with tanh, ≈ 2.5× with ReLU; the forward pass alone
 * ≈ 2.4× and ≈ 3.4–4.7×, the log-loss head (exp and ln, in JS on both sides) the rest. The module
 * is 10–65 KB, compiled per architecture in 5–55 ms.
 */
export class WasmForward {
  private readonly exports;
  private readonly layout: KernelLayout;
  private readonly classify: boolean;

  constructor(arch: Architecture) {
    const { bytes, layout } = forwardKernel(arch);
    this.exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
    this.layout = layout;
    this.classify = arch.head === 'classification';
    new Float64Array(this.exports.memory.buffer, layout.pool, layout.constants.length).set(
      layout.constants,
    );
    const { HI: hi, LO: lo } = tanhParts();
    const table = new Float64Array(this.exports.memory.buffer, layout.table, 2 * hi.length);
    for (let i = 0; i < hi.length; i++) {
      table[2 * i] = hi[i]!;
      table[2 * i + 1] = lo[i]!;
    }
  }

  /** The outputs at the examples of `ex` into out[0…ex.n). */
  outputs(theta: Float64Array, ex: Examples, out: Float64Array): void {
    out.set(this.run(theta, ex).subarray(0, ex.n));
  }

  /** The mean loss over all of `ex`, as Network.loss(theta, ex, null). */
  loss(theta: Float64Array, ex: Examples): number {
    const z = this.run(theta, ex);
    const t = ex.t;
    let sum = 0;
    for (let c = 0; c < ex.n; c += CHUNK) {
      const end = Math.min(c + CHUNK, ex.n);
      let chunk = 0;
      if (this.classify) for (let r = c; r < end; r++) chunk += logLoss(z[r]!, t[r]!);
      else
        for (let r = c; r < end; r++) {
          const e = z[r]! - t[r]!;
          chunk += e * e;
        }
      sum += chunk;
    }
    return sum / ex.n;
  }

  /** Runs the kernel on all of `ex` (an odd count padded by a zero example); the outputs' view. */
  private run(theta: Float64Array, ex: Examples): Float64Array {
    const { theta: at, io } = this.layout;
    const pairs = Math.ceil(ex.n / 2);
    const output = io + 32 * pairs;
    const memory = this.exports.memory;
    const need = output + 16 * pairs - memory.buffer.byteLength;
    if (need > 0) memory.grow(Math.ceil(need / 65536));
    const buffer = memory.buffer;
    new Float64Array(buffer, at, theta.length).set(theta);
    const input = new Float64Array(buffer, io, 4 * pairs);
    const { a, b } = ex;
    for (let p = 0; 2 * p < ex.n; p++) {
      const q = 2 * p + 1 < ex.n ? 2 * p + 1 : -1;
      input[4 * p] = a[2 * p]!;
      input[4 * p + 1] = q < 0 ? 0 : a[q]!;
      input[4 * p + 2] = b[2 * p]!;
      input[4 * p + 3] = q < 0 ? 0 : b[q]!;
    }
    this.exports.forward(io, output, pairs);
    return new Float64Array(buffer, output, 2 * pairs);
  }
}
