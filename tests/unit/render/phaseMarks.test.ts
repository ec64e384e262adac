import { describe, expect, it } from 'vitest';
import { phaseMarksOf, phaseMarks } from '../../../src/render/layers/phaseMarks.ts';
import { fills, recordingContext } from '../support/canvas.ts';
import { frameOf, runSetOf, sceneOf } from '../support/scene.ts';

const scene = sceneOf({
  v: 1,
  fn: { id: 'rosenbrock' },
  start: [-1.5, 2],
  steps: 100,
  optimizers: [
    { type: 'sgd', lr: 1e-3, color: '#0072b2' },
    {
      type: 'adam',
      lr: 0.05,
      color: '#e69f00',
      phases: [
        { from: 30, type: 'sgd', lr: 1e-4, momentum: 0.9 },
        { from: 70, type: 'rmsprop', lr: 1e-3 },
      ],
    },
  ],
});

/** The diamonds drawn and their centres, for a frame of the scene with `content` overrides. */
function drawn(content: Parameters<typeof frameOf>[1] = {}, upTo = Infinity) {
  const frame = frameOf(scene, { runs: runSetOf(scene, upTo), ...content });
  const { ctx, marks, depth } = recordingContext();
  phaseMarks(ctx, frame);
  expect(depth()).toBe(0);
  const diamonds = fills(marks).map((m) => {
    const points = m.path.subpaths[0]!;
    return {
      color: m.style.fillStyle,
      centre: [(points[0]![0] + points[2]![0]) / 2, (points[1]![1] + points[3]![1]) / 2],
    };
  });
  return { frame, diamonds };
}

describe('phase marks layer', () => {
  it('marks each switch point of a phased run in its colour, on the path', () => {
    const { frame, diamonds } = drawn();
    const run = frame.content.runs!.runs[1]!;
    expect(diamonds).toHaveLength(2);
    [30, 70].forEach((from, i) => {
      expect(diamonds[i]!.color).toBe('#e69f00');
      expect(diamonds[i]!.centre[0]).toBeCloseTo(frame.scale.x(run.x[from]!), 9);
      expect(diamonds[i]!.centre[1]).toBeCloseTo(frame.scale.y(run.y[from]!), 9);
    });
    expect(phaseMarksOf(frame).map((m) => [m.run, m.from, m.type])).toEqual([
      [1, 30, 'sgd'],
      [1, 70, 'rmsprop'],
    ]);
  });

  it('shows a switch only once the cursor and the streamed points have reached it', () => {
    expect(drawn({ cursor: 29 }).diamonds).toHaveLength(0);
    expect(drawn({ cursor: 30 }).diamonds).toHaveLength(1);
    expect(drawn({}, 50).diamonds).toHaveLength(1);
  });

  it('draws nothing for a hidden run or a scene without phases', () => {
    expect(drawn({ hidden: [false, true] }).diamonds).toHaveLength(0);
    const plain = sceneOf({
      v: 1,
      fn: { id: 'rosenbrock' },
      steps: 50,
      optimizers: [{ type: 'adam' }],
    });
    const frame = frameOf(plain, { runs: runSetOf(plain) });
    const { ctx, marks } = recordingContext();
    phaseMarks(ctx, frame);
    expect(marks).toHaveLength(0);
  });
});
