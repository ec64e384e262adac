import { NormalSource } from '../noise.ts';
import { scatterKernel, type ScatterKernel } from './wasm/scatterKernel.ts';
import type { Plane } from './plane.ts';
import { toEnd } from '../steps.ts';

/** A plane of principal components and the share of the points' variance along each axis. */
export interface PrincipalPlane extends Plane {
  /** Variance along d1 and d2 over the total: [0.8, 0.15] means 80% and 15%. */
  readonly explained: readonly [number, number];
}

/** Vectors iterated together: the top two settle at the rate of the ninth eigenvalue to the second's. */
const BLOCK = 8;
/** A bound for a spectrum whose top two barely separate; each iteration costs BLOCK · dim². */
const ITERATIONS = 2000;
/** The top two directions have settled when they move less than this in an iteration. */
const SETTLED = 1e-13;
/** Points the WebAssembly XᵀX takes in at a time: a multiple of 4, the groups of the JS loop. */
const CHUNK = 64;
/** Products of XᵀX between two yields of the WebAssembly sums, at most: 2^21. */
const PIECE = 2097152;

/**
 * The first two principal components of every point of `paths` together (each a run's parameter
 * vectors, `dim` doubles per point, one after another): the plane through the points' mean along
 * the two orthonormal directions of greatest variance. One plane for all runs, so their paths can
 * be compared (a per-run PCA makes them incomparable).
 *
 * XᵀX (X the centred points) is formed once — a pass over the points, dim²/2 products each — and
 * a block of BLOCK vectors is iterated on it, each iteration ending in a Rayleigh–Ritz rotation
 * that orders the block by eigenvalue. Iterating two vectors over the points themselves cost two
 * passes an iteration and, where the second and third eigenvalues lie close (a ReLU net's paths on
 * the spiral), ran out of its 300 iterations unsettled, after 2.3 s; the block settles in tens of
 * iterations of a few hundred microseconds.
 * Deterministic: the start vectors come from a fixed seed, and each direction's largest component
 * is made positive.
 */
export function principalPlane(
  paths: readonly Float64Array[],
  dim: number,
  wasm = true,
): PrincipalPlane {
  return toEnd(principalPlaneSteps(paths, dim, wasm));
}

/**
 * principalPlane a piece at a time, the same numbers: it yields within XᵀX's sums (every PIECE
 * products in WebAssembly, every four points in JS) and after every product with XᵀX (dim²
 * multiply-adds), a few ms each at dim 2,000, where the whole plane of 6 × 500 points takes
 * seconds, so a worker's job stays interruptible (TaskedJob). `wasm` false sums XᵀX in JS even
 * where WebAssembly compiles (the tests compare the two).
 */
export function* principalPlaneSteps(
  paths: readonly Float64Array[],
  dim: number,
  wasm = true,
): Generator<void, PrincipalPlane, void> {
  let m = 0;
  const center = new Float64Array(dim);
  for (const path of paths) {
    for (let p = 0; p + dim <= path.length; p += dim, m++)
      for (let i = 0; i < dim; i++) center[i]! += path[p + i]!;
  }
  if (m < 3) throw new RangeError('a principal plane needs at least three points');
  for (let i = 0; i < dim; i++) center[i] = center[i]! / m;
  const cov = yield* scatter(paths, dim, center, wasm);
  let total = 0;
  for (let i = 0; i < dim; i++) total += cov[i * dim + i]!;
  const b = Math.min(BLOCK, dim);
  const source = new NormalSource(1);
  const start = Array.from({ length: b }, () =>
    Float64Array.from({ length: dim }, () => source.nextNormal()),
  );
  orthonormalize(start, source);
  let ritz = yield* rayleighRitz(cov, start);
  for (let k = 0; k < ITERATIONS; k++) {
    const w: Float64Array[] = [];
    for (const x of ritz.vectors) {
      w.push(times(cov, x));
      yield;
    }
    orthonormalize(w, source);
    const next = yield* rayleighRitz(cov, w);
    const moved = Math.max(
      movement(ritz.vectors[0]!, next.vectors[0]!),
      dim > 1 ? movement(ritz.vectors[1]!, next.vectors[1]!) : 0,
    );
    ritz = next;
    if (moved < SETTLED) break;
  }
  const [l1, l2 = 0] = ritz.values;
  return {
    center,
    d1: positive(ritz.vectors[0]!),
    d2: positive(ritz.vectors[1] ?? new Float64Array(dim)),
    explained: total > 0 ? [l1! / total, l2 / total] : [0, 0],
  };
}

