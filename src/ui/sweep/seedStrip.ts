import { axisValue } from '../../engine/sweep/index.ts';
import type { SweepPicture } from '../../render/frame.ts';

/** One seed's run of one optimizer, as the strip places it. */
export interface StripPoint {
  /** The noise seed. */
  readonly seed: number;
  readonly cell: number;
  /** Final loss; NaN for a run that diverged. */
  readonly loss: number;
  readonly diverged: boolean;
}

/** One optimizer's row of the strip: its points by final loss (diverged last), and the median. */
export interface StripRow {
  /** Index of the optimizer in the sweep's scene. */
  readonly optimizer: number;
  readonly points: readonly StripPoint[];
  /** Median final loss of the runs that did not diverge; NaN when all diverged. */
  readonly median: number;
}

/** A log axis of final loss: decades lo … hi, and where zeros sit (left of lo). */
export interface StripAxis {
  /** log10 of the axis's ends. */
  readonly lo: number;
  readonly hi: number;
  /** True when some run ended at exactly 0 (log cannot place it: a column of its own). */
  readonly zeros: boolean;
  readonly diverged: boolean;
}

/** The strip's rows: every computed seed of every run of a seed ensemble. */
export function stripRows(picture: SweepPicture): StripRow[] {
  const { columns, level, plan, scene } = picture;
  const seeds = plan.axes[0]!;
  const optimizers = plan.only ?? scene.optimizers.map((_, k) => k);
  return optimizers.map((optimizer, r) => {
    const points: StripPoint[] = [];
    for (let cell = 0; cell < columns.cells; cell++) {
      if (level[cell] === 0) continue;
      const e = cell * columns.runs + r;
      const diverged = columns.divergedAt[e]! >= 0;
      const seed = axisValue(seeds, cell);
      points.push({ seed, cell, loss: diverged ? NaN : columns.finalLoss[e]!, diverged });
    }
    points.sort((a, b) => Number(a.diverged) - Number(b.diverged) || a.loss - b.loss);
    const finite = points.filter((p) => !p.diverged);
    const mid = finite.length >> 1;
    const median =
      finite.length === 0
        ? NaN
        : finite.length % 2
          ? finite[mid]!.loss
          : (finite[mid - 1]!.loss + finite[mid]!.loss) / 2;
    return { optimizer, points, median };
  });
}

/** The log axis over every row's positive final losses, whole decades, at least one wide. */
export function stripAxis(rows: readonly StripRow[]): StripAxis {
  let lo = Infinity;
  let hi = -Infinity;
  let zeros = false;
  let diverged = false;
  for (const row of rows) {
    for (const p of row.points) {
      if (p.diverged) diverged = true;
      else if (p.loss > 0) {
        lo = Math.min(lo, p.loss);
        hi = Math.max(hi, p.loss);
      } else zeros = true;
    }
  }
  if (!(lo <= hi)) return { lo: -1, hi: 0, zeros, diverged };
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  return { lo: a, hi: Math.max(b, a + 1), zeros, diverged };
}

/**
 * Where a final loss sits along the strip, 0 … 1: zeros at 0, the log axis over [ZERO_GAP,
 * 1 − DIVERGED_GAP], diverged runs at 1.
 */
export const ZERO_GAP = 0.08;
export const DIVERGED_GAP = 0.1;
export function stripPosition(axis: StripAxis, p: StripPoint): number {
  if (p.diverged) return 1;
  if (!(p.loss > 0)) return 0;
  const t = (Math.log10(p.loss) - axis.lo) / (axis.hi - axis.lo);
  return ZERO_GAP + (1 - ZERO_GAP - DIVERGED_GAP) * Math.min(1, Math.max(0, t));
}

/** A small vertical offset for a seed in −1 … 1, the same for a seed every time, so dots overlap less. */
export function jitter(seed: number): number {
  const h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  return ((h % 2001) - 1000) / 1000;
}
