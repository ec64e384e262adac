import type { Frame, Layer } from './frame.ts';
import { axes } from './layers/axes.ts';
import { basinsLayer } from './layers/basins.ts';
import { contourFill } from './layers/contourFill.ts';
import { contourLines } from './layers/contourLines.ts';
import { ensembleLayer } from './layers/ensemble.ts';
import { inspect } from './layers/inspect.ts';
import { minima } from './layers/minima.ts';
import { pathsLayer } from './layers/paths.ts';
import { phaseMarks } from './layers/phaseMarks.ts';

/** The plot of one canvas: its layers, and what they remember between its frames. */
export interface Plot {
  /** Bottom to top: adding a layer means adding a file and a line in `createPlot`. */
  readonly layers: readonly Layer[];
  /** Draws every layer of the frame, in order. */
  draw(ctx: CanvasRenderingContext2D, frame: Frame): void;
  /**
   * Milliseconds until paths drawn in draft (they just changed, or the view or cursor moves), or
   * a seed ensemble stretched while the view moved, deserve a full-quality frame; 0 while a group
   * waits its turn; null if nothing waits.
   */
  settlesIn(): number | null;
  /** True when the last frame drew some path in draft (see PathsLayer.drafted). */
  drafted(): boolean;
}

/** A plot for one canvas: each canvas gets its own, so no canvas sees another's bookkeeping. */
export function createPlot(): Plot {
  const paths = pathsLayer();
  const ensemble = ensembleLayer();
  // The basin map covers the contour fill (one colour scale at a time) under the iso-lines; the
  // seed ensemble's fan lies under the scene's own paths.
  const layers = [
    contourFill,
    basinsLayer(),
    contourLines,
    ensemble.draw,
    paths.draw,
    phaseMarks,
    inspect,
    minima,
    axes,
  ];
  return {
    layers,
    draw: (ctx, frame) => {
      for (const layer of layers) layer(ctx, frame);
    },
    settlesIn: () => {
      const waits = [paths.settlesIn(), ensemble.settlesIn()].filter((w) => w !== null);
      return waits.length ? Math.min(...waits) : null;
    },
    drafted: paths.drafted,
  };
}
