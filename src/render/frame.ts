import type { ContourField } from '../engine/field.ts';
import type { Scene } from '../engine/scene.ts';
import type { Box, Vec2 } from '../engine/types.ts';
import type { InspectResult } from '../workers/inspectClient.ts';
import type { RunSet } from '../workers/runs.ts';
import type { SweepProgress } from '../workers/sweepClient.ts';

/** Colours and type the layers take from the page's stylesheet. */
export interface Theme {
  readonly text: string;
  readonly axis: string;
  readonly font: string;
}

/** A rectangle in CSS pixels. */
export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Maps maths coordinates (y up) onto CSS pixels (y down): the only place y flips. */
export interface Scale {
  x(x: number): number;
  y(y: number): number;
  /** The maths x at a CSS pixel column. */
  invertX(px: number): number;
  /** The maths y at a CSS pixel row. */
  invertY(py: number): number;
}

/** Everything a layer needs to draw one frame; the context is already scaled to CSS pixels. */
export interface Frame {
  /** Canvas size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** The plot area inside the axes. */
  readonly plot: Rect;
  readonly view: Box;
  readonly scale: Scale;
  readonly theme: Theme;
  /** What the plot shows; it changes with the store. */
  readonly content: PlotContent;
}

/** The data a frame draws: the scene from the store, and what the workers computed for it. */
export interface PlotContent {
  /** The current scene (start point, function), from the store. */
  readonly scene: Scene;
  /** Known minima of the scene's function. */
  readonly minima: readonly Vec2[];
  /** The newest trajectories that have started arriving; maybe of an older scene. Null at first. */
  readonly runs: RunSet | null;
  /** Hidden optimizers by index into `runs.scene.optimizers`. */
  readonly hidden: readonly boolean[];
  /** The contour field of the newest view computed; maybe of an older view. Null at first. */
  readonly field: ContourField | null;
  /** The playback cursor: paths are drawn through this step. */
  readonly cursor: number;
  /** The step highlighted from the loss chart or a path, or null. */
  readonly hoverStep: number | null;
  /** The inspected optimizer's recorded run when it belongs to this scene, else null. */
  readonly inspection?: InspectResult | null;
  /** The newest sweep's progress (maybe of an older scene or another view); null when none. */
  readonly sweep?: SweepPicture | null;
  /**
   * A plane of a network's parameters instead of the function's (x, y): the axes' names, what
   * its contours are of ("training loss", "test loss": the colour key's name) and the runs' shared
   * start on it, or null before its runs arrive. Absent for a function's scene.
   */
  readonly plane?: {
    readonly axes: readonly [string, string];
    readonly field: string;
    readonly start: Vec2 | null;
  };
}

/**
 * A sweep as the landscape's sweep layers read it: the sweep workers' progress (its scene, whose
 * `sweep.view` says which view; its plan; its columns and levels, filled in place; how many cells
 * are computed; whether it is done).
 */
export type SweepPicture = Pick<
  SweepProgress,
  'scene' | 'plan' | 'columns' | 'level' | 'computed' | 'done'
>;

/** One layer of the plot. Layers draw in order and leave the context as they found it. */
export type Layer = (ctx: CanvasRenderingContext2D, frame: Frame) => void;

/** Room for tick labels and axis names, in CSS pixels. */
const MARGIN = { top: 12, right: 16, bottom: 42, left: 52 } as const;

/** The plot's height for a width: the view's aspect ratio, kept between 1:2 and 1:1. */
export function plotHeight(width: number, view: Box): number {
  const plotWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const aspect = (view.y[1] - view.y[0]) / (view.x[1] - view.x[0]);
  return Math.round(plotWidth * Math.min(1, Math.max(0.5, aspect))) + MARGIN.top + MARGIN.bottom;
}

/** A frame for a canvas of `width` × `height` CSS pixels showing `view`. */
export function makeFrame(
  width: number,
  height: number,
  view: Box,
  content: PlotContent,
  theme: Theme,
): Frame {
  const plot: Rect = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: Math.max(1, width - MARGIN.left - MARGIN.right),
    height: Math.max(1, height - MARGIN.top - MARGIN.bottom),
  };
  const [x0, x1] = view.x;
  const [y0, y1] = view.y;
  const kx = plot.width / (x1 - x0);
  const ky = plot.height / (y1 - y0);
  const scale: Scale = {
    x: (x) => plot.left + (x - x0) * kx,
    y: (y) => plot.top + plot.height - (y - y0) * ky,
    invertX: (px) => x0 + (px - plot.left) / kx,
    invertY: (py) => y0 + (plot.top + plot.height - py) / ky,
  };
  return { width, height, plot, view, scale, theme, content };
}

/** Restricts drawing to the plot area until the matching `ctx.restore()`. */
export function clipToPlot(ctx: CanvasRenderingContext2D, { plot }: Frame): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.width, plot.height);
  ctx.clip();
}
