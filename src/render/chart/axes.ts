import { tickLabel, ticks } from '../ticks.ts';
import { axisLabel } from './format.ts';
import type { PlotRect } from './layout.ts';
import { yTicks, type YScale } from './scale.ts';

/** Colours and type the chart takes from the page's stylesheet. */
export interface ChartTheme {
  readonly text: string;
  readonly axis: string;
  readonly font: string;
  /** The chart's background, for halos around markers. */
  readonly surface: string;
}

const TICK = 5;
/** The y axis's name on a scale: "f", "f (log)", "f (symlog)". */
const axisName = (name: string, kind: YScale['kind']): string =>
  kind === 'linear' ? name : name ? `${name} (${kind})` : kind;

/** Frame (the canvas `width` CSS pixels wide), faint horizontal grid, ticks with labels on both axes, and the axis names. */
export function drawAxes(
  ctx: CanvasRenderingContext2D,
  width: number,
  plot: PlotRect,
  steps: number,
  scale: YScale,
  y: (t: number) => number,
  theme: ChartTheme,
  /** The y axis's name. */
  yName = 'f',
  /** Steps per epoch, for a scene made of data: the x axis then counts epochs. */
  perEpoch: number | null = null,
): void {
  const bottom = plot.top + plot.height;
  const right = plot.left + plot.width;
  const kx = plot.width / Math.max(1, steps);
  const tys = yTicks(scale, Math.max(2, Math.floor(plot.height / 32)));
  ctx.save();
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.axis;

  ctx.globalAlpha = 0.18;
  ctx.beginPath();
  for (const { t } of tys) {
    const py = Math.round(y(t)) + 0.5;
    ctx.moveTo(plot.left, py);
    ctx.lineTo(right, py);
  }
  ctx.stroke();
  ctx.globalAlpha = 1;

  ctx.strokeRect(plot.left + 0.5, plot.top + 0.5, plot.width - 1, plot.height - 1);
  ctx.fillStyle = theme.text;
  ctx.font = `11px ${theme.font}`;
  ctx.beginPath();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  // In epochs, ticks fall on nice epoch counts (fractions too, when the run is under one epoch).
  const unit = perEpoch ?? 1;
  const xs = ticks(0, steps / unit, Math.max(2, Math.floor(plot.width / 80)));
  for (const tick of perEpoch === null ? xs.filter(Number.isInteger) : xs) {
    const px = Math.round(plot.left + tick * unit * kx) + 0.5;
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + TICK);
    const text = tickLabel(tick);
    // A label that would spill past the canvas (100000 at the right end) ends at its edge.
    const overflow = px + ctx.measureText(text).width / 2 - (width - 1);
    ctx.fillText(text, overflow > 0 ? px - overflow : px, bottom + TICK + 2);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const { value, t } of tys) {
    const py = Math.round(y(t)) + 0.5;
    ctx.moveTo(plot.left, py);
    ctx.lineTo(plot.left - TICK, py);
    ctx.fillText(axisLabel(value), plot.left - TICK - 3, py);
  }
  ctx.stroke();

  ctx.font = `italic 12px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  const xName =
    perEpoch === null ? 'step' : `epoch (${perEpoch} step${perEpoch === 1 ? '' : 's'} each)`;
  ctx.fillText(xName, plot.left + plot.width / 2, bottom + 34);
  ctx.translate(8, plot.top + plot.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(axisName(yName, scale.kind), 0, 0);
  ctx.restore();
}
