import type { Rect, Scale } from '../../render/frame.ts';
import { lastShown } from '../../render/layers/paths.ts';
import type { RunSet } from '../../workers/runs.ts';
import { formatNumber } from '../format.ts';

/** How close (CSS px) a pointer must come to a path's point to pick its step. */
export const PICK = 10;

/** True when (px, py), in CSS pixels, lies on the plot area (edges included). */
export const onPlot = (plot: Rect, px: number, py: number): boolean =>
  px >= plot.left && px <= plot.left + plot.width && py >= plot.top && py <= plot.top + plot.height;

/**
 * The step of the shown point nearest to (px, py) within PICK pixels, over every visible path
 * (`optimizers[k].hidden` hides run k) up to the cursor; null when none is that close.
 */
export function nearestStep(
  set: RunSet | null,
  optimizers: readonly { readonly hidden: boolean }[],
  cursor: number,
  scale: Scale,
  px: number,
  py: number,
): number | null {
  return nearestPoint(set, optimizers, cursor, scale, px, py)?.step ?? null;
}

/** As nearestStep, with the run the point belongs to. */
export function nearestPoint(
  set: RunSet | null,
  optimizers: readonly { readonly hidden: boolean }[],
  cursor: number,
  scale: Scale,
  px: number,
  py: number,
): { readonly run: number; readonly step: number } | null {
  let best = PICK * PICK;
  let found: { run: number; step: number } | null = null;
  set?.runs.forEach((run, k) => {
    if (optimizers[k]?.hidden) return;
    const last = lastShown(run, cursor);
    for (let i = 0; i <= last; i++) {
      const d = (scale.x(run.x[i]!) - px) ** 2 + (scale.y(run.y[i]!) - py) ** 2;
      if (d < best) {
        best = d;
        found = { run: k, step: i };
      }
    }
  });
  return found;
}

/** The hover readout: x, y and f under the pointer, and the picked step if any. */
export const readoutText = (x: number, y: number, f: number, step: number | null): string =>
  `x = ${formatNumber(x)}, y = ${formatNumber(y)}, f = ${formatNumber(f)}` +
  (step !== null ? ` · step ${step}` : '');
