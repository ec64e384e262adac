import { beforeAll, describe, expect, it } from 'vitest';
import { gradientCloud } from '../../../src/engine/data/cloud.ts';
import type { DataObjective } from '../../../src/engine/data/objective.ts';
import { dataModels, defaultParams } from '../../../src/engine/functions/index.ts';
import { cloudBox } from '../../../src/render/data/cloudPlot.ts';
import { drawDataPlot, type FittedModel } from '../../../src/render/data/dataPlot.ts';
import { planeOf } from '../../../src/render/data/plane.ts';
import { RasterCache } from '../../../src/render/rasterCache.ts';
import { installCanvasGlobals, recordingContext, strokes } from '../support/canvas.ts';

const theme = { text: '#111', axis: '#666', surface: '#fff', font: 'sans-serif' };
const rect = { left: 60, top: 10, width: 300, height: 200 };

beforeAll(installCanvasGlobals);

/** The data panel of model `fn` drawn with `models`; the strokes in each model's colour. */
function modelLines(index: 0 | 1 | 2, models: FittedModel[]) {
  const fn = dataModels[index]!;
  const objective = fn.create({ ...defaultParams(fn), n: 200 }, 1) as DataObjective;
  const { ctx, marks, depth } = recordingContext(400, 300);
  const plane = drawDataPlot(ctx, {
    width: 400,
    height: 300,
    examples: objective.data.train,
    plot: fn.data!.plot,
    models,
    batch: Int32Array.from(objective.order.indices(3)),
    theme,
    cache: new RasterCache<'examples'>(),
  });
  expect(depth()).toBe(0);
  const back = ([px, py]: readonly number[]) => [
    plane.box.x[0] + (px! - plane.rect.left) / plane.kx,
    plane.box.y[0] + (plane.rect.top + plane.rect.height - py!) / plane.ky,
  ];
  return models.map((m) =>
    strokes(marks)
      .filter((s) => s.style.strokeStyle === m.color)
      .flatMap((s) => s.path.subpaths.map((points) => points.map(back))),
  );
}

describe('data plots', () => {
  it('a plane of equal aspect has one scale for both axes and holds the box asked for', () => {
    const box = { x: [-1, 3], y: [0, 1] } as const;
    const plane = planeOf(box, rect, true);
    expect(plane.kx).toBeCloseTo(plane.ky, 12);
    expect(plane.box.x[0]).toBeLessThanOrEqual(-1);
    expect(plane.box.y[1]).toBeGreaterThanOrEqual(1);
    const free = planeOf(box, rect, false);
    expect(free.x(-1)).toBe(rect.left);
    expect(free.y(1)).toBe(rect.top);
  });

  it('a regression is drawn as the line t = x·a + y of each model', () => {
    const [line] = modelLines(0, [{ x: 2, y: -1, color: '#a00' }]);
    expect(line).toHaveLength(1);
    for (const [a, t] of line![0]!) expect(t).toBeCloseTo(2 * a! - 1, 9);
  });

  it('a classifier is drawn as the boundary x·a + y·b = 0; none while θ = 0', () => {
    const [boundary, none] = modelLines(1, [
      { x: 0.8, y: 1.5, color: '#0a0' },
      { x: 0, y: 0, color: '#00a' },
    ]);
    expect(boundary).toHaveLength(1);
    const [p, q] = boundary![0]!;
    for (const [a, b] of [p!, q!]) expect(0.8 * a! + 1.5 * b!).toBeCloseTo(0, 9);
    // Long enough to cross the whole plot.
    expect(Math.hypot(p![0]! - q![0]!, p![1]! - q![1]!)).toBeGreaterThan(4);
    expect(none).toEqual([]);
  });

  it('shifted wells draw the examples’ shifts and no model: θ has no picture in the data', () => {
    const [nothing] = modelLines(2, [{ x: -1, y: 0.3, color: '#0aa' }]);
    expect(nothing).toEqual([]);
  });

  it("the cloud's box holds every example's gradient, the origin, G and the gradient used", () => {
    const fn = dataModels[1]!;
    const objective = fn.create({ ...defaultParams(fn), n: 300 }, 2) as DataObjective;
    const cloud = gradientCloud(objective, 2, -1, 0);
    const used = [5, -4] as const;
    const box = cloudBox({ cloud, used });
    const inside = (x: number, y: number) =>
      x >= box.x[0] && x <= box.x[1] && y >= box.y[0] && y <= box.y[1];
    for (let i = 0; i < cloud.n; i++) expect(inside(cloud.gx[i]!, cloud.gy[i]!)).toBe(true);
    expect(inside(0, 0) && inside(...cloud.mean) && inside(...used)).toBe(true);
  });
});
