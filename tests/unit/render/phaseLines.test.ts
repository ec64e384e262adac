import { beforeAll, describe, expect, it } from 'vitest';
import { pxPerStep } from '../../../src/render/chart/layout.ts';
import { createLossChart, plotRect } from '../../../src/render/lossChart.ts';
import { installCanvasGlobals, recordingContext, strokes } from '../support/canvas.ts';
import { runSetOf, sceneOf } from '../support/scene.ts';

beforeAll(installCanvasGlobals);

const scene = sceneOf({
  v: 1,
  fn: { id: 'rosenbrock' },
  start: [-1.5, 2],
  steps: 200,
  optimizers: [
    { type: 'adam', lr: 0.02, color: '#0072b2', phases: [{ from: 80, type: 'sgd', lr: 1e-4 }] },
    { type: 'sgd', lr: 1e-3, color: '#e69f00' },
  ],
});
const W = 640;
const H = 220;
const plot = plotRect(W, H);
const theme = { text: '#111111', axis: '#555555', font: 'sans-serif', surface: '#ffffff' };

/** The vertical strokes spanning the plot's height in `color`, as x positions. */
function switchLines(cursor: number, hidden = [false, false]): number[] {
  const { ctx, marks } = recordingContext(W, H);
  createLossChart().draw(ctx, {
    width: W,
    height: H,
    runSet: runSetOf(scene),
    hidden,
    cursor,
    hoverStep: null,
    theme,
  });
  return strokes(marks)
    .filter((m) => m.style.strokeStyle === '#0072b2')
    .map((m) => m.path.subpaths[0]!)
    .filter((s) => s.length === 2 && s[0]![0] === s[1]![0] && s[0]![1] === plot.top)
    .filter((s) => s[1]![1] === plot.top + plot.height)
    .map((s) => s[0]![0]);
}

describe('the loss chart marks where a run switched optimizers', () => {
  it('draws a vertical line in the run’s colour at the switch step', () => {
    const x = Math.round(plot.left + 80 * pxPerStep(plot, 200)) + 0.5;
    expect(switchLines(200)).toEqual([x]);
  });

  it('not before the cursor reaches it, nor for a hidden run', () => {
    expect(switchLines(79)).toEqual([]);
    expect(switchLines(200, [true, false])).toEqual([]);
  });
});
