import type { Axis } from '../../engine/sweep/types.ts';
import { forward, type YScale } from '../chart/scale.ts';
import type { PlotRect } from '../chart/layout.ts';

/**
 * The scale of a sweep axis along a plot side: log or linear in its own units. `cells` widens the
 * domain by half a value's spacing each side, so each value sits at the centre of its cell.
 */
export function axisScale(axis: Axis, cells: boolean): YScale {
  const kind = axis.scale === 'log' ? 'log' : 'linear';
  const scale: YScale = { kind, c: 1, t0: 0, t1: 0 };
  const t0 = forward(scale, axis.from);
  const t1 = forward(scale, axis.to);
  const half =
    axis.count > 1 && t1 > t0
      ? cells
        ? (t1 - t0) / (axis.count - 1) / 2
        : 0
      : kind === 'log'
        ? 0.5
        : Math.max(0.5, Math.abs(t0) * 0.1);
  return { kind, c: 1, t0: t0 - half, t1: t1 + half };
}

/** Maps a scale's transformed units onto [from, to] pixels. */
export const toPixels =
  (scale: YScale, from: number, to: number) =>
  (t: number): number =>
    from + ((t - scale.t0) / (scale.t1 - scale.t0)) * (to - from);

/** The horizontal and vertical pixel maps of a plot: x left to right, y bottom to top. */
export function plotMaps(plot: PlotRect, x: YScale, y: YScale) {
  return {
    x: toPixels(x, plot.left, plot.left + plot.width),
    y: toPixels(y, plot.top + plot.height, plot.top),
  };
}
