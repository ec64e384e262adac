import type { Vec2 } from '../types.ts';
import type { DataObjective } from './objective.ts';

/** A symmetric 2×2 covariance matrix [[xx, xy], [xy, yy]]. */
export interface Cov2 {
  readonly xx: number;
  readonly xy: number;
  readonly yy: number;
}

/** Columns for the per-example gradients, reused from one cloud to the next while N stays put. */
export interface CloudBuffers {
  readonly gx: Float64Array;
  readonly gy: Float64Array;
}

/** Buffers for a training set of `n` examples: `previous` when it fits, else new ones. */
export const cloudBuffers = (n: number, previous?: CloudBuffers | null): CloudBuffers =>
  previous && previous.gx.length === n
    ? previous
    : { gx: new Float64Array(n), gy: new Float64Array(n) };

/**
 * Every training example's gradient at one point, and what the mini-batches make of them.
 *
 * Σ is the population covariance of the N per-example gradients (divided by N): the training set
 * is the whole population a batch is drawn from, not a sample of a larger one. A batch is a slice
 * of a random permutation, so a simple random sample of B examples without replacement, and the
 * covariance of its mean gradient is exactly (N − B)/(N − 1) · Σ/B (the finite-population factor):
 * it shrinks as 1/B for B ≪ N and vanishes at B = N, where every batch is the full gradient.
 * B_noise = tr Σ / ‖G‖² is McCandlish et al.'s simple noise scale (2018), with their Σ, the
 * per-example covariance; it does not depend on B.
 */
export interface GradientCloud {
  /** The point the gradients are taken at. */
  readonly at: Vec2;
  /** Training examples. */
  readonly n: number;
  /** ∇ℓᵢ: the buffers the cloud was computed into, valid below n. */
  readonly gx: Float64Array;
  readonly gy: Float64Array;
  /** G, the full gradient: the mean of the per-example gradients (the landscape's gradient). */
  readonly mean: Vec2;
  /** Σ, the per-example gradients' population covariance. */
  readonly cov: Cov2;
  /** tr Σ. */
  readonly trace: number;
  /** ‖G‖. */
  readonly norm: number;
  /** tr Σ / ‖G‖²: Infinity where G = 0 and Σ is not, NaN where both vanish. */
  readonly noiseScale: number;
  /** The scene's batch size B. */
  readonly batch: number;
  /** The covariance of a size-B batch's mean gradient: (N − B)/(N − 1) · Σ/B. */
  readonly batchCov: Cov2;
  /** The engine step (0-based) whose batch is shown. */
  readonly step: number;
  /** That step's batch: training-set indices. */
  readonly indices: Int32Array;
  /** The mean gradient over that batch: what the step used, before any Gaussian noise. */
  readonly batchGrad: Vec2;
}

/**
 * The gradient cloud of `objective` at (x, y) with the batch of engine step `step` (0-based:
 * step k takes batch k at point k and produces point k + 1). O(N), two passes over the
 * per-example gradients (mean, then centred sums: no cancellation when G is large against the
 * spread). Allocates only the batch's index list and the result.
 */
export function gradientCloud(
  objective: DataObjective,
  x: number,
  y: number,
  step: number,
  buffers: CloudBuffers = cloudBuffers(objective.data.train.n),
): GradientCloud {
  const n = objective.data.train.n;
  const { gx, gy } = buffers;
  objective.exampleGrads(x, y, gx, gy);
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += gx[i]!;
    sy += gy[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let xx = 0;
  let xy = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    const dx = gx[i]! - mx;
    const dy = gy[i]! - my;
    xx += dx * dx;
    xy += dx * dy;
    yy += dy * dy;
  }
  const cov = { xx: xx / n, xy: xy / n, yy: yy / n };
  const trace = cov.xx + cov.yy;
  const norm2 = mx * mx + my * my;
  const batch = objective.order.batch;
  // One example drawn from one: the factor is 0/0, and the mean has no spread.
  const factor = n > 1 ? (n - batch) / ((n - 1) * batch) : 0;
  const out: [number, number] = [0, 0];
  objective.grad(x, y, out, step);
  const { perm, from, to } = objective.order;
  return {
    at: [x, y],
    n,
    gx,
    gy,
    mean: [mx, my],
    cov,
    trace,
    norm: Math.sqrt(norm2),
    noiseScale: trace / norm2,
    batch,
    batchCov: { xx: cov.xx * factor, xy: cov.xy * factor, yy: cov.yy * factor },
    step,
    indices: perm.slice(from, to),
    batchGrad: out,
  };
}
