import { beforeAll, describe, expect, it } from 'vitest';
import { HOLE } from '../../../src/engine/contours.ts';
import type { ContourField } from '../../../src/engine/field.ts';
import type { Scene } from '../../../src/engine/scene.ts';
import { fillRgb } from '../../../src/render/colors.ts';
import { contourFill } from '../../../src/render/layers/contourFill.ts';
import { contourLines } from '../../../src/render/layers/contourLines.ts';
import {
  installCanvasGlobals,
  recordingContext,
  strokes,
  visibleMarks,
  type Mark,
} from '../support/canvas.ts';
import { fieldOf, frameOf, raceScene } from '../support/scene.ts';

beforeAll(installCanvasGlobals);

const scene = raceScene();
const images = (marks: readonly Mark[]) =>
  marks.filter((m): m is Extract<Mark, { kind: 'image' }> => m.kind === 'image');

describe('contour fill layer', () => {
  it('paints each grid cell in its band’s colour, top row first, holes clear', () => {
    // A 3 × 3 field, y up: the bottom row has bands 0, 1, 2, the middle a hole, the top band 3.
    const bands = Uint8Array.from([0, 1, 2, 1, HOLE, 1, 3, 3, 3]);
    const field: ContourField = {
      n: 3,
      view: scene.view,
      fmin: 0,
      fmax: 1,
      levels: Float64Array.of(0.25, 0.5, 0.75),
      bands,
      lines: [],
      lineEvery: 1,
    };
    const { ctx, marks } = recordingContext();
    contourFill(ctx, frameOf(scene, { field }));
    const [image] = images(marks);
    const put = images(marks)[0]!.content.find((m) => m.kind === 'putImage');
    expect(image).toBeDefined();
    const { data } = (put as Extract<Mark, { kind: 'putImage' }>).image;
    const pixel = (row: number, col: number) => [
      ...data.subarray(4 * (3 * row + col), 4 * (3 * row + col) + 4),
    ];
    const band = (b: number) => [...fillRgb(b / 3), 255];
    expect(pixel(0, 0)).toEqual(band(3));
    expect(pixel(1, 0)).toEqual(band(1));
    expect(pixel(1, 1)).toEqual([0, 0, 0, 0]);
    expect([0, 1, 2].map((c) => pixel(2, c))).toEqual([band(0), band(1), band(2)]);
  });

  it('places the field’s view on the plot, cut to the plot when zoomed in', () => {
    const field = fieldOf(scene);
    const frame = frameOf(scene, { field });
    const { ctx, marks } = recordingContext();
    contourFill(ctx, frame);
    const { plot } = frame;
    const n = field.n;
    const whole = [0, 0, n, n, plot.left, plot.top, plot.width, plot.height];
    images(marks)[0]!.args.forEach((v, k) => expect(v).toBeCloseTo(whole[k]!, 9));
    // The central half of the view shows the central half of the image over the whole plot.
    const [x0, x1] = scene.view.x;
    const [y0, y1] = scene.view.y;
    const qx = (x1 - x0) / 4;
    const qy = (y1 - y0) / 4;
    const zoomed = frameOf(
      { ...scene, view: { x: [x0 + qx, x1 - qx], y: [y0 + qy, y1 - qy] } },
      { field },
    );
    const again = recordingContext();
    contourFill(again.ctx, zoomed);
    const expected = [n / 4, n / 4, n / 2, n / 2, plot.left, plot.top, plot.width, plot.height];
    images(again.marks)[0]!.args.forEach((v, k) => expect(v).toBeCloseTo(expected[k]!, 9));
  });

  it('draws nothing without a field or when the field lies outside the view', () => {
    const field = fieldOf(scene);
    const { ctx, marks } = recordingContext();
    contourFill(ctx, frameOf(scene));
    contourFill(ctx, frameOf({ ...scene, view: { x: [10, 12], y: [10, 12] } }, { field }));
    expect(images(marks)).toHaveLength(0);
  });
});

