import { beforeAll, describe, expect, it } from 'vitest';
import { basinCount, fillBasinPixels, readingOf } from '../../../src/render/basinCells.ts';
import { basinPalette } from '../../../src/render/basinColours.ts';
import { basinsLayer, shownBasins } from '../../../src/render/layers/basins.ts';
import { sameFunction } from '../../../src/render/sweepShown.ts';
import {
  installCanvasGlobals,
  recorderOf,
  recordingContext,
  type Mark,
} from '../support/canvas.ts';
import { frameOf } from '../support/scene.ts';
import { himmelblauBasins, pictureOf, sweepScene } from '../support/sweepPicture.ts';

beforeAll(installCanvasGlobals);

const images = (marks: readonly Mark[]) =>
  marks.filter((m): m is Extract<Mark, { kind: 'image' }> => m.kind === 'image');
const puts = (marks: readonly Mark[]) =>
  marks.filter((m): m is Extract<Mark, { kind: 'putImage' }> => m.kind === 'putImage');

const scene = himmelblauBasins('adam', 0.1, 16);
const picture = pictureOf(scene);

describe('basin map layer', () => {
  it('paints every start’s colour, one pixel a cell, over the plot where its view lies', () => {
    const { ctx, marks, depth } = recordingContext();
    const frame = frameOf(scene, { sweep: picture });
    basinsLayer()(ctx, frame);
    expect(depth()).toBe(0);
    const [image] = images(marks);
    const { plot } = frame;
    expectArgs(image!.args, [0, 0, 16, 16, plot.left, plot.top, plot.width, plot.height]);
    const put = image!.content.find((m) => m.kind === 'putImage') as Extract<
      Mark,
      { kind: 'putImage' }
    >;
    const expected = new Uint32Array(256);
    const palette = basinPalette(basinCount(picture.columns, 4));
    fillBasinPixels(expected, 16, picture.columns, picture.level, palette, readingOf(200, true));
    expect([...new Uint32Array(put.image.data.buffer)]).toEqual([...expected]);
  });

  it('marks each minimum with a disc in its hue and its number', () => {
    const { ctx, marks } = recordingContext();
    basinsLayer()(ctx, frameOf(scene, { sweep: picture }));
    const numbers = marks.filter((m) => m.kind === 'text').map((m) => m.text);
    expect(numbers).toEqual(['1', '2', '3', '4']);
  });

  it('draws nothing unless the basin view is open and the sweep is a basin map of this function', () => {
    const layer = basinsLayer();
    const draws = (frame: Parameters<typeof shownBasins>[0]) => {
      const { ctx, marks } = recordingContext();
      layer(ctx, frame);
      return images(marks).length;
    };
    expect(draws(frameOf(scene, { sweep: picture }))).toBe(1);
    expect(
      draws(frameOf({ ...scene, sweep: { ...scene.sweep!, view: 'map' } }, { sweep: picture })),
    ).toBe(0);
    expect(draws(frameOf(scene, { sweep: null }))).toBe(0);
    const seeds = pictureOf(
      sweepScene({ fn: { id: 'himmelblau' }, steps: 20, optimizers: [{ type: 'adam' }] }, 'seeds', {
        seeds: { count: 3 },
      }),
    );
    expect(
      draws(frameOf(scene, { sweep: { ...seeds, scene: { ...seeds.scene, fn: scene.fn } } })),
    ).toBe(0);
    // Another function's map (the function just changed) is not drawn over the new one.
    const other = { ...scene, fn: { id: 'booth', params: {} } };
    expect(draws(frameOf(other, { sweep: picture }))).toBe(0);
  });

  it('repaints its raster as cells arrive: on a quarter more cells, and at the end', () => {
    const layer = basinsLayer();
    const coarse = pictureOf(scene, 1);
    const { ctx, marks } = recordingContext();
    /** Images the layer put into its raster so far. */
    const painted = () => puts(recorderOf(images(marks)[0]!.source)!.marks).length;
    layer(ctx, frameOf(scene, { sweep: coarse }));
    layer(ctx, frameOf(scene, { sweep: coarse }));
    expect(painted()).toBe(1);
    // Parts of the same sweep, as the progress feed publishes them: its levels filled in place,
    // a new progress object with the count. One more cell is not worth a repaint…
    const second = pictureOf(scene, 2);
    const one = second.level.findIndex((l, c) => l === 2 && coarse.level[c] === 0);
    coarse.level[one] = 2;
    layer(ctx, frameOf(scene, { sweep: { ...coarse, computed: coarse.computed + 1 } }));
    expect(painted()).toBe(1);
    // …a quarter more is,
    coarse.level.set(second.level);
    layer(ctx, frameOf(scene, { sweep: { ...coarse, computed: second.computed } }));
    expect(painted()).toBe(2);
    // and so is the end, however few cells it adds.
    coarse.level.set(picture.level);
    const end = { ...coarse, computed: picture.computed, done: true };
    layer(ctx, frameOf(scene, { sweep: { ...end, computed: second.computed + 1, done: false } }));
    expect(painted()).toBe(2);
    layer(ctx, frameOf(scene, { sweep: end }));
    expect(painted()).toBe(3);
  });

  it('places an older view’s map where that view lies until the new view’s arrives', () => {
    const zoomed = {
      ...scene,
      view: { x: [0, 5] as [number, number], y: [0, 5] as [number, number] },
    };
    const frame = frameOf(zoomed, { sweep: picture });
    const { ctx, marks } = recordingContext();
    basinsLayer()(ctx, frame);
    const [image] = images(marks);
    const { plot } = frame;
    // Only the old map's upper-right quarter falls inside the new view, stretched over the plot.
    expectArgs(image!.args, [8, 0, 8, 8, plot.left, plot.top, plot.width, plot.height]);
  });
});

