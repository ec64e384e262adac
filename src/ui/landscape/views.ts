import { functionOf } from '../../engine/functions/index.ts';
import type { Box } from '../../engine/types.ts';
import type { LabState } from '../../state/store.ts';

/** How much one press of + or − (or the zoom buttons) zooms. */
export const ZOOM_STEP = 1.5;

/** The function's own view, which zoom transforms are relative to (a typed function's: the current view). */
export const baseView = (s: LabState): Box => functionOf(s.fn)?.view ?? s.view;

/** Zooms `view` about its centre by `factor` (> 1 zooms in). */
export function zoomView(view: Box, factor: number): Box {
  const cx = (view.x[0] + view.x[1]) / 2;
  const cy = (view.y[0] + view.y[1]) / 2;
  const hx = (view.x[1] - view.x[0]) / 2 / factor;
  const hy = (view.y[1] - view.y[0]) / 2 / factor;
  return { x: [cx - hx, cx + hx], y: [cy - hy, cy + hy] };
}
