import { Code, I32, V128, type Pool } from '../../wasm/code.ts';
import type { FunctionSpec } from '../../wasm/module.ts';
import type { Layout } from '../architecture.ts';
import { weightedSums } from './weightedSums.ts';

/** Where the backward pass finds and keeps things in the forward kernel's memory (byte addresses). */
export interface BackwardLayout {
  readonly theta: number;
  /** Hidden layer l + 1's activations for a chunk, pairs side by side: the forward pass's. */
  readonly acts: readonly number[];
  /** ∂loss/∂(hidden layer l + 1's pre-activations) for a chunk, laid out as `acts`. */
  readonly deltas: readonly number[];
  /** A chunk's inputs to one layer, one example after another (rows of rowBytes(sizes) each). */
  readonly rows: number;
  /** The gradient, in θ's layout. */
  readonly grad: number;
}

/** Pairs of a row's inputs whose gradient sums one loop over the examples keeps in registers. */
const K_PAIRS = 6;
/** Units of the layer below whose deltas are summed side by side (as the forward pass's GROUP). */
const GROUP = 4;
/** Lane 0 of a and lane 0 of b; lane 1 of each. */
const LANES_0 = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
const LANES_1 = [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];

/** Bytes of a row: the widest layer input, made even so that every row's pairs are aligned. */
export const rowBytes = (sizes: readonly number[]): number =>
  16 * Math.ceil(Math.max(...sizes.slice(0, -1)) / 2);

/**
 * The backward pass over a chunk (≤ the forward pass's CHUNK_PAIRS pairs) whose forward pass just
 * ran: exported `backward(in, dz, m)` adds the gradient of the m examples' losses to the one at
 * `at.grad`, given each output's ∂loss/∂z at dz + 8r and the chunk's inputs at `in` (the forward
 * pass's: pair p's a at in + 32p, its b 16 further). Each gradient entry sums over the examples
 * one after another, as dense.ts's addGradient (W_jk + d_0·x_0 + d_1·x_1 + …, b_j + d_0 + d_1 +
 * …), two k of one example a vector; each delta of the layer below is backDelta's Σ_j W_jk·d_j in
 * j's order times the activation's derivative (tanh: 1 − h·h; ReLU: h > 0), two examples a
 * vector. The same operations on each value as the JS loops, so the same bits
 * (tests/unit/network/wasmGradient.test.ts).
 */
