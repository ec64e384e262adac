/**
 * What a line between two runs' ends says (Goodfellow et al. 2015; Draxler et al. 2018): the
 * highest loss between them against the higher of its two ends. A positive height is a barrier
 * the straight path must climb; none means the two minima are linearly connected at this loss.
 */
export interface Barrier {
  /** The loss at t = 0 (the first run's end) and at t = 1 (the second's). */
  readonly start: number;
  readonly end: number;
  /** The highest loss sampled on [0, 1], ends included, and the t where it is (the first such). */
  readonly peak: number;
  readonly peakT: number;
  /** peak − max(start, end): 0 when the loss never rises above the higher end between them. */
  readonly height: number;
}

/**
 * The barrier of a line sampled at `ts` (ascending, with 0 and 1 among them exactly) with losses
 * `losses`; null when a loss on [0, 1] is not finite (a barrier of ∞ or NaN says nothing).
 */
export function lineBarrier(ts: ArrayLike<number>, losses: ArrayLike<number>): Barrier | null {
  let start = NaN;
  let end = NaN;
  let peak = -Infinity;
  let peakT = NaN;
  for (let k = 0; k < ts.length; k++) {
    const t = ts[k]!;
    if (t < 0 || t > 1) continue;
    const v = losses[k]!;
    if (!Number.isFinite(v)) return null;
    if (t === 0) start = v;
    if (t === 1) end = v;
    if (v > peak) {
      peak = v;
      peakT = t;
    }
  }
  if (Number.isNaN(start) || Number.isNaN(end)) {
    throw new Error('the line’s samples must include t = 0 and t = 1 exactly');
  }
  return { start, end, peak, peakT, height: peak - Math.max(start, end) };
}
