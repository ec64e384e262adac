import { stepsPerEpoch } from '../engine/data/epochs.ts';
import { drawPhaseLines } from './chart/phaseLines.ts';
import { drawAxes, type ChartTheme } from './chart/axes.ts';
import { drawStepMarkers } from './chart/markers.ts';
import { clipCursor, drawnEnd, plotRect, pxPerStep, type PlotRect } from './chart/layout.ts';
import type { Columns } from './chart/decimate.ts';
import { lossScale, RunCaches, visibleRuns } from './chart/runScale.ts';
import { forward, type YScale } from './chart/scale.ts';
import type { RunSet } from '../workers/runs.ts';
import type { Context2D } from './bitmap.ts';
import { RasterCache } from './rasterCache.ts';
import { Settle } from './settle.ts';

export type { ChartTheme } from './chart/axes.ts';
export { clipCursor, drawnEnd, plotRect, stepAt } from './chart/layout.ts';
export { chooseYScale, forward, inverse, symexp, symlog, yTicks } from './chart/scale.ts';
export { decimate } from './chart/decimate.ts';
export { lossScale } from './chart/runScale.ts';
export { hiddenByRun } from './chart/hidden.ts';
export { hoverReadout, lossSummary } from './chart/text.ts';

/** Everything one drawing of the loss chart needs; the context draws in CSS pixels. */
export interface LossChartInput {
  /** Canvas size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** The newest trajectories, or null before any arrive. */
  readonly runSet: RunSet | null;
  /** Hidden flags by index into `runSet.scene.optimizers`. */
  readonly hidden: readonly boolean[];
  /** The playback cursor: runs are drawn through this step. */
  readonly cursor: number;
  /** The step highlighted from the chart or the landscape, or null. */
  readonly hoverStep: number | null;
  readonly theme: ChartTheme;
}

/** Runs per cached bitmap of curves. */
const GROUP = 4;
/** The dash of a test-loss curve. */
const TEST_DASH = [4, 3];

/** The loss chart of one canvas: it keeps bitmaps of its settled curves between frames. */
export interface LossChart {
  /** Draws loss against step for each visible run through the cursor; returns the y scale used. */
  draw(ctx: CanvasRenderingContext2D, input: LossChartInput): YScale;
  /** Milliseconds until a fresh curve settles into its group's bitmap, or null. */
  settlesIn(): number | null;
}

/** What a loss chart keeps between its frames. */
class Bookkeeping {
  /** The groups' bitmaps of whole curves. */
  readonly rasters = new RasterCache<number>();
  /** When each run was first drawn. */
  readonly settle = new Settle();
  /** The runs' extents and decimations for this chart's width. */
  readonly runs = new RunCaches();
}

/** A loss chart for one canvas: each canvas gets its own, so no chart sees another's bitmaps. */
export function createLossChart(): LossChart {
  const own = new Bookkeeping();
  return {
    draw: (ctx, input) => drawLossChart(ctx, input, own),
    settlesIn: () => own.settle.next(performance.now()),
  };
}

/** Past this many pixels off the canvas a coordinate only risks overflow in the rasteriser. */
const FAR = 1e5;
/** A pixel coordinate kept within ±FAR; NaN (never expected) goes far off too, not to the canvas. */
const clampPx = (v: number): number => (v > -FAR ? Math.min(FAR, v) : -FAR);

