import type { GradientCloud } from '../../engine/data/cloud.ts';
import { ellipseOf } from './ellipse.ts';
import type { Box, Vec2 } from '../../engine/types.ts';
import type { ChartTheme } from '../chart/axes.ts';
import { boxAround, openPlane, type Plane } from './plane.ts';

/** Everything one drawing of the gradient cloud needs; the context draws in CSS pixels. */
export interface CloudPlotInput {
  readonly width: number;
  readonly height: number;
  readonly cloud: GradientCloud;
  /** The gradient the step used: the batch's mean, plus σξ where the scene adds noise. */
  readonly used: Vec2;
  /** The optimizer's colour: its batch's dots and its gradient. */
  readonly color: string;
  readonly theme: ChartTheme;
}

/** The two ellipses of the batch mean's spread, in standard deviations. */
export const SIGMAS = [1, 2] as const;
const HEAD = 8;

/** The box that holds every per-example gradient, the origin, G and the gradient used. */
export function cloudBox({ cloud, used }: Pick<CloudPlotInput, 'cloud' | 'used'>): Box {
  const box = boxAround(cloud.gx, cloud.gy, cloud.n, 0);
  const xs = [box.x[0], box.x[1], 0, cloud.mean[0], used[0]];
  const ys = [box.y[0], box.y[1], 0, cloud.mean[1], used[1]];
  return boxAround(xs, ys, xs.length, 0.08);
}

/**
 * The gradient cloud in gradient space (∂f/∂x across, ∂f/∂y up, one scale for both): a dot per
 * example's gradient (the step's batch in the optimizer's colour), the 1σ and 2σ ellipses of a
 * size-B batch mean's covariance around G, and arrows from the origin for G and the gradient used.
 */
export function drawCloudPlot(ctx: CanvasRenderingContext2D, input: CloudPlotInput): Plane {
  const { cloud, theme } = input;
  const plane = openPlane(ctx, cloudBox(input), input, true, theme, { x: '∂ℓ/∂x', y: '∂ℓ/∂y' });
  const { rect } = plane;
  // The origin's cross: a gradient's direction reads against it.
  ctx.strokeStyle = theme.axis;
  ctx.globalAlpha = 0.5;
  ctx.beginPath();
  ctx.moveTo(plane.x(0), rect.top);
  ctx.lineTo(plane.x(0), rect.top + rect.height);
  ctx.moveTo(rect.left, plane.y(0));
  ctx.lineTo(rect.left + rect.width, plane.y(0));
  ctx.stroke();
  ctx.globalAlpha = 0.35;
  ctx.fillStyle = theme.axis;
  for (let i = 0; i < cloud.n; i++) {
    ctx.fillRect(plane.x(cloud.gx[i]!) - 1.25, plane.y(cloud.gy[i]!) - 1.25, 2.5, 2.5);
  }
  ctx.globalAlpha = 1;
  ctx.fillStyle = input.color;
  for (const i of cloud.indices) {
    ctx.fillRect(plane.x(cloud.gx[i]!) - 2, plane.y(cloud.gy[i]!) - 2, 4, 4);
  }
  const cx = plane.x(cloud.mean[0]);
  const cy = plane.y(cloud.mean[1]);
  ctx.strokeStyle = theme.text;
  for (const k of SIGMAS) {
    const e = ellipseOf(cloud.batchCov, k);
    ctx.setLineDash(k === 1 ? [] : [5, 4]);
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    // Canvas y points down: a counter-clockwise angle in maths is clockwise on screen.
    ctx.ellipse(cx, cy, e.major * plane.kx, e.minor * plane.kx, -e.angle, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  arrow(ctx, plane, cloud.mean, theme.text, 3);
  arrow(ctx, plane, input.used, input.color, 2.25);
  ctx.restore();
  return plane;
}

/** An arrow from the origin to `to`, its head a filled triangle. */
function arrow(
  ctx: CanvasRenderingContext2D,
  plane: Plane,
  to: Vec2,
  color: string,
  width: number,
): void {
  const x0 = plane.x(0);
  const y0 = plane.y(0);
  const x1 = plane.x(to[0]);
  const y1 = plane.y(to[1]);
  const length = Math.hypot(x1 - x0, y1 - y0);
  if (!(length > 0.5) || !Number.isFinite(length)) return;
  const ux = (x1 - x0) / length;
  const uy = (y1 - y0) / length;
  const head = Math.min(HEAD, length / 2);
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1 - ux * head * 0.6, y1 - uy * head * 0.6);
  ctx.lineWidth = width;
  ctx.strokeStyle = color;
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - ux * head - uy * head * 0.5, y1 - uy * head + ux * head * 0.5);
  ctx.lineTo(x1 - ux * head + uy * head * 0.5, y1 - uy * head - ux * head * 0.5);
  ctx.closePath();
  ctx.fillStyle = color;
  ctx.fill();
}
