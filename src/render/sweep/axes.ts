import type { ChartTheme } from '../chart/axes.ts';
import { axisLabel } from '../chart/format.ts';
import type { PlotRect } from '../chart/layout.ts';
import { yTicks, type YScale } from '../chart/scale.ts';
import type { Context2D } from '../bitmap.ts';
import { plotMaps } from './scales.ts';

/** Room for tick labels and axis names around a sweep plot, in CSS pixels. */
export const SWEEP_MARGIN = { top: 10, right: 16, bottom: 40, left: 66 } as const;

/** The plot area of a `width` × `height` sweep chart. */
export const sweepPlot = (width: number, height: number): PlotRect => ({
  left: SWEEP_MARGIN.left,
  top: SWEEP_MARGIN.top,
  width: Math.max(1, width - SWEEP_MARGIN.left - SWEEP_MARGIN.right),
  height: Math.max(1, height - SWEEP_MARGIN.top - SWEEP_MARGIN.bottom),
});

const TICK = 5;

/** A tick: its label and where it sits, in CSS pixels along its side. */
export interface PlacedTick {
  readonly text: string;
  readonly at: number;
}

/** The ticks of both sides of a plot, each about every 80 (x) or 40 (y) pixels. */
export function plotTicks(
  plot: PlotRect,
  x: YScale,
  y: YScale,
): { readonly x: PlacedTick[]; readonly y: PlacedTick[] } {
  const maps = plotMaps(plot, x, y);
  const place = (scale: YScale, count: number, to: (t: number) => number) =>
    yTicks(scale, count)
      .filter(({ t }) => t >= scale.t0 && t <= scale.t1)
      .map(({ value, t }) => ({ text: axisLabel(value), at: to(t) }));
  return {
    x: place(x, Math.max(2, Math.floor(plot.width / 80)), maps.x),
    y: place(y, Math.max(2, Math.floor(plot.height / 40)), maps.y),
  };
}

/** The frame, ticks with labels on both axes, and the axis names, over whatever the plot holds. */
export function drawSweepAxes(
  ctx: Context2D,
  plot: PlotRect,
  x: YScale,
  y: YScale,
  names: { readonly x: string; readonly y: string },
  theme: ChartTheme,
): void {
  const bottom = plot.top + plot.height;
  const ticks = plotTicks(plot, x, y);
  ctx.save();
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.axis;
  ctx.strokeRect(plot.left + 0.5, plot.top + 0.5, plot.width - 1, plot.height - 1);
  ctx.fillStyle = theme.text;
  ctx.font = `11px ${theme.font}`;
  ctx.beginPath();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const { text, at } of ticks.x) {
    const px = Math.round(at) + 0.5;
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + TICK);
    ctx.fillText(text, px, bottom + TICK + 2);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const { text, at } of ticks.y) {
    const py = Math.round(at) + 0.5;
    ctx.moveTo(plot.left, py);
    ctx.lineTo(plot.left - TICK, py);
    ctx.fillText(text, plot.left - TICK - 3, py);
  }
  ctx.stroke();
  ctx.font = `italic 12px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(names.x, plot.left + plot.width / 2, bottom + 38);
  ctx.translate(10, plot.top + plot.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(names.y, 0, 0);
  ctx.restore();
}
