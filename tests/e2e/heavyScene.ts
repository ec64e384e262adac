/**
 * The largest valid scene over a view its function cannot be sampled in: 20 × 100,000 steps of
 * sin(x)·cos(y) over ±10⁶, where every grid cell of the contours crosses levels (1.3 M segments
 * of iso-lines, which blocked the page for about a second to build and stroke).
 */
export const heavyScene = {
  v: 1,
  fn: { id: 'custom', expr: 'sin(x)*cos(y)' },
  view: { x: [-1e6, 1e6], y: [-1e6, 1e6] },
  steps: 100_000,
  optimizers: Array.from({ length: 20 }, (_, i) =>
    i % 2
      ? { type: 'adam', lr: 0.01 * (i + 1) }
      : { type: 'sgd', lr: 0.01 * (i + 1), momentum: 0.9 },
  ),
};