/** Drawing arguments equal to `expected` up to rounding. */
function expectArgs(args: readonly number[], expected: readonly number[]): void {
  expect(args).toHaveLength(expected.length);
  args.forEach((v, k) => expect(v).toBeCloseTo(expected[k]!, 9));
}

describe('the function a sweep belongs to', () => {
  it('is the same by value: id, typed expression and parameters', () => {
    const fn = { id: 'rosenbrock', params: { a: 1, b: 100 } };
    expect(sameFunction(fn, { id: 'rosenbrock', params: { a: 1, b: 100 } })).toBe(true);
    expect(sameFunction(fn, { id: 'rosenbrock', params: { a: 1, b: 50 } })).toBe(false);
    expect(sameFunction(fn, { id: 'rosenbrock', params: { a: 1 } })).toBe(false);
    expect(sameFunction(fn, { id: 'beale', params: { a: 1, b: 100 } })).toBe(false);
    const typed = { id: 'custom', params: {}, expr: 'x^2 + y^2' };
    expect(sameFunction(typed, { ...typed })).toBe(true);
    expect(sameFunction(typed, { ...typed, expr: 'x^2 + 2*y^2' })).toBe(false);
  });
});

describe('a new basin map with nothing computed yet', () => {
  it('leaves the last map standing where its view lies, instead of a blank', () => {
    const layer = basinsLayer();
    const { ctx, marks } = recordingContext();
    layer(ctx, frameOf(scene, { sweep: picture }));
    const raster = recorderOf(images(marks)[0]!.source)!;
    const puts = raster.marks.length;
    const zoomed = {
      ...scene,
      view: { x: [0, 5] as [number, number], y: [0, 5] as [number, number] },
    };
    const next = pictureOf(zoomed, 0);
    const frame = frameOf(zoomed, { sweep: next });
    layer(ctx, frame);
    // Not repainted (it would be clear), and placed at the old map's view.
    expect(raster.marks).toHaveLength(puts);
    const { plot } = frame;
    expectArgs(images(marks)[1]!.args, [8, 0, 8, 8, plot.left, plot.top, plot.width, plot.height]);
    // Once the new map's first cells arrive, it is painted.
    const first = pictureOf(zoomed, 1);
    next.level.set(first.level);
    layer(ctx, frameOf(zoomed, { sweep: { ...next, computed: first.computed } }));
    expect(raster.marks.length).toBeGreaterThan(puts);
  });
});
