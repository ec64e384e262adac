import type { Examples } from '../../engine/data/examples.ts';
import type { DataSpec } from '../../engine/types.ts';
import type { Context2D } from '../bitmap.ts';
import type { ChartTheme } from '../chart/axes.ts';
import type { RasterCache } from '../rasterCache.ts';
import { boxAround, openPlane, type Plane } from './plane.ts';

/** One optimizer's model at the shown step: its parameters θ = (x, y) and its colour. */
export interface FittedModel {
  readonly x: number;
  readonly y: number;
  readonly color: string;
}

/** Everything one drawing of the data panel needs; the context draws in CSS pixels. */
export interface DataPlotInput {
  readonly width: number;
  readonly height: number;
  readonly examples: Examples;
  /** What to draw: DataSpec's `plot`. */
  readonly plot: DataSpec['plot'];
  readonly models: readonly FittedModel[];
  /** The shown step's batch (training-set indices), or null before the first step. */
  readonly batch: Int32Array | null;
  readonly theme: ChartTheme;
  /**
   * The caller's cache of the faded examples, which change with the data and the size, not with
   * the step: 10,000 of them take ~4 ms to draw and one blit after that.
   */
  readonly cache: RasterCache<'examples'>;
}

/** The two labels of a classifier: 0 hollow, 1 filled, so they differ without colour too. */
export const LABEL_COLOURS = ['#2f6fb0', '#c9622d'] as const;

const DOT = 2.2;
const RING = 4.5;

/**
 * The data panel: the training examples, each optimizer's model at the shown step (a line over
 * the points for a regression, a decision boundary through the origin for a classifier without
 * bias, nothing for shifts), and the step's mini-batch ringed while the other examples fade.
 */
export function drawDataPlot(ctx: CanvasRenderingContext2D, input: DataPlotInput): Plane {
  const { examples: ex, plot, theme } = input;
  const ys = plot === 'line' ? ex.t : ex.b;
  const names = plot === 'line' ? { x: 'a', y: 't' } : { x: 'a', y: 'b' };
  const plane = openPlane(ctx, boxAround(ex.a, ys, ex.n), input, plot !== 'line', theme, names);
  const { rect } = plane;
  const alpha = input.batch ? 0.35 : 0.75;
  const key = [ex, plot, alpha, theme.axis, ...plane.box.x, ...plane.box.y];
  input.cache.draw(ctx, rect, 'examples', key, (r) => {
    r.globalAlpha = alpha;
    drawPoints(r, plane, input, null);
  });
  if (plot !== 'shifts') for (const m of input.models) drawModel(ctx, plane, plot, m);
  if (input.batch) {
    drawPoints(ctx, plane, input, input.batch);
    ctx.beginPath();
    for (const i of input.batch) {
      const px = plane.x(ex.a[i]!);
      const py = plane.y(ys[i]!);
      ctx.moveTo(px + RING, py);
      ctx.arc(px, py, RING, 0, 2 * Math.PI);
    }
    ctx.strokeStyle = theme.text;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
  ctx.restore();
  return plane;
}

/** Every example (or those of `only`), one path per label. */
function drawPoints(
  ctx: Context2D,
  plane: Plane,
  { examples: ex, plot, theme }: DataPlotInput,
  only: Int32Array | null,
): void {
  const ys = plot === 'line' ? ex.t : ex.b;
  const count = only ? only.length : ex.n;
  for (const label of plot === 'boundary' ? [0, 1] : [-1]) {
    ctx.beginPath();
    for (let j = 0; j < count; j++) {
      const i = only ? only[j]! : j;
      if (label >= 0 && ex.t[i] !== label) continue;
      const px = plane.x(ex.a[i]!);
      const py = plane.y(ys[i]!);
      ctx.moveTo(px + DOT, py);
      ctx.arc(px, py, DOT, 0, 2 * Math.PI);
    }
    if (label === 0) {
      ctx.strokeStyle = LABEL_COLOURS[0];
      ctx.lineWidth = 1;
      ctx.stroke();
    } else {
      ctx.fillStyle = label === 1 ? LABEL_COLOURS[1] : theme.axis;
      ctx.fill();
    }
  }
}

/** A line t = x·a + y, or the boundary x·a + y·b = 0 (none while θ = 0), across the box. */
function drawModel(
  ctx: CanvasRenderingContext2D,
  plane: Plane,
  plot: 'line' | 'boundary',
  m: FittedModel,
): void {
  const { box } = plane;
  ctx.beginPath();
  if (plot === 'line') {
    ctx.moveTo(plane.x(box.x[0]), plane.y(m.x * box.x[0] + m.y));
    ctx.lineTo(plane.x(box.x[1]), plane.y(m.x * box.x[1] + m.y));
  } else {
    const norm = Math.hypot(m.x, m.y);
    if (!(norm > 0) || !Number.isFinite(norm)) return;
    // Along (−y, x), far enough to cross the whole box from the origin either way.
    const reach = Math.hypot(Math.max(-box.x[0], box.x[1]), Math.max(-box.y[0], box.y[1])) / norm;
    ctx.moveTo(plane.x(m.y * reach), plane.y(-m.x * reach));
    ctx.lineTo(plane.x(-m.y * reach), plane.y(m.x * reach));
  }
  ctx.strokeStyle = m.color;
  ctx.lineWidth = 2.25;
  ctx.stroke();
}