function drawLossChart(
  ctx: CanvasRenderingContext2D,
  input: LossChartInput,
  { rasters, settle, runs }: Bookkeeping,
): YScale {
  const { width, height, runSet, hidden, theme } = input;
  const plot = plotRect(width, height);
  const steps = runSet?.scene.steps ?? 1;
  const cursor = clipCursor(input.cursor, steps);
  const scale = lossScale(runSet, hidden, runs);
  const span = scale.t1 - scale.t0;
  const y = (t: number) => clampPx(plot.top + (plot.height * (scale.t1 - t)) / span);
  const py = (v: number) => y(forward(scale, v));
  const kx = pxPerStep(plot, steps);
  const px = (step: number) => plot.left + step * kx;

  drawAxes(ctx, width, plot, steps, scale, y, theme, 'f', runSet && stepsPerEpoch(runSet.scene.fn));
  const shown = runSet ? visibleRuns(runSet, hidden) : [];
  if (!runSet || shown.every((k) => runSet.runs[k]!.length === 0)) {
    const message = !runSet
      ? 'Waiting for the runs…'
      : shown.length
        ? 'Computing…'
        : 'All runs hidden';
    emptyMessage(ctx, plot, message, theme);
    return scale;
  }
  const color = (k: number) => runSet.scene.optimizers[k]?.color ?? theme.text;

  /**
   * Strokes the loss curves of runs `ks` through step `through`: the training loss solid, the
   * test loss (a loss made of data with a test set) dashed in the same colour.
   */
  const strokeCurves = (c: Context2D, ks: readonly number[], through: number) => {
    // One-pixel lines: software canvases stroke wider ones ~20× slower (stroke-to-path), and the
    // chart redraws on every slider move.
    c.lineJoin = 'bevel';
    c.lineWidth = 1;
    for (const k of ks) {
      const run = runSet.runs[k]!;
      const end = drawnEnd(run.length, through, steps);
      c.setLineDash(TEST_DASH);
      if (run.testF) strokeCurve(c, runs.columns(run.testF, end, kx), color(k));
      c.setLineDash([]);
      strokeCurve(c, runs.columns(run.f, end, kx), color(k));
    }
  };
  /** Strokes one decimated curve. */
  const strokeCurve = (c: Context2D, cols: Columns, stroke: string) => {
    if (cols.length === 0) return;
    c.beginPath();
    c.moveTo(plot.left + cols.x[0]!, py(cols.first[0]!));
    for (let i = 0; i < cols.length; i++) {
      const x = plot.left + cols.x[i]!;
      const lo = cols.min[i]!;
      const hi = cols.max[i]!;
      c.lineTo(x, py(cols.first[i]!));
      if (lo === hi) continue;
      c.lineTo(x, py(lo));
      c.lineTo(x, py(hi));
      c.lineTo(x, py(cols.last[i]!));
    }
    c.strokeStyle = stroke;
    c.stroke();
  };
  // Curves of settled runs are rasterised in groups and blitted while the scale holds; only a
  // fresh one (the run under a moving slider) is stroked every frame.
  const now = performance.now();
  settle.observe(runSet.stamps, now);
  const settled = (k: number) => runSet.isDone(k) && settle.settled(runSet.stamps[k]!, now);
  const scaleKey = [scale.kind, scale.t0, scale.t1, scale.c, kx, plot.height];
  // A fresh curve leaves its group's bitmap: the group is repainted without it once, on the
  // frame it turns fresh, rather than all its curves stroked on every frame of a drag.
  const group = (k: number) => Math.floor(k / GROUP);
  const fresh = shown.filter((k) => !settled(k));
  // A curve is a function of the step, so a bitmap of whole curves cut at the cursor's x is
  // the curves through the cursor: playback only moves the cut, it repaints nothing.
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, px(cursor) - plot.left, plot.height);
  ctx.clip();
  for (let g = 0; g * GROUP < runSet.runs.length; g++) {
    const members = shown.filter((k) => group(k) === g && settled(k));
    if (members.length === 0) continue;
    const key = [...scaleKey, ...members.flatMap((k) => [runSet.stamps[k], color(k)])];
    rasters.draw(ctx, plot, g, key, (r) => strokeCurves(r, members, steps));
  }
  ctx.restore();
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.width, plot.height);
  ctx.clip();
  strokeCurves(ctx, fresh, cursor);
  ctx.restore();

  drawPhaseLines(ctx, plot, px, runSet.scene, shown, cursor, color);
  if (shown.some((k) => runSet.runs[k]!.testF)) lineKey(ctx, plot, theme);
  drawStepMarkers(ctx, plot, px, cursor, steps, input.hoverStep, theme);
  ctx.save();
  // A ✕ where each diverged run left the finite numbers, once the cursor gets there.
  for (const k of shown) {
    const run = runSet.runs[k]!;
    if (run.divergedAt === null || cursor < run.divergedAt || run.length === 0) continue;
    const last = run.length - 1;
    // Off the scale (see BLOWUP in runScale.ts), the ✕ stays on the plot's edge.
    const x = inside(px(last), plot.left, plot.width);
    const y = inside(py(run.f[last]!), plot.top, plot.height);
    halo(ctx, theme, color(k), () => cross(ctx, x, y, 4.5), 2.25);
  }
  const hover = input.hoverStep;
  if (hover !== null && hover >= 0 && hover <= cursor) {
    for (const k of shown) {
      const run = runSet.runs[k]!;
      const v = run.f[hover];
      if (hover >= run.length || v === undefined || !Number.isFinite(v)) continue;
      const y = py(v);
      if (y < plot.top || y > plot.top + plot.height) continue;
      ctx.beginPath();
      ctx.arc(px(hover), y, 3.5, 0, 2 * Math.PI);
      ctx.fillStyle = color(k);
      ctx.fill();
      ctx.strokeStyle = theme.surface;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
  }
  ctx.restore();
  return scale;
}

/** Says which line is which when test losses are drawn: "── training ╌╌ test", top right. */
function lineKey(ctx: CanvasRenderingContext2D, plot: PlotRect, theme: ChartTheme): void {
  ctx.save();
  ctx.font = `11px ${theme.font}`;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = theme.text;
  ctx.strokeStyle = theme.text;
  ctx.lineWidth = 1;
  const y = plot.top + 8;
  let x = plot.left + plot.width - 6;
  for (const [label, dash] of [
    ['test', TEST_DASH],
    ['training', []],
  ] as const) {
    x -= ctx.measureText(label).width;
    ctx.fillText(label, x, y);
    ctx.beginPath();
    ctx.setLineDash(dash);
    ctx.moveTo(x - 22, y);
    ctx.lineTo(x - 4, y);
    ctx.stroke();
    x -= 32;
  }
  ctx.restore();
}

/** Keeps a coordinate at least INSET pixels inside the span [start, start + size]. */
const INSET = 6;
const inside = (v: number, start: number, size: number): number =>
  Math.min(start + size - INSET, Math.max(start + INSET, v));

/** A cross of half-size `r` centred on (x, y). */
function cross(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
}

/** Strokes the path `trace` adds twice: wide in the background colour, then in `color`. */
function halo(
  ctx: CanvasRenderingContext2D,
  theme: ChartTheme,
  color: string,
  trace: () => void,
  width: number,
): void {
  ctx.beginPath();
  trace();
  ctx.lineCap = 'round';
  ctx.strokeStyle = theme.surface;
  ctx.lineWidth = width + 3;
  ctx.stroke();
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.stroke();
}

function emptyMessage(
  ctx: CanvasRenderingContext2D,
  plot: PlotRect,
  message: string,
  theme: ChartTheme,
): void {
  ctx.save();
  ctx.fillStyle = theme.text;
  ctx.font = `12px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(message, plot.left + plot.width / 2, plot.top + plot.height / 2);
  ctx.restore();
}
