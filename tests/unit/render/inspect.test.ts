import { describe, expect, it } from 'vitest';
import { inspectRun } from '../../../src/engine/inspect.ts';
import { inspectGeometry } from '../../../src/render/layers/inspect.ts';
import { frameOf, raceScene, runSetOf } from '../support/scene.ts';

const scene = raceScene();
// Momentum (optimizer 1) recorded step by step, as the inspect worker sends it.
const inspection = { scene, index: 1, inspection: inspectRun(scene, 1) };

describe('inspect layer geometry', () => {
  it('puts −g, the direction and the step at the inspected step, from the point before it', () => {
    const frame = frameOf(scene, { runs: runSetOf(scene), inspection, cursor: 5 });
    const geometry = inspectGeometry(frame)!;
    expect(geometry.step).toBe(5);
    expect(geometry.arrows.map((a) => a.kind)).toEqual(['gradient', 'direction', 'step']);
    const { x, y } = inspection.inspection;
    for (const arrow of geometry.arrows) {
      expect(arrow.from[0]).toBeCloseTo(frame.scale.x(x[4]!), 9);
      expect(arrow.from[1]).toBeCloseTo(frame.scale.y(y[4]!), 9);
    }
  });

  it('draws nothing for an optimizer whose path is hidden', () => {
    const hidden = scene.optimizers.map((_, k) => k === 1);
    const frame = frameOf(scene, { runs: runSetOf(scene), inspection, cursor: 5, hidden });
    expect(inspectGeometry(frame)).toBeNull();
    const others = scene.optimizers.map((_, k) => k === 0);
    expect(
      inspectGeometry(frameOf(scene, { inspection, cursor: 5, hidden: others })),
    ).not.toBeNull();
  });
});
