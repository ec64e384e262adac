/** What the y scale needs to know about a set of values: finite ones only. */
export interface Extent {
  /** Smallest and largest finite value; +∞ / −∞ while none has been seen. */
  min: number;
  max: number;
  /** Smallest finite value > 0, or +∞. */
  minPositive: number;
  /** Finite values seen. */
  count: number;
}

/** An extent of no values. */
export const emptyExtent = (): Extent => ({
  min: Infinity,
  max: -Infinity,
  minPositive: Infinity,
  count: 0,
});

/**
 * Widens `into` by the finite values of `values[from…to)`, each clamped to [−limit, limit] so a
 * value past the limit still counts with its sign; non-finite values are skipped.
 */
export function extendExtent(
  into: Extent,
  values: ArrayLike<number>,
  from: number,
  to: number,
  limit = Infinity,
) {
  let { min, max, minPositive, count } = into;
  for (let k = from; k < to; k++) {
    const raw = values[k]!;
    if (!Number.isFinite(raw)) continue;
    const v = raw > limit ? limit : raw < -limit ? -limit : raw;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v > 0 && v < minPositive) minPositive = v;
    count++;
  }
  into.min = min;
  into.max = max;
  into.minPositive = minPositive;
  into.count = count;
}

/** Widens `into` by another extent. */
export function mergeExtent(into: Extent, other: Extent): void {
  into.min = Math.min(into.min, other.min);
  into.max = Math.max(into.max, other.max);
  into.minPositive = Math.min(into.minPositive, other.minPositive);
  into.count += other.count;
}
