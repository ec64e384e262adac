import { describe, expect, it } from 'vitest';
import { getFunction } from '../../../src/engine/functions/index.ts';
import { minima } from '../../../src/render/layers/minima.ts';
import { fills, recordingContext } from '../support/canvas.ts';
import { frameOf, sceneOf } from '../support/scene.ts';

const himmelblau = sceneOf({
  v: 1,
  fn: { id: 'himmelblau' },
  steps: 10,
  optimizers: [{ type: 'sgd' }],
});

/** The centres of the stars drawn for the scene's minima in `view`. */
function stars(view: { x: [number, number]; y: [number, number] }) {
  const frame = frameOf({ ...himmelblau, view });
  const { ctx, marks, depth } = recordingContext();
  minima(ctx, frame);
  expect(depth()).toBe(0);
  return {
    frame,
    centres: fills(marks).map((m) => {
      const points = m.path.subpaths[0]!.slice(0, 10);
      expect(points).toHaveLength(10);
      return [
        points.reduce((s, p) => s + p[0], 0) / 10,
        points.reduce((s, p) => s + p[1], 0) / 10,
      ] as const;
    }),
  };
}

describe('minima layer', () => {
  it('stars every known minimum inside the view, centred on it', () => {
    const known = getFunction('himmelblau')!.minima({});
    expect(known).toHaveLength(4);
    const { frame, centres } = stars({ x: [-5, 5], y: [-5, 5] });
    expect(centres).toHaveLength(4);
    known.forEach(([x, y], k) => {
      // A five-pointed star's ten vertices average to its centre only approximately.
      expect(
        Math.hypot(centres[k]![0] - frame.scale.x(x), centres[k]![1] - frame.scale.y(y)),
      ).toBeLessThan(1.5);
    });
  });

  it('leaves out minima outside the view', () => {
    // Only (3, 2) lies in the first quadrant's corner [2, 5]².
    expect(stars({ x: [2, 5], y: [0, 5] }).centres).toHaveLength(1);
    expect(stars({ x: [10, 20], y: [10, 20] }).centres).toHaveLength(0);
  });
});
