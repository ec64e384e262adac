import { exp, ln } from '../math/index.ts';
import type { Axis } from './types.ts';

/**
 * Value i of an axis: linear from + (to − from)·i/(count − 1), or log exp(ln from + (ln to −
 * ln from)·i/(count − 1)) with the engine's portable exp and ln, so every browser and Node give the
 * same bits. The ends are `from` and `to` exactly; −0 becomes 0, as a preset reads it.
 */
export function axisValue(axis: Axis, i: number): number {
  const { from, to, count, scale } = axis;
  let v: number;
  if (i === 0 || count === 1) v = from;
  else if (i === count - 1) v = to;
  else if (scale === 'log') {
    const a = ln(from);
    v = exp(a + ((ln(to) - a) * i) / (count - 1));
  } else v = from + ((to - from) * i) / (count - 1);
  return v === 0 ? 0 : v;
}

/** Every value of an axis, in order. */
export function axisValues(axis: Axis): Float64Array {
  const out = new Float64Array(axis.count);
  for (let i = 0; i < out.length; i++) out[i] = axisValue(axis, i);
  return out;
}

/** Cells of a sweep over these axes: the product of their counts. */
export const cellCount = (axes: readonly Axis[]): number => axes.reduce((n, a) => n * a.count, 1);

/**
 * Writes the axis indices of `cell` into `out` (axis 0 major: with two axes,
 * cell = i · axes[1].count + j).
 */
export function cellIndices(axes: readonly Axis[], cell: number, out: Int32Array): void {
  let rest = cell;
  for (let a = axes.length - 1; a >= 0; a--) {
    const n = axes[a]!.count;
    out[a] = rest % n;
    rest = (rest - (rest % n)) / n;
  }
}