/**
 * XᵀX of the centred points, dim × dim, both triangles filled. Four points at a time: each entry
 * gains a0·x0 + a1·x1 + a2·x2 + a3·x3, one group of four points after another (a last group short
 * of four padded with zero points). In WebAssembly where it compiles (scatterKernel: two entries a
 * vector, the points taken CHUNK at a time so that a row takes all of a chunk's groups while it is
 * in the cache), else (or with `wasm` false) in JS a group at a time; the same sums in the same
 * order either way (tests/unit/network/slices.test.ts). The whole plane, 6 runs × 501 points,
 * side by side in Node (bench/pca.bench.ts, three processes): 91–98 ms against 261–278 ms at dim
 * 337, 0.63–0.64 s against 2.2 s at 1,000, 2.5–2.7 s against 8.7–8.8 s at 2,000.
 */
function* scatter(
  paths: readonly Float64Array[],
  dim: number,
  center: Float64Array,
  wasm: boolean,
): Generator<void, Float64Array, void> {
  const kernel = wasm ? scatterKernel(dim, CHUNK) : null;
  const cov = kernel
    ? yield* kernelSums(kernel, paths, dim, center)
    : yield* jsSums(paths, dim, center);
  for (let i = 0; i < dim; i++) for (let j = 0; j < i; j++) cov[i * dim + j] = cov[j * dim + i]!;
  return cov;
}

/** XᵀX's upper triangle by the kernel, yielding every ≈ PIECE products. */
function* kernelSums(
  kernel: ScatterKernel,
  paths: readonly Float64Array[],
  dim: number,
  center: Float64Array,
): Generator<void, Float64Array, void> {
  const { points } = kernel;
  const rows = Math.max(1, Math.floor(PIECE / (CHUNK * dim)));
  let filled = 0;
  function* add(): Generator<void, void, void> {
    const groups = Math.ceil(filled / 4);
    points.fill(0, filled * dim, 4 * groups * dim);
    for (let i = 0; i < dim; i += rows) {
      kernel.addRows(i, Math.min(dim, i + rows), groups);
      yield;
    }
    filled = 0;
  }
  for (const path of paths) {
    for (let p = 0; p + dim <= path.length; p += dim) {
      const at = filled++ * dim;
      for (let i = 0; i < dim; i++) points[at + i] = path[p + i]! - center[i]!;
      if (filled === CHUNK) yield* add();
    }
  }
  if (filled > 0) yield* add();
  return kernel.cov.subarray(0, dim * dim);
}

/**
 * XᵀX's upper triangle in JS, four points at a time: each entry is loaded and stored once for four
 * products, the store being what bounds this loop. Yields after each group.
 */
function* jsSums(
  paths: readonly Float64Array[],
  dim: number,
  center: Float64Array,
): Generator<void, Float64Array, void> {
  const cov = new Float64Array(dim * dim);
  const x = [0, 1, 2, 3].map(() => new Float64Array(dim));
  const [x0, x1, x2, x3] = x as [Float64Array, Float64Array, Float64Array, Float64Array];
  let filled = 0;
  const flush = () => {
    // A partial block: the missing points count as zeros.
    for (let r = filled; r < 4; r++) x[r]!.fill(0);
    for (let i = 0; i < dim; i++) {
      const a0 = x0[i]!;
      const a1 = x1[i]!;
      const a2 = x2[i]!;
      const a3 = x3[i]!;
      const row = i * dim;
      for (let j = i; j < dim; j++)
        cov[row + j]! += a0 * x0[j]! + a1 * x1[j]! + a2 * x2[j]! + a3 * x3[j]!;
    }
    filled = 0;
  };
  for (const path of paths) {
    for (let p = 0; p + dim <= path.length; p += dim) {
      const into = x[filled++]!;
      for (let i = 0; i < dim; i++) into[i] = path[p + i]! - center[i]!;
      if (filled === 4) {
        flush();
        yield;
      }
    }
  }
  if (filled > 0) flush();
  return cov;
}

/** C·x for the symmetric dim × dim matrix C. */
function times(c: Float64Array, x: Float64Array): Float64Array {
  const dim = x.length;
  const out = new Float64Array(dim);
  for (let i = 0; i < dim; i++) {
    const row = i * dim;
    let s = 0;
    for (let j = 0; j < dim; j++) s += c[row + j]! * x[j]!;
    out[i] = s;
  }
  return out;
}

