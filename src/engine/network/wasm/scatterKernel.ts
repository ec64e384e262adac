import { Code, I32, V128 } from '../../wasm/code.ts';
import { instantiate } from '../../wasm/instantiate.ts';
import { moduleBytes } from '../../wasm/module.ts';

/** XᵀX's sums in WebAssembly: its matrix and a chunk of centred points in the kernel's memory. */
export interface ScatterKernel {
  /** dim × dim (and two doubles of padding): the sums, upper triangle and diagonal. */
  readonly cov: Float64Array;
  /** `chunk` rows of dim: the chunk's centred points (and two doubles of padding). */
  readonly points: Float64Array;
  /** Adds groups 0…groups of four points to rows i0…i1 of `cov`. */
  addRows(i0: number, i1: number, groups: number): void;
}

/**
 * A WebAssembly kernel for pca.ts's XᵀX at `dim`, `chunk` points at a time (a multiple of 4), or
 * null where WebAssembly cannot compile. Each row i, each group g of the chunk in turn:
 * cov[i][j] += a0·x0[j] + a1·x1[j] + a2·x2[j] + a3·x3[j] for j ≥ i, a_k = x_k[i], two j to a
 * vector, in each lane by the same operations in the same order as the JS loop (so its bits). A
 * row starts at the even j at or below i and runs in pairs to dim or dim + 1: the values it adds
 * below the diagonal and one past a row's end (the next row's first, or the padding) lie in the
 * lower triangle, which pca.ts overwrites with the upper one after the sums.
 */
export function scatterKernel(dim: number, chunk: number): ScatterKernel | null {
  const rowBytes = 8 * dim;
  const pointsBytes = chunk * rowBytes + 16;
  const covAt = Math.ceil(pointsBytes / 16) * 16;
  const bytes = covAt + dim * rowBytes + 16;
  // Parameters i0, i1, groups; locals i, g, row, end, p, q (i32), then a0…a3 (v128).
  const [I0, I1, GROUPS, I, G, ROW, END, P, Q] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const A = [9, 10, 11, 12];
  const c = new Code({ base: 0, values: [] }, { next: 13 });
  c.get(I0).set(I);
  c.block().loop();
  c.get(I).get(I1).i32LtS().i32Eqz().brIf(1);
  // row: the address of cov[i][0]; end: of cov[i][dim].
  c.get(I).i32(rowBytes).i32Mul().i32(covAt).i32Add().tee(ROW).i32(rowBytes).i32Add().set(END);
  c.i32(0).set(G);
  c.block().loop();
  c.get(G).get(GROUPS).i32LtS().i32Eqz().brIf(1);
  // q: the group's first point at the even j at or below i; p: cov[i][that j].
  c.get(G)
    .i32(4 * rowBytes)
    .i32Mul()
    .set(Q);
  for (let k = 0; k < 4; k++)
    c.get(Q)
      .get(I)
      .i32(8)
      .i32Mul()
      .i32Add()
      .loadSplat(k * rowBytes)
      .set(A[k]!);
  c.get(I).i32(-2).i32And().i32(8).i32Mul().tee(P).get(Q).i32Add().set(Q);
  c.get(P).get(ROW).i32Add().set(P);
  c.block().loop();
  c.get(P);
  c.get(P).load(0);
  c.get(A[0]!).get(Q).load(0).mul();
  for (let k = 1; k < 4; k++)
    c.get(A[k]!)
      .get(Q)
      .load(k * rowBytes)
      .mul()
      .add();
  c.add().store(0);
  c.get(Q).i32(16).i32Add().set(Q);
  c.get(P).i32(16).i32Add().tee(P).get(END).i32LtS().brIf(0);
  c.end().end();
  c.get(G).i32(1).i32Add().set(G);
  c.br(0).end().end();
  c.get(I).i32(1).i32Add().set(I);
  c.br(0).end().end();
  const locals = [I32, I32, I32, I32, I32, I32, V128, V128, V128, V128];
  try {
    const exports = instantiate<Pick<ScatterKernel, 'addRows'>>(
      moduleBytes(Math.ceil(bytes / 65536), [
        { name: 'addRows', params: [I32, I32, I32], locals, body: c },
      ]),
    );
    const buffer = exports.memory.buffer;
    return {
      cov: new Float64Array(buffer, covAt, dim * dim + 2),
      points: new Float64Array(buffer, 0, chunk * dim + 2),
      addRows: exports.addRows,
    };
  } catch {
    return null;
  }
}
