import { tanhParts } from '../../math/tableTanh.ts';
import { Code, I32, V128 } from '../../wasm/code.ts';
import { moduleBytes } from '../../wasm/module.ts';
import { layoutOf, type Architecture } from '../architecture.ts';
import { backwardFunction, rowBytes } from './backwardKernel.ts';
import { headFunctions } from './headKernel.ts';
import { weightedSums } from './weightedSums.ts';
import { emitTanh, TANH_TEMPS, type TanhLocals } from './tanhPair.ts';

/**
 * Where the forward kernel keeps things in its memory (byte addresses): the tanh table (HI, LO
 * interleaved), the code's constants, θ as the network's flat vector, the backward pass's
 * gradient (θ's layout) and its chunk's output deltas (dz, one f64 an example), and from `io` on
 * the examples' inputs (a pair's two values side by side) and outputs, whose place the caller
 * passes on each call.
 */
export interface KernelLayout {
  readonly table: number;
  /** The constant pool's address and values (f64 each). */
  readonly pool: number;
  readonly constants: readonly number[];
  readonly theta: number;
  readonly grad: number;
  readonly dz: number;
  readonly io: number;
}

/** Units of a layer summed side by side: independent chains of additions hide their latency. */
const GROUP = 4;
/** Room for the code's constants (tanh's and the loss heads' use 50). */
const POOL = 64;
/**
 * Pairs of examples a layer runs through before the next layer starts: each layer's activations
 * for them (≤ 32 units × 16 bytes a pair) stay in the first-level cache. A forward pass of at most
 * this many leaves every hidden layer's activations for the backward pass.
 */
export const CHUNK_PAIRS = 32;

/**
 * A WebAssembly module for `arch`'s forward pass, two examples per f64x2 vector, each lane in
 * exactly the plain loop's operations: Σ_k W_jk·x_k in k's order then + b_j, then the activation
 * (ReLU: x < 0 ? 0 : x, so NaN and −0 pass as in model.ts; tanh: tableTanh, tanhPair.ts).
 * Exported `forward(in, out, pairs)`: the inputs of pair p at in + 32p (a of both examples, then
 * b), the output written at out + 16p. As model.ts, by chunks of pairs, a layer at a time over the
 * chunk, each layer's affine map a loop over the pairs and its activation a loop of its own: V8
 * compiles such small loops well, where one loop over the whole network per pair had its scheduler
 * interleave the units' tanh and spill nearly every value. Also exported: the loss heads
 * `logLoss` and `squaredError` over the outputs (headKernel.ts), and the backward pass of a chunk
 * the forward pass just ran (backwardKernel.ts). The memory has `ioBytes` from io on, for the
 * caller's inputs and outputs.
 */
