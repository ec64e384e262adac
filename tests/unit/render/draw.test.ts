import { beforeAll, describe, expect, it } from 'vitest';
import { createPlot } from '../../../src/render/draw.ts';
import { installCanvasGlobals, recordingContext, visibleMarks } from '../support/canvas.ts';
import { fieldOf, frameOf, raceScene, runSetOf } from '../support/scene.ts';

beforeAll(installCanvasGlobals);

const scene = raceScene();

describe('drawFrame', () => {
  it('draws the layers bottom to top: bands, lines, paths, phase marks, inspector, minima, axes', () => {
    const frame = frameOf(scene, { field: fieldOf(scene), runs: runSetOf(scene) });
    const { ctx, marks, depth } = recordingContext(frame.width, frame.height);
    const before = ctx.getTransform();
    const plot = createPlot();
    plot.draw(ctx, frame);
    // Every layer leaves the context as it found it.
    expect(depth()).toBe(0);
    expect(ctx.getTransform()).toEqual(before);
    expect(plot.layers.map((layer) => layer.name)).toEqual([
      'contourFill',
      'basins',
      'contourLines',
      'ensemble',
      'paths',
      'phaseMarks',
      'inspect',
      'minima',
      'axes',
    ]);

    const kinds = visibleMarks(marks);
    const firstIndex = (test: (m: (typeof kinds)[number]) => boolean) => kinds.findIndex(test);
    const bands = firstIndex(
      (m) => m.kind === 'image' && m.content.some((c) => c.kind === 'putImage'),
    );
    const lines = firstIndex(
      (m) => m.kind === 'image' && m.content.some((c) => c.kind === 'stroke'),
    );
    const path = firstIndex(
      (m) => m.kind === 'stroke' && m.style.strokeStyle === scene.optimizers[0]!.color,
    );
    const star = firstIndex(
      (m) => m.kind === 'fill' && m.style.fillStyle === '#1b1b1f' && m.path.subpaths.length === 1,
    );
    const axis = firstIndex((m) => m.kind === 'strokeRect');
    expect([bands, lines, path, star, axis].every((i) => i >= 0)).toBe(true);
    expect(bands).toBeLessThan(lines);
    expect(lines).toBeLessThan(path);
    expect(path).toBeLessThan(star);
    expect(star).toBeLessThan(axis);
  });
});
