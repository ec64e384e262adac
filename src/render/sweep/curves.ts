import type { Metric } from '../../engine/sweep/types.ts';
import type { ChartTheme } from '../chart/axes.ts';
import { forward, type YScale } from '../chart/scale.ts';
import type { PlotRect } from '../chart/layout.ts';
import type { Context2D } from '../bitmap.ts';
import { axisValue } from '../../engine/sweep/index.ts';
import type { SweepProgress } from '../../workers/sweepClient.ts';
import { drawSweepAxes, sweepPlot } from './axes.ts';
import { entryKind, metricValue } from './metric.ts';
import { axisScale, plotMaps } from './scales.ts';

/** A point of the curves: run `run` (an index into the plan's runs) at axis value `index`. */
export interface CurvePoint {
  readonly run: number;
  readonly index: number;
}

/** Everything one drawing of the curves needs; the context draws in CSS pixels. */
export interface CurvesInput {
  readonly width: number;
  readonly height: number;
  readonly progress: SweepProgress;
  readonly metric: Metric;
  /** The y scale of the metric over every run (metricScale). */
  readonly scale: YScale;
  /** Each run's colour. */
  readonly colours: readonly string[];
  readonly names: { readonly x: string; readonly y: string };
  /** Each run's best value's index, or −1: drawn as a ring. */
  readonly best: readonly number[];
  readonly hover: CurvePoint | null;
  readonly focus: CurvePoint | null;
  readonly theme: ChartTheme;
}

/** Where the curves' points sit, for picking. */
export interface CurvesGeometry {
  readonly plot: PlotRect;
  /** The point nearest (px, py) within 24 px, or null. */
  pick(px: number, py: number): CurvePoint | null;
}

/** Rows of the strip above the plot where diverged (×) and never-converged (○) points sit, at most. */
const STRIP_ROWS = 6;
/** Height of one row of the strip. */
const ROW = 6;

/**
 * The metric against the axis for every run: a line through each run's computed values, a dot at
 * each, a ring at its best, and an × in the strip above the plot where it diverged (○ where it
 * never came within tol). Coarse values first: the lines refine as the sweep does.
 */
export function drawCurves(ctx: Context2D, input: CurvesInput): CurvesGeometry {
  const { progress, metric, scale, theme } = input;
  const full = sweepPlot(input.width, input.height);
  const runs = progress.columns.runs;
  // Each run's marks in a row of their own (up to six), so runs diverging at one value all show.
  const rows = Math.min(STRIP_ROWS, runs);
  const strip = 6 + rows * ROW;
  const rowY = (run: number) => full.top + 3 + ((run % rows) + 0.5) * ROW;
  const plot = { ...full, top: full.top + strip, height: Math.max(1, full.height - strip) };
  const axis = progress.plan.axes[0]!;
  const xs = axisScale(axis, false);
  const maps = plotMaps(plot, xs, scale);
  const points: { p: CurvePoint; x: number; y: number }[] = [];
  const xOf = (i: number) => maps.x(forward(xs, axisValue(axis, i)));
  const place = (run: number, i: number): { x: number; y: number; kind: string } => {
    const kind = entryKind(progress, metric, i, run);
    const x = xOf(i);
    if (kind !== 'value') return { x, y: rowY(run), kind };
    const v = metricValue(progress.columns, metric, i * runs + run);
    const y = maps.y(forward(scale, v));
    return { x, y: Math.min(plot.top + plot.height, Math.max(plot.top, y)), kind };
  };
  drawSweepAxes(ctx, plot, xs, scale, input.names, theme);
  ctx.save();
  ctx.fillStyle = theme.text;
  ctx.font = `10px ${theme.font}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillText('diverged ×', plot.left - 4, full.top + strip / 2);
  for (let run = 0; run < runs; run++) {
    const colour = input.colours[run] ?? theme.text;
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.lineWidth = 2;
    ctx.beginPath();
    let open = false;
    for (let i = 0; i < axis.count; i++) {
      if (progress.level[i] === 0) continue;
      const { x, y, kind } = place(run, i);
      points.push({ p: { run, index: i }, x, y });
      // A line joins consecutive values; a diverged one breaks it.
      if (kind !== 'value') {
        open = false;
        continue;
      }
      if (open) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      open = true;
    }
    ctx.stroke();
    for (let i = 0; i < axis.count; i++) {
      if (progress.level[i] === 0) continue;
      const { x, y, kind } = place(run, i);
      if (kind === 'value') {
        ctx.beginPath();
        ctx.arc(x, y, 2.5, 0, 2 * Math.PI);
        ctx.fill();
      } else if (kind === 'diverged') {
        cross(ctx, x, y, 2.5);
      } else {
        ctx.beginPath();
        ctx.arc(x, y, 2.5, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
    const best = input.best[run] ?? -1;
    if (best >= 0) ring(ctx, place(run, best), colour, theme.surface, 6);
  }
  for (const [point, width] of [
    [input.hover, 1.5],
    [input.focus, 2.5],
  ] as const) {
    if (!point) continue;
    ctx.strokeStyle = theme.text;
    ctx.lineWidth = width;
    const { x, y } = place(point.run, point.index);
    ctx.beginPath();
    ctx.arc(x, y, 8, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.restore();
  return {
    plot,
    pick(px, py) {
      let best: CurvePoint | null = null;
      let least = 24 * 24;
      for (const { p, x, y } of points) {
        const d = (x - px) ** 2 + (y - py) ** 2;
        if (d < least) {
          least = d;
          best = p;
        }
      }
      return best;
    },
  };
}

function cross(ctx: Context2D, x: number, y: number, r: number) {
  ctx.beginPath();
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x - r, y + r);
  ctx.lineTo(x + r, y - r);
  ctx.stroke();
}

/** A ring with a halo, for each run's best point. */
function ring(
  ctx: Context2D,
  { x, y }: { x: number; y: number },
  colour: string,
  halo: string,
  r: number,
) {
  ctx.lineWidth = 4;
  ctx.strokeStyle = halo;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.lineWidth = 2;
  ctx.strokeStyle = colour;
  ctx.stroke();
}
