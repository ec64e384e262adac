/** A rectangle in CSS pixels. */
export interface PlotRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Room for tick labels and axis names, in CSS pixels. */
const MARGIN = { top: 10, right: 14, bottom: 34, left: 64 } as const;

/** The plot area of a `width` × `height` chart. */
export const plotRect = (width: number, height: number): PlotRect => ({
  left: MARGIN.left,
  top: MARGIN.top,
  width: Math.max(1, width - MARGIN.left - MARGIN.right),
  height: Math.max(1, height - MARGIN.top - MARGIN.bottom),
});

/** Pixels per step when steps 0…steps span the plot's width. */
export const pxPerStep = (plot: PlotRect, steps: number): number => plot.width / Math.max(1, steps);

/** The playback cursor as a whole step in 0…steps (NaN counts as 0). */
export function clipCursor(cursor: number, steps: number): number {
  if (!(cursor > 0)) return 0;
  return Math.min(Math.max(0, steps), Math.floor(cursor));
}

/** The last index of a run of `length` points drawn with the cursor at `cursor`; −1 for none. */
export const drawnEnd = (length: number, cursor: number, steps: number): number =>
  Math.min(length - 1, clipCursor(cursor, steps));

/** The step under a pointer `px` CSS pixels from the canvas's left edge, clamped to 0…steps. */
export function stepAt(px: number, plot: PlotRect, steps: number): number {
  const step = Math.round((px - plot.left) / pxPerStep(plot, steps));
  return Number.isFinite(step) ? Math.min(Math.max(0, steps), Math.max(0, step)) : 0;
}
