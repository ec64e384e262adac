import type { Frame, Layer } from './frame.ts';
import { axes } from './layers/axes.ts';
import { contourFill } from './layers/contourFill.ts';
import { contourLines } from './layers/contourLines.ts';
import { inspect } from './layers/inspect.ts';
import { minima } from './layers/minima.ts';
import { paths } from './layers/paths.ts';

/** The plot's layers, bottom to top: adding a layer means adding a file and a line here. */
export const layers: readonly Layer[] = [contourFill, contourLines, paths, inspect, minima, axes];

/** Draws every layer of the frame, in order. */
export function drawFrame(ctx: CanvasRenderingContext2D, frame: Frame): void {
  for (const layer of layers) layer(ctx, frame);
}