/** How far a unit vector moved, up to its sign (an eigenvector's sign is arbitrary). */
function movement(a: Float64Array, b: Float64Array): number {
  const flip = dot(a, b) < 0 ? -1 : 1;
  let moved = 0;
  for (let i = 0; i < a.length; i++) moved = Math.max(moved, Math.abs(a[i]! - flip * b[i]!));
  return moved;
}

/**
 * The orthonormal block V rotated to the eigenvectors of VᵀCV, largest eigenvalue first, with
 * those eigenvalues (the Rayleigh quotients of the rotated vectors).
 */
function* rayleighRitz(
  c: Float64Array,
  v: readonly Float64Array[],
): Generator<void, { vectors: Float64Array[]; values: number[] }, void> {
  const b = v.length;
  const cv: Float64Array[] = [];
  for (const x of v) {
    cv.push(times(c, x));
    yield;
  }
  const h = new Float64Array(b * b);
  for (let i = 0; i < b; i++) for (let j = 0; j < b; j++) h[i * b + j] = dot(v[i]!, cv[j]!);
  const { values, vectors } = jacobi(h, b);
  const order = values.map((_, i) => i).sort((i, j) => values[j]! - values[i]! || i - j);
  return {
    values: order.map((i) => values[i]!),
    vectors: order.map((k) => {
      const out = new Float64Array(v[0]!.length);
      for (let i = 0; i < b; i++) {
        const q = vectors[i * b + k]!;
        const x = v[i]!;
        for (let d = 0; d < out.length; d++) out[d]! += q * x[d]!;
      }
      return out;
    }),
  };
}

/**
 * Eigenvalues and eigenvectors (the columns of `vectors`, n × n row-major) of the symmetric n × n
 * matrix `a`, by cyclic Jacobi rotations (Golub & Van Loan 8.5), from + − × ÷ and √ only.
 */
function jacobi(a: Float64Array, n: number): { values: number[]; vectors: Float64Array } {
  const m = a.slice();
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += m[i * n + i]! * m[i * n + i]!;
      for (let j = i + 1; j < n; j++) off += m[i * n + j]! * m[i * n + j]!;
    }
    if (off <= 1e-32 * diag || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let r = p + 1; r < n; r++) {
        const apr = m[p * n + r]!;
        if (apr === 0) continue;
        const theta = (m[r * n + r]! - m[p * n + p]!) / (2 * apr);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cs = 1 / Math.sqrt(t * t + 1);
        const sn = t * cs;
        // m ← Jᵀ m J, q ← q J, with J the rotation in the (p, r) plane.
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p]!;
          const mkr = m[k * n + r]!;
          m[k * n + p] = cs * mkp - sn * mkr;
          m[k * n + r] = sn * mkp + cs * mkr;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k]!;
          const mrk = m[r * n + k]!;
          m[p * n + k] = cs * mpk - sn * mrk;
          m[r * n + k] = sn * mpk + cs * mrk;
        }
        for (let k = 0; k < n; k++) {
          const qkp = q[k * n + p]!;
          const qkr = q[k * n + r]!;
          q[k * n + p] = cs * qkp - sn * qkr;
          q[k * n + r] = sn * qkp + cs * qkr;
        }
      }
    }
  }
  return { values: Array.from({ length: n }, (_, i) => m[i * n + i]!), vectors: q };
}

/**
 * Modified Gram–Schmidt on a block in place: unit vectors, each orthogonal to those before it. A
 * vector left with (almost) nothing of its own (the points span fewer directions than the block)
 * is replaced by a fresh one from `source`, so the block stays a basis.
 */
function orthonormalize(block: Float64Array[], source: NormalSource): void {
  for (let k = 0; k < block.length; k++) {
    for (let tries = 0; ; tries++) {
      const x = block[k]!;
      const before = Math.sqrt(dot(x, x));
      for (let j = 0; j < k; j++) {
        const u = block[j]!;
        const c = dot(u, x);
        for (let i = 0; i < x.length; i++) x[i] = x[i]! - c * u[i]!;
      }
      const norm = Math.sqrt(dot(x, x));
      if (norm > 1e-10 * before && norm > 0) {
        for (let i = 0; i < x.length; i++) x[i] = x[i]! / norm;
        break;
      }
      if (tries > 8) throw new RangeError('no direction left to fill the block');
      for (let i = 0; i < x.length; i++) x[i] = source.nextNormal();
    }
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** The direction with its largest-magnitude component made positive (a sign fixed by the data). */
function positive(d: Float64Array): Float64Array {
  let at = 0;
  for (let i = 1; i < d.length; i++) if (Math.abs(d[i]!) > Math.abs(d[at]!)) at = i;
  return d[at]! < 0 ? d.map((x) => -x) : d;
}