describe('contour lines layer', () => {
  it('strokes every segment of every level once, mapped from the grid onto the plot', () => {
    const field = fieldOf(scene);
    const frame = frameOf(scene, { field });
    const { ctx, marks, depth } = recordingContext(frame.width, frame.height);
    contourLines(ctx, frame);
    expect(depth()).toBe(0);
    const drawn = strokes(visibleMarks(marks));
    expect(drawn).toHaveLength(1);
    const segments = drawn[0]!.path.subpaths;
    const all = field.lines.flatMap((seg) => [...seg]);
    expect(segments).toHaveLength(all.length / 4);
    const { n, view } = field;
    const px = (u: number) => frame.scale.x(view.x[0] + ((view.x[1] - view.x[0]) * u) / n);
    const py = (v: number) => frame.scale.y(view.y[0] + ((view.y[1] - view.y[0]) * v) / n);
    segments.forEach((segment, k) => {
      const [[ax, ay], [bx, by]] = segment as [[number, number], [number, number]];
      expect(ax).toBeCloseTo(px(all[4 * k]!), 6);
      expect(ay).toBeCloseTo(py(all[4 * k + 1]!), 6);
      expect(bx).toBeCloseTo(px(all[4 * k + 2]!), 6);
      expect(by).toBeCloseTo(py(all[4 * k + 3]!), 6);
    });
    // Hairlines: one device pixel.
    expect(drawn[0]!.style.lineWidth).toBe(1);
  });

  it('reuses its raster while field and view stay, and redraws for a new field', () => {
    const field = fieldOf(scene);
    const frame = frameOf(scene, { field });
    const { ctx, marks } = recordingContext(frame.width, frame.height);
    contourLines(ctx, frame);
    contourLines(ctx, frame);
    const blits = images(marks);
    expect(blits).toHaveLength(2);
    // Both frames show the same lines, stroked once.
    expect(strokes(blits[0]!.content)).toEqual(strokes(blits[1]!.content));
    const raster = blits[0]!.source as { recorder: { marks: Mark[] } };
    expect(strokes(raster.recorder.marks)).toHaveLength(1);
    contourLines(ctx, frameOf(scene, { field: fieldOf(scene, 40) }));
    expect(strokes(raster.recorder.marks)).toHaveLength(2);
  });

  it('stretches its last lines onto a moving view until the field for that view arrives', () => {
    const field = fieldOf(scene);
    const frame = frameOf(scene, { field });
    const { ctx, marks } = recordingContext(frame.width, frame.height);
    contourLines(ctx, frame);
    const raster = images(marks)[0]!.source as { recorder: { marks: Mark[] } };
    // Zoomed in about an off-centre point: the new field is still computing.
    const { x, y } = scene.view;
    const zoomed: Scene = {
      ...scene,
      view: { x: [x[0] + 0.5, x[1] - 1], y: [y[0] + 1, y[1] - 0.25] },
    };
    const moved = frameOf(zoomed, { field });
    const from = marks.length;
    contourLines(ctx, moved);
    expect(strokes(raster.recorder.marks)).toHaveLength(1);
    const blit = images(marks.slice(from))[0]!;
    // The bitmap's corners, the old view's corners, land where the new view puts them.
    const [dx, dy, w, h] = blit.args as [number, number, number, number];
    const t = blit.style.transform;
    const at = (u: number, v: number) => [t.a * u + t.c * v + t.e, t.b * u + t.d * v + t.f];
    const [ax, ay] = at(dx, dy);
    const [bx, by] = at(dx + w, dy + h);
    expect(ax).toBeCloseTo(moved.scale.x(x[0]), 6);
    expect(ay).toBeCloseTo(moved.scale.y(y[1]), 6);
    expect(bx).toBeCloseTo(moved.scale.x(x[1]), 6);
    expect(by).toBeCloseTo(moved.scale.y(y[0]), 6);
    // The field of the new view is stroked afresh, unstretched.
    contourLines(ctx, frameOf(zoomed, { field: fieldOf(zoomed) }));
    expect(strokes(raster.recorder.marks)).toHaveLength(2);
    expect(images(marks).at(-1)!.style.transform).toEqual(images(marks)[0]!.style.transform);
  });
});
