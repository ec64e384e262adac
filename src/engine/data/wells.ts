import { exp } from '../math/index.ts';
import type { Vec2, XY } from '../types.ts';
import type { BatchOrder } from './batches.ts';
import type { DataObjective } from './objective.ts';
import type { Dataset, Draw, Examples } from './examples.ts';

/**
 * Keskar et al.'s picture of sharp and flat minima (2017, Figure 1), made of data: every example's
 * loss is one landscape W with a sharp and a flat well, shifted by that example's offset
 * (aᵢ, bᵢ) ~ N(0, σ²I): ℓᵢ(x, y) = W(x − aᵢ, y − bᵢ). The training loss averages the training
 * examples' copies, the test loss the held-out ones'. A well much narrower than σ is rebuilt by
 * every sample in its own place and depth — the training set's sharp well is deeper than the
 * test set's at the same point — while a wide well barely notices the shifts.
 *
 * W(u, v) = q‖(u, v)‖² − A_s·exp(−‖(u, v) − c_s‖² / 2w_s²) − A_f·exp(−‖(u, v) − c_f‖² / 2w_f²).
 */
export const WELLS = {
  /** The bowl that keeps every path near the wells. */
  q: 0.05,
  sharp: { depth: 4, width: 0.1, at: [-1, 0.3] as Vec2 },
  flat: { depth: 1, width: 1, at: [1.2, -0.2] as Vec2 },
} as const;

const { q, sharp, flat } = WELLS;
const [sx, sy] = sharp.at;
const [fx, fy] = flat.at;
/** 1 / 2w² of each well, and A / w² (the factor of its gradient). */
const sK = 1 / (2 * sharp.width * sharp.width);
const fK = 1 / (2 * flat.width * flat.width);
const sG = sharp.depth / (sharp.width * sharp.width);
const fG = flat.depth / (flat.width * flat.width);

/** A number as the loss's words write it: a true minus sign. */
const text = (v: number): string => String(v).replace('-', '\u2212');

/** The per-example loss in words, as the data view and `descent-lab data` print it. */
export const WELLS_LOSS =
  `ℓᵢ = W(x − aᵢ, y − bᵢ), W(u, v) = ${q}(u² + v²) − ${sharp.depth}·exp(−‖(u, v) − (${text(sx)}, ${text(sy)})‖² / (2·${sharp.width}²)) ` +
  `− ${flat.depth}·exp(−‖(u, v) − (${text(fx)}, ${text(fy)})‖² / (2·${flat.width}²))`;

/** Every example's offset (a, b) ~ N(0, σ²I); no target (t = 0). */
export const wellsDraw: Draw = (source, params) => {
  const sigma = params['noise']!;
  const a = sigma * source.nextNormal();
  return [a, sigma * source.nextNormal(), 0];
};

/** W at (u, v). */
function w(u: number, v: number): number {
  const ds = (u - sx) * (u - sx) + (v - sy) * (v - sy);
  const df = (u - fx) * (u - fx) + (v - fy) * (v - fy);
  return q * (u * u + v * v) - sharp.depth * exp(-ds * sK) - flat.depth * exp(-df * fK);
}

/** The mean of W over the examples' shifts of (x, y). */
function meanW({ a, b, n }: Examples, x: number, y: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += w(x - a[i]!, y - b[i]!);
  return s / n;
}

/**
 * ∇W at (u, v) into out: 2q(u, v) + (A_s/w_s²)·e_s·((u, v) − c_s) + (A_f/w_f²)·e_f·((u, v) − c_f),
 * e the well's exponential.
 */
function slope(u: number, v: number, out: XY): void {
  const us = u - sx;
  const vs = v - sy;
  const uf = u - fx;
  const vf = v - fy;
  const es = sG * exp(-(us * us + vs * vs) * sK);
  const ef = fG * exp(-(uf * uf + vf * vf) * fK);
  out[0] = 2 * q * u + es * us + ef * uf;
  out[1] = 2 * q * v + es * vs + ef * vf;
}

/** The shifted wells as an objective: example i's gradient is ∇W at (x − aᵢ, y − bᵢ). */
export class ShiftedWells implements DataObjective {
  /** One example's gradient, reused: nothing is allocated per step. */
  private readonly one: XY = [0, 0];