export function backwardFunction(
  { sizes, weight, bias }: Layout,
  relu: boolean,
  pool: Pool,
  at: BackwardLayout,
): FunctionSpec {
  const L = sizes.length - 1;
  const row = rowBytes(sizes);
  // Parameters in, dz, m; the chunk's pairs, three pointers and an end; then the v128 locals: a
  // delta in hand and the sums.
  const [IN, DZ, M, PAIRS, P, Q, S, E, D] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const acc = Array.from({ length: Math.max(K_PAIRS + 2, GROUP) }, (_, i) => D + 1 + i);
  const c = new Code(pool, { next: D + 1 + acc.length });
  c.get(M).i32(1).i32Add().i32(1).i32ShrU().set(PAIRS);
  for (let l = L - 1; l >= 0; l--) {
    const nIn = sizes[l]!;
    const nOut = sizes[l + 1]!;
    // The layer's inputs (pairs side by side) and its outputs' deltas.
    const x = () => (l === 0 ? c.get(IN) : c.i32(at.acts[l - 1]!));
    const d = () => (l === L - 1 ? c.get(DZ) : c.i32(at.deltas[l]!));
    toRows(x, nIn);
    for (let j = 0; j < nOut; j++) {
      const w = at.grad + 8 * (weight[l]! + j * nIn);
      const dj = () =>
        d()
          .i32(16 * j)
          .i32Add();
      for (let k0 = 0; k0 < nIn; k0 += 2 * K_PAIRS) {
        const b = k0 === 0 ? at.grad + 8 * (bias[l]! + j) : null;
        gradientSums(w, b, k0, Math.min(nIn, k0 + 2 * K_PAIRS), dj, nOut);
      }
    }
    if (l > 0) deltasBelow(l, d);
  }
  const locals = [
    ...Array<number>(D - 3).fill(I32),
    ...Array<number>(c.locals.next - D).fill(V128),
  ];
  return { name: 'backward', params: [I32, I32, I32], locals, body: c };

  /** The chunk's inputs to a layer as rows: example r's at at.rows + r·row (S counts from 0). */
  function toRows(x: () => Code, nIn: number): void {
    x()
      .tee(P)
      .get(PAIRS)
      .i32(16 * nIn)
      .i32Mul()
      .i32Add()
      .set(E);
    c.i32(0).set(S);
    c.loop();
    for (let k = 0; k + 1 < nIn; k += 2) {
      // Lane e of units k and k + 1: example 2p + e's two inputs.
      for (const [e, lanes] of [LANES_0, LANES_1].entries()) {
        c.get(S)
          .get(P)
          .load(16 * k)
          .get(P)
          .load(16 * k + 16)
          .shuffle(lanes);
        c.store(at.rows + e * row + 8 * k);
      }
    }
    if (nIn % 2 === 1) {
      const k = nIn - 1;
      for (const e of [0, 1] as const) {
        c.get(S)
          .get(P)
          .load(16 * k)
          .store64Lane(at.rows + e * row + 8 * k, e);
      }
    }
    c.get(S)
      .i32(2 * row)
      .i32Add()
      .set(S);
    c.get(P)
      .i32(16 * nIn)
      .i32Add()
      .tee(P)
      .get(E)
      .i32Ne()
      .brIf(0);
    c.end();
  }

  /**
   * Adds Σ_r d_rj·x_rk to the gradient of W_jk for k0 ≤ k < k1 (row j's at `w`), and Σ_r d_rj to
   * b_j's (at `b`, unless null), r over the chunk's examples in order; `d` pushes the address of
   * d_0j, the delta of pair p at `dPair`·16·p further.
   */
  function gradientSums(
    w: number,
    b: number | null,
    k0: number,
    k1: number,
    d: () => Code,
    dPair: number,
  ): void {
    const pairs: number[] = [];
    for (let k = k0; k + 1 < k1; k += 2) pairs.push(k);
    const single = (k1 - k0) % 2 === 1 ? k1 - 1 : null;
    const [T, B] = [acc[pairs.length]!, acc[pairs.length + 1]!];
    pairs.forEach((k, i) =>
      c
        .i32(0)
        .load(w + 8 * k)
        .set(acc[i]!),
    );
    if (single !== null)
      c.i32(0)
        .loadSplat(w + 8 * single)
        .set(T);
    if (b !== null) c.i32(0).loadSplat(b).set(B);
    /** Example 2p + e's terms, S at its pair's rows and Q at its pair's deltas. */
    const example = (e: 0 | 1) => {
      c.get(Q)
        .loadSplat(8 * e)
        .set(D);
      const at0 = at.rows + e * row;
      pairs.forEach((k, i) =>
        c
          .get(acc[i]!)
          .get(D)
          .get(S)
          .load(at0 + 8 * k)
          .mul()
          .add()
          .set(acc[i]!),
      );
      if (single !== null) {
        c.get(T)
          .get(D)
          .get(S)
          .loadSplat(at0 + 8 * single)
          .mul()
          .add()
          .set(T);
      }
      if (b !== null) c.get(B).get(D).add().set(B);
    };
    d().set(Q);
    c.i32(0).set(S);
    c.get(M)
      .i32(1)
      .i32ShrU()
      .i32(2 * row)
      .i32Mul()
      .set(E);
    c.block().loop();
    c.get(S).get(E).i32Eq().brIf(1);
    example(0);
    example(1);
    c.get(S)
      .i32(2 * row)
      .i32Add()
      .set(S);
    c.get(Q)
      .i32(16 * dPair)
      .i32Add()
      .set(Q);
    c.br(0).end().end();
    // An odd m: its last example, lane 0 of the last pair.
    c.block();
    c.get(M).i32(1).i32And().i32Eqz().brIf(0);
    example(0);
    c.end();
    pairs.forEach((k, i) =>
      c
        .i32(0)
        .get(acc[i]!)
        .store(w + 8 * k),
    );
    if (single !== null)
      c.i32(0)
        .get(T)
        .store64Lane(w + 8 * single, 0);
    if (b !== null) c.i32(0).get(B).store64Lane(b, 0);
  }

  /** Layer l's deltas of the layer below (hidden layer l's), a pair at a time. */
  function deltasBelow(l: number, d: () => Code): void {
    const nIn = sizes[l]!;
    const nOut = sizes[l + 1]!;
    d()
      .tee(P)
      .get(PAIRS)
      .i32(16 * nOut)
      .i32Mul()
      .i32Add()
      .set(E);
    // The layer below's activations h, and where its deltas go.
    c.i32(at.acts[l - 1]!).set(Q);
    c.i32(at.deltas[l - 1]!).set(S);
    const body = c.piece();
    body.loop();
    for (let k0 = 0; k0 < nIn; k0 += GROUP) {
      const units = Math.min(GROUP, nIn - k0);
      weightedSums(body, {
        from: P,
        terms: nOut,
        units,
        weight: (u, j) => body.hoist(at.theta + 8 * (weight[l]! + j * nIn + k0 + u)),
        X: D,
        acc,
      });
      for (let u = 0; u < units; u++) {
        const k = k0 + u;
        body.get(S);
        // ReLU: h > 0 ? s : 0, as torch's threshold_backward (NaN > 0 is false); tanh: s·(1 − h·h).
        if (relu)
          body
            .get(acc[u]!)
            .k(0)
            .get(Q)
            .load(16 * k)
            .k(0)
            .gt()
            .bitselect();
        else
          body
            .get(acc[u]!)
            .k(1)
            .get(Q)
            .load(16 * k)
            .get(Q)
            .load(16 * k)
            .mul()
            .sub()
            .mul();
        body.store(16 * k);
      }
    }
    body
      .get(Q)
      .i32(16 * nIn)
      .i32Add()
      .set(Q);
    body
      .get(S)
      .i32(16 * nIn)
      .i32Add()
      .set(S);
    body
      .get(P)
      .i32(16 * nOut)
      .i32Add()
      .tee(P)
      .get(E)
      .i32Ne()
      .brIf(0);
    body.end();
    c.inline(body);
  }
}