export function forwardKernel(
  arch: Architecture,
  ioBytes: number,
): { bytes: Uint8Array; layout: KernelLayout } {
  const shape = layoutOf(arch);
  const { sizes, weight, bias, count } = shape;
  const L = sizes.length - 1;
  const table = 0;
  const pool = { base: table + 16 * tanhParts().HI.length, values: [] };
  const theta = pool.base + 8 * POOL;
  // Each hidden layer's activations for a chunk, then its deltas; the backward pass's rows, the
  // gradient and the output deltas.
  let at = theta + 16 * Math.ceil(count / 2);
  const hidden = () =>
    sizes.slice(1, L).map((units) => {
      at += 16 * CHUNK_PAIRS * units;
      return at - 16 * CHUNK_PAIRS * units;
    });
  const buffer = hidden();
  const deltas = hidden();
  const rows = at;
  const grad = rows + 2 * CHUNK_PAIRS * rowBytes(sizes);
  const dz = grad + 16 * Math.ceil(count / 2);
  const io = dz + 16 * CHUNK_PAIRS;
  // Locals: parameters in, out, pairs; the chunk's pairs, a source, a destination and an end; the
  // sums, the input in hand, tanh's input and temps; then the hoisted values.
  const [IN, OUT, PAIRS, M, P, Q, E] = [0, 1, 2, 3, 4, 5, 6];
  const acc = Array.from({ length: GROUP }, (_, g) => 7 + g);
  const X = 7 + GROUP;
  const temps = Object.fromEntries(TANH_TEMPS.map((name, i) => [name, X + 2 + i]));
  const tanh = { x: X + 1, temps: temps as TanhLocals['temps'] };
  const c = new Code(pool, { next: X + 2 + TANH_TEMPS.length });
  c.block().loop();
  c.get(PAIRS).i32Eqz().brIf(1);
  c.get(PAIRS).i32(CHUNK_PAIRS).get(PAIRS).i32(CHUNK_PAIRS).i32LtU().select().set(M);
  for (let l = 0; l < L; l++) {
    const nIn = sizes[l]!;
    const nOut = sizes[l + 1]!;
    // The affine map: from P (the chunk's inputs or the layer below's) to Q, a pair at a time.
    if (l === 0) c.get(IN);
    else c.i32(buffer[l - 1]!);
    c.tee(P)
      .get(M)
      .i32(16 * nIn)
      .i32Mul()
      .i32Add()
      .set(E);
    if (l + 1 === L) c.get(OUT).set(Q);
    else c.i32(buffer[l]!).set(Q);
    const body = c.piece();
    body.loop();
    const w = (j: number, k: number) => body.hoist(theta + 8 * (weight[l]! + j * nIn + k));
    for (let j0 = 0; j0 < nOut; j0 += GROUP) {
      const units = Math.min(GROUP, nOut - j0);
      weightedSums(body, { from: P, terms: nIn, units, weight: (u, k) => w(j0 + u, k), X, acc });
      for (let u = 0; u < units; u++) {
        const b = body.hoist(theta + 8 * (bias[l]! + j0 + u));
        body.get(acc[u]!).get(b).add().set(X);
        body
          .get(Q)
          .get(X)
          .store(16 * (j0 + u));
      }
    }
    body
      .get(Q)
      .i32(16 * nOut)
      .i32Add()
      .set(Q);
    body
      .get(P)
      .i32(16 * nIn)
      .i32Add()
      .tee(P)
      .get(E)
      .i32Ne()
      .brIf(0);
    body.end();
    c.inline(body);
    if (l + 1 === L) continue;
    // The activation, in place over the chunk's outputs of this layer.
    c.i32(buffer[l]!)
      .tee(Q)
      .get(M)
      .i32(16 * nOut)
      .i32Mul()
      .i32Add()
      .set(E);
    const act = c.piece();
    act.loop().get(Q).get(Q).load(0).set(tanh.x);
    if (arch.activation === 'relu') {
      // x < 0 ? 0 : x: NaN < 0 is false, so a NaN passes as torch.relu(nan) is nan.
      act.k(0).get(tanh.x).get(tanh.x).k(0).lt().bitselect();
    } else emitTanh(act, tanh, table);
    act.store(0);
    act.get(Q).i32(16).i32Add().tee(Q).get(E).i32Ne().brIf(0);
    act.end();
    c.inline(act);
  }
  c.get(IN).get(M).i32(32).i32Mul().i32Add().set(IN);
  c.get(OUT).get(M).i32(16).i32Mul().i32Add().set(OUT);
  c.get(PAIRS).get(M).i32Sub().set(PAIRS);
  c.br(0).end().end();
  const heads = headFunctions(pool);
  const backward = backwardFunction(shape, arch.activation === 'relu', pool, {
    theta,
    acts: buffer,
    deltas,
    rows,
    grad,
  });
  if (pool.values.length > POOL) throw new Error('forwardKernel: the constant pool overflowed');
  const locals = [I32, I32, I32, I32, ...Array.from({ length: c.locals.next - 7 }, () => V128)];
  const bytes = moduleBytes(Math.ceil((io + ioBytes) / 65536), [
    { name: 'forward', params: [I32, I32, I32], locals, body: c },
    ...heads,
    backward,
  ]);
  const layout = { table, pool: pool.base, constants: pool.values, theta, grad, dz, io };
  return { bytes, layout };
}