  constructor(
    readonly data: Dataset,
    readonly order: BatchOrder,
  ) {}

  f(x: number, y: number): number {
    return meanW(this.data.train, x, y);
  }

  testF(x: number, y: number): number {
    return meanW(this.data.test, x, y);
  }

  grad(x: number, y: number, out: XY, step?: number): void {
    const { a, b } = this.data.train;
    const order = this.order;
    order.select(step);
    const { from, to, perm } = order;
    const one = this.one;
    let gx = 0;
    let gy = 0;
    for (let j = from; j < to; j++) {
      const i = perm[j]!;
      slope(x - a[i]!, y - b[i]!, one);
      gx += one[0]!;
      gy += one[1]!;
    }
    out[0] = gx / (to - from);
    out[1] = gy / (to - from);
  }

  exampleGrads(x: number, y: number, gx: Float64Array, gy: Float64Array): void {
    const { a, b, n } = this.data.train;
    const one = this.one;
    for (let i = 0; i < n; i++) {
      slope(x - a[i]!, y - b[i]!, one);
      gx[i] = one[0]!;
      gy[i] = one[1]!;
    }
  }
}

/** The mean gradient and Hessian of W over the examples' shifts of (x, y): [gx, gy, hxx, hxy, hyy]. */
function meanSlopeAndCurvature({ a, b, n }: Examples, x: number, y: number): number[] {
  const sum = [0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const u = x - a[i]!;
    const v = y - b[i]!;
    sum[0]! += 2 * q * u;
    sum[1]! += 2 * q * v;
    sum[2]! += 2 * q;
    sum[4]! += 2 * q;
    // One well −A·exp(−K‖d‖²): gradient G·e·d, Hessian G·e·(I − 2K·d dᵀ), G = 2KA.
    for (const [cx, cy, k, gain] of [
      [sx, sy, sK, sG],
      [fx, fy, fK, fG],
    ] as const) {
      const du = u - cx;
      const dv = v - cy;
      const e = gain * exp(-(du * du + dv * dv) * k);
      sum[0]! += e * du;
      sum[1]! += e * dv;
      sum[2]! += e * (1 - 2 * k * du * du);
      sum[3]! -= e * 2 * k * du * dv;
      sum[4]! += e * (1 - 2 * k * dv * dv);
    }
  }
  return sum.map((s) => s / n);
}

/**
 * The training loss's sharp and flat minima, each from its well's centre shifted by the mean
 * offset: Newton's method where the curvature is positive and the step stays within the well, a
 * gradient step short enough for the sharpest curvature a well can have elsewhere. A well the
 * shifts have washed away (the search leaves it) has none. About a millisecond for 1,000 examples.
 */
export function wellMinima(train: Examples): Vec2[] {
  const { a, b, n } = train;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  // 1/L for L the largest curvature W can have: descent by it never overshoots.
  const safe = 1 / (sG + fG + 2 * q);
  const found: Vec2[] = [];
  for (const well of [sharp, flat]) {
    const x0 = well.at[0] + ma / n;
    const y0 = well.at[1] + mb / n;
    let [x, y] = [x0, y0];
    // Within three widths of the centre: farther, the search has left the well.
    const reach = 9 * well.width * well.width;
    for (let k = 0; k < 2000 && (x - x0) * (x - x0) + (y - y0) * (y - y0) <= reach; k++) {
      const [gx, gy, hxx, hxy, hyy] = meanSlopeAndCurvature(train, x, y) as [
        number,
        number,
        number,
        number,
        number,
      ];
      const det = hxx * hyy - hxy * hxy;
      const dx = (hyy * gx - hxy * gy) / det;
      const dy = (hxx * gy - hxy * gx) / det;
      if (det > 0 && hxx > 0 && 16 * (dx * dx + dy * dy) < well.width * well.width) {
        x -= dx;
        y -= dy;
        if (Math.abs(dx) + Math.abs(dy) <= 1e-13 * (1 + Math.abs(x) + Math.abs(y))) {
          found.push([x, y]);
          break;
        }
      } else {
        x -= safe * gx;
        y -= safe * gy;
      }
    }
  }
  return found;
}
