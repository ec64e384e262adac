import { cellCount, cellIndices } from './axis.ts';
import type { Axis } from './types.ts';

/** The strides of the progressive levels: a coarse grid first, then finer ones. */
const STRIDES = [8, 4, 2, 1] as const;

/**
 * Every cell of a sweep in progressive order, as four levels: the cells whose indices are all
 * multiples of 8 (with the last value of each axis), then of 4, of 2, and the rest. Each cell is in
 * exactly one level; a level may be empty (a short axis).
 */
export function levelsOf(axes: readonly Axis[]): Int32Array[] {
  const cells = cellCount(axes);
  const level = new Uint8Array(cells);
  const at = new Int32Array(axes.length);
  for (let c = 0; c < cells; c++) {
    cellIndices(axes, c, at);
    let l = STRIDES.length - 1;
    while (l > 0 && onGrid(axes, at, STRIDES[l - 1]!)) l--;
    level[c] = l;
  }
  return STRIDES.map((_, l) => {
    const out = new Int32Array(level.reduce((n, v) => n + (v === l ? 1 : 0), 0));
    let k = 0;
    for (let c = 0; c < cells; c++) if (level[c] === l) out[k++] = c;
    return out;
  });
}

/** True when every index is a multiple of `stride` or the axis's last one. */
const onGrid = (axes: readonly Axis[], at: Int32Array, stride: number): boolean =>
  axes.every((a, k) => at[k]! % stride === 0 || at[k] === a.count - 1);
