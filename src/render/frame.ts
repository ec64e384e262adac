import type { Box } from '../engine/types.ts';
import type { SceneResult } from '../workers/protocol.ts';

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
  readonly result: SceneResult;
  readonly theme: Theme;
}

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

/** A frame for a canvas of `width` × `height` CSS pixels. */
export function makeFrame(width: number, height: number, result: SceneResult, theme: Theme): Frame {
  const plot: Rect = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: Math.max(1, width - MARGIN.left - MARGIN.right),
    height: Math.max(1, height - MARGIN.top - MARGIN.bottom),
  };
  const view = result.scene.view;
  const [x0, x1] = view.x;
  const [y0, y1] = view.y;
  const kx = plot.width / (x1 - x0);
  const ky = plot.height / (y1 - y0);
  const scale: Scale = {
    x: (x) => plot.left + (x - x0) * kx,
    y: (y) => plot.top + plot.height - (y - y0) * ky,
  };
  return { width, height, plot, view, scale, result, theme };
}

/** Restricts drawing to the plot area until the matching `ctx.restore()`. */
export function clipToPlot(ctx: CanvasRenderingContext2D, { plot }: Frame): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.width, plot.height);
  ctx.clip();
}
