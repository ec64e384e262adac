import { drawAxes, type ChartTheme } from './axes.ts';
import { decimate } from './decimate.ts';
import { emptyExtent, extendExtent } from './extent.ts';
import { clipCursor, plotRect, pxPerStep } from './layout.ts';
import { drawStepMarkers } from './markers.ts';
import { chooseYScale, forward, padded, type YScale } from './scale.ts';

/** One line of a series chart: values by step (entry k at step k; non-finite ones skipped). */
export interface Series {
  readonly values: ArrayLike<number>;
  readonly color: string;
  /** A dash pattern, so lines differ by more than colour. */
  readonly dash?: readonly number[];
}

/** One small chart of values against step, sharing the loss chart's axes, cursor and hover. */
export interface SeriesChartInput {
  readonly width: number;
  readonly height: number;
  readonly steps: number;
  readonly series: readonly Series[];
  /** `log` takes a log scale when every value is positive (symlog when some are 0). */
  readonly prefer: 'linear' | 'log';
  /** The y axis's name. */
  readonly name: string;
  readonly cursor: number;
  readonly hoverStep: number | null;
  readonly theme: ChartTheme;
}

/** The y scale of the series' finite values through `end`, on the preferred kind of axis. */
export function seriesScale(
  series: readonly Series[],
  end: number,
  prefer: SeriesChartInput['prefer'],
): YScale {
  const extent = emptyExtent();
  // Entry 0 is the state before step 1 (zeros, or undefined): the axes are about the steps.
  for (const s of series) extendExtent(extent, s.values, 1, Math.min(end + 1, s.values.length));
  if (prefer === 'log' && extent.min >= 0) return chooseYScale(extent, extent.max);
  if (extent.count === 0) return { kind: 'linear', c: 1, t0: 0, t1: 1 };
  // A linear axis that always shows 0: the sign of a moment is what matters.
  const t0 = Math.min(0, extent.min);
  const t1 = Math.max(0, extent.max);
  return padded({ kind: 'linear', c: 1, t0, t1 });
}

/** Draws each series through the playback cursor over all of the run's steps; returns its scale. */
export function drawSeriesChart(ctx: CanvasRenderingContext2D, input: SeriesChartInput): YScale {
  const { width, height, steps, theme } = input;
  const plot = plotRect(width, height);
  const cursor = clipCursor(input.cursor, steps);
  // The axes hold still during playback: the scale spans every step recorded.
  const scale = seriesScale(input.series, steps, input.prefer);
  const span = scale.t1 - scale.t0 || 1;
  const y = (t: number) =>
    Math.max(-1e5, Math.min(1e5, plot.top + (plot.height * (scale.t1 - t)) / span));
  const kx = pxPerStep(plot, steps);
  drawAxes(ctx, width, plot, steps, scale, y, theme, input.name);
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.width, plot.height);
  ctx.clip();
  ctx.lineWidth = 1.5;
  ctx.lineJoin = 'bevel';
  for (const s of input.series) {
    const cols = decimate(s.values, cursor, kx);
    if (cols.length === 0) continue;
    const py = (v: number) => y(Math.max(scale.t0 - span, forward(scale, v)));
    ctx.beginPath();
    ctx.moveTo(plot.left + cols.x[0]!, py(cols.first[0]!));
    for (let i = 0; i < cols.length; i++) {
      const x = plot.left + cols.x[i]!;
      ctx.lineTo(x, py(cols.first[i]!));
      if (cols.min[i] === cols.max[i]) continue;
      ctx.lineTo(x, py(cols.min[i]!));
      ctx.lineTo(x, py(cols.max[i]!));
      ctx.lineTo(x, py(cols.last[i]!));
    }
    ctx.strokeStyle = s.color;
    ctx.setLineDash(s.dash ? [...s.dash] : []);
    ctx.stroke();
  }
  ctx.restore();
  drawStepMarkers(
    ctx,
    plot,
    (step) => plot.left + step * kx,
    cursor,
    steps,
    input.hoverStep,
    theme,
  );
  return scale;
}
