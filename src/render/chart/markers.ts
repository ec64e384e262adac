import type { ChartTheme } from './axes.ts';
import type { PlotRect } from './layout.ts';

/** A full-height vertical line at x (CSS px), snapped to the pixel grid; dashed if asked. */
function rule(ctx: CanvasRenderingContext2D, plot: PlotRect, x: number, dashed: boolean): void {
  ctx.setLineDash(dashed ? [3, 3] : []);
  ctx.beginPath();
  const px = Math.round(x) + 0.5;
  ctx.moveTo(px, plot.top);
  ctx.lineTo(px, plot.top + plot.height);
  ctx.stroke();
  ctx.setLineDash([]);
}

/**
 * The step markers every chart of the page shares: a solid line at the playback cursor (unless it
 * sits on the frame at the end) and a dashed one at the hovered step, if any, up to the cursor.
 */
export function drawStepMarkers(
  ctx: CanvasRenderingContext2D,
  plot: PlotRect,
  px: (step: number) => number,
  cursor: number,
  steps: number,
  hover: number | null,
  theme: ChartTheme,
): void {
  ctx.save();
  ctx.strokeStyle = theme.axis;
  ctx.lineWidth = 1;
  if (cursor < steps) rule(ctx, plot, px(cursor), false);
  if (hover !== null && hover >= 0 && hover <= cursor) rule(ctx, plot, px(hover), true);
  ctx.restore();
}
