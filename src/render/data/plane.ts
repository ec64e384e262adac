import type { Box, Vec2 } from '../../engine/types.ts';
import type { ChartTheme } from '../chart/axes.ts';
import type { PlotRect } from '../chart/layout.ts';
import type { YScale } from '../chart/scale.ts';
import { drawSweepAxes, sweepPlot } from '../sweep/axes.ts';

/** A box of maths coordinates (y up) mapped onto a rectangle of the canvas (y down). */
export interface Plane {
  readonly box: Box;
  readonly rect: PlotRect;
  x(v: number): number;
  y(v: number): number;
  /** CSS px per unit along x (and y: a plane of equal aspect has one scale for both). */
  readonly kx: number;
  readonly ky: number;
}

/** The plot rectangle of a `width` × `height` canvas: the sweep plots' margins. */
export const planeRect = sweepPlot;

/**
 * `box` on `rect`. With `equal`, the box grows about its centre along one axis until a unit is
 * as long on both: vectors (gradients) keep their directions and an ellipse its shape.
 */
export function planeOf(box: Box, rect: PlotRect, equal: boolean): Plane {
  let { x, y } = box;
  const w = x[1] - x[0] || 1;
  const h = y[1] - y[0] || 1;
  if (equal) {
    const k = Math.min(rect.width / w, rect.height / h);
    const cx = (x[0] + x[1]) / 2;
    const cy = (y[0] + y[1]) / 2;
    const hw = rect.width / k / 2;
    const hh = rect.height / k / 2;
    x = [cx - hw, cx + hw];
    y = [cy - hh, cy + hh];
  }
  const kx = rect.width / (x[1] - x[0] || 1);
  const ky = rect.height / (y[1] - y[0] || 1);
  const bottom = rect.top + rect.height;
  return {
    box: { x, y },
    rect,
    kx,
    ky,
    x: (v) => rect.left + (v - x[0]) * kx,
    y: (v) => bottom - (v - y[0]) * ky,
  };
}

/** The box around finite values of two columns (below `n`), padded by `pad` of its span. */
export function boxAround(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  n: number,
  pad = 0.06,
): Box {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const a = xs[i]!;
    const b = ys[i]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (a < x0) x0 = a;
    if (a > x1) x1 = a;
    if (b < y0) y0 = b;
    if (b > y1) y1 = b;
  }
  if (!(x1 >= x0)) return { x: [-1, 1], y: [-1, 1] };
  const px = (x1 - x0 || Math.abs(x0) || 1) * pad;
  const py = (y1 - y0 || Math.abs(y0) || 1) * pad;
  return { x: [x0 - px, x1 + px], y: [y0 - py, y1 + py] };
}

/** Frame, ticks with labels on both axes, and the axes' names: the sweep plots' axes, linear. */
export function drawPlaneAxes(
  ctx: CanvasRenderingContext2D,
  plane: Plane,
  theme: ChartTheme,
  names: { readonly x: string; readonly y: string },
): void {
  const linear = ([t0, t1]: Vec2): YScale => ({ kind: 'linear', c: 1, t0, t1 });
  drawSweepAxes(ctx, plane.rect, linear(plane.box.x), linear(plane.box.y), names, theme);
}

/**
 * A plot's plane of `box` on a `width` × `height` canvas with its axes drawn, the context saved
 * and clipped to the plot rectangle: the caller draws inside, then restores.
 */
export function openPlane(
  ctx: CanvasRenderingContext2D,
  box: Box,
  size: { readonly width: number; readonly height: number },
  equal: boolean,
  theme: ChartTheme,
  names: { readonly x: string; readonly y: string },
): Plane {
  const plane = planeOf(box, planeRect(size.width, size.height), equal);
  drawPlaneAxes(ctx, plane, theme, names);
  const { rect } = plane;
  ctx.save();
  ctx.beginPath();
  ctx.rect(rect.left, rect.top, rect.width, rect.height);
  ctx.clip();
  return plane;
}
