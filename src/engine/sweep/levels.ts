import { cellCount } from './axis.ts';
import type { Axis } from './types.ts';

/** The strides of the progressive levels: a coarse grid first, then finer ones. */
const STRIDES = [8, 4, 2, 1] as const;

/**
 * Every cell of a sweep in progressive order, as four levels: the cells whose indices are all
 * multiples of 8 (with the last value of each axis), then of 4, of 2, and the rest. Each cell is in
 * exactly one level; a level may be empty (a short axis). The strides nest, so a cell's level is
 * the coarsest its every index is on: the largest of its indices' own levels. Runs on the page for
 * every new sweep (a slider drag), so it walks the cells with a counter, allocating per level only.
 */
export function levelsOf(axes: readonly Axis[]): Int32Array[] {
  const cells = cellCount(axes);
  const own = axes.map((a) => indexLevels(a.count));
  const level = new Uint8Array(cells);
  const sizes = new Int32Array(STRIDES.length);
  const at = new Int32Array(axes.length);
  for (let c = 0; c < cells; c++) {
    let l = 0;
    for (let k = 0; k < axes.length; k++) l = Math.max(l, own[k]![at[k]!]!);
    level[c] = l;
    sizes[l]!++;
    // The next cell: the last axis varies fastest (as cellIndices reads a cell).
    for (let k = axes.length - 1; k >= 0 && ++at[k]! === axes[k]!.count; k--) at[k] = 0;
  }
  const out = STRIDES.map((_, l) => new Int32Array(sizes[l]!));
  const filled = new Int32Array(STRIDES.length);
  for (let c = 0; c < cells; c++) out[level[c]!]![filled[level[c]!]!++] = c;
  return out;
}

/** Per index of an axis of `count` values, the first level whose stride it is on. */
function indexLevels(count: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let l = STRIDES.length - 1;
    while (l > 0 && (i % STRIDES[l - 1]! === 0 || i === count - 1)) l--;
    out[i] = l;
  }
  return out;
}
