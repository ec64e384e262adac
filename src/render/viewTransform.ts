import type { Box } from '../engine/types.ts';
import type { Rect } from './frame.ts';

/** A zoom transform as d3-zoom holds it: screen = (x, y) + k · base screen. */
export interface ZoomTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/** The base mapping of `base` onto `plot`, as scale factors. */
const factors = (base: Box, plot: Rect) => ({
  kx: plot.width / (base.x[1] - base.x[0]),
  ky: plot.height / (base.y[1] - base.y[0]),
});

/** The view that a zoom transform of the base view shows in `plot` (maths orientation). */
export function viewOf(t: ZoomTransform, base: Box, plot: Rect): Box {
  const { kx, ky } = factors(base, plot);
  const invX = (s: number) => base.x[0] + ((s - t.x) / t.k - plot.left) / kx;
  const invY = (s: number) => base.y[0] + (plot.top + plot.height - (s - t.y) / t.k) / ky;
  return {
    x: [invX(plot.left), invX(plot.left + plot.width)],
    y: [invY(plot.top + plot.height), invY(plot.top)],
  };
}

/** The zoom transform of the base view that shows `view` (whose aspect matches the base's). */
export function transformOf(view: Box, base: Box, plot: Rect): ZoomTransform {
  const { kx, ky } = factors(base, plot);
  const k = (base.x[1] - base.x[0]) / (view.x[1] - view.x[0]);
  return {
    k,
    x: plot.left - k * (plot.left + (view.x[0] - base.x[0]) * kx),
    y: plot.top - k * (plot.top + plot.height - (view.y[1] - base.y[0]) * ky),
  };
}

/** `value` rounded to about 4 significant digits of `span`, so dragged points stay readable. */
export function roundTo(value: number, span: number): number {
  const step = 10 ** (Math.floor(Math.log10(span)) - 3);
  return Number((Math.round(value / step) * step).toPrecision(12));
}
