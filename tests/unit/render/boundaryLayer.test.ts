import { beforeAll, describe, expect, it } from 'vitest';
import type { Examples } from '../../../src/engine/data/examples.ts';
import {
  boundaryColour,
  drawBoundary,
  type OutputPicture,
} from '../../../src/render/network/boundaryLayer.ts';
import { LABEL_COLOURS } from '../../../src/render/data/dataPlot.ts';
import {
  fills,
  installCanvasGlobals,
  recordingContext,
  recorderOf,
  strokes,
  type Mark,
  type RecordingImageData,
} from '../support/canvas.ts';

const theme = { text: '#111', axis: '#666', surface: '#fff', font: 'sans-serif' };
const box = { x: [-2, 4] as const, y: [-3, 3] as const };

beforeAll(installCanvasGlobals);

/** A picture of σ(4·(x − 1)) on an n × n grid over the box: its ½ line is x = 1. */
function picture(n: number): OutputPicture {
  const values = new Float64Array(n * n);
  const dx = (box.x[1] - box.x[0]) / n;
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++)
      values[i + j * n] = 1 / (1 + Math.exp(-4 * (box.x[0] + (i + 0.5) * dx - 1)));
  // One hole, top-left cell (i = 0, j = n − 1): a diverged net's NaN.
  values[(n - 1) * n] = NaN;
  return { values, n, box };
}

const examples = (points: [number, number, number][]): Examples => ({
  n: points.length,
  a: Float64Array.from(points, (p) => p[0]),
  b: Float64Array.from(points, (p) => p[1]),
  t: Float64Array.from(points, (p) => p[2]),
});
const train = examples([
  [0, 0, 0],
  [2, 1, 1],
  [3, -2, 1],
]);
const test = examples([[-1, 2, 0]]);

function draw(p: OutputPicture | null, labels = true) {
  const rec = recordingContext(400, 300);
  const plane = drawBoundary(rec.ctx, {
    width: 400,
    height: 300,
    picture: p,
    range: [0, 1],
    level: 0.5,
    labels,
    train,
    test,
    box,
    theme,
  });
  expect(rec.depth()).toBe(0);
  return { ...rec, plane };
}

const images = (marks: readonly Mark[]) => marks.filter((m) => m.kind === 'image');

describe('the decision-boundary layer', () => {
  it('paints one pixel per cell, top row first, in the diverging scale; a NaN cell stays clear', () => {
    const n = 16;
    const p = picture(n);
    const { marks, plane } = draw(p);
    const [image] = images(marks);
    expect(image).toBeDefined();
    if (image?.kind !== 'image') throw new Error('no image');
    // Drawn over exactly the grid's box.
    const [, , sw, sh, dx, dy, dw, dh] = image.args;
    expect([sw, sh]).toEqual([n, n]);
    expect(dx).toBeCloseTo(plane.x(box.x[0]), 9);
    expect(dy).toBeCloseTo(plane.y(box.y[1]), 9);
    expect(dx! + dw!).toBeCloseTo(plane.x(box.x[1]), 9);
    expect(dy! + dh!).toBeCloseTo(plane.y(box.y[0]), 9);
    const put = recorderOf(image.source)!.marks.find((m) => m.kind === 'putImage');
    const data = (put as { image: RecordingImageData }).image.data;
    const rgb = (i: number, row: number) => {
      const at = 4 * (i + row * n);
      return `rgb(${data[at]} ${data[at + 1]} ${data[at + 2]})`;
    };
    // Image row 0 is the grid's top row j = n − 1; its first cell is the NaN.
    expect(data[3]).toBe(0);
    expect(data[4 * n + 3]).toBe(255);
    // Each cell the scale's colour of its value (rounded to the palette's step).
    for (const [i, j] of [
      [1, n - 1],
      [n - 1, 0],
      [5, 7],
    ] as const) {
      expect(rgb(i, n - 1 - j)).toBe(boundaryColour(p.values[i + j * n]!));
    }
    // The ends and the middle: the labels' sides differ, and the middle is light and grey.
    expect(boundaryColour(0)).not.toBe(boundaryColour(1));
    const mid = boundaryColour(0.5).match(/\d+/g)!.map(Number);
    expect(Math.max(...mid) - Math.min(...mid)).toBeLessThan(4);
    expect(Math.min(...mid)).toBeGreaterThan(235);
  });

  it('traces the ½ line where the output crosses ½', () => {
    const { marks, plane } = draw(picture(32));
    const line = strokes(marks).find(
      (s) => s.style.strokeStyle === theme.text && s.style.lineWidth === 2,
    );
    expect(line).toBeDefined();
    const xs = line!.path.subpaths
      .flat()
      .map(([px]) => box.x[0] + (px - plane.x(box.x[0])) / plane.kx);
    expect(xs.length).toBeGreaterThan(10);
    for (const x of xs) expect(x).toBeCloseTo(1, 1);
  });

  it('draws every example in its label’s colour: training examples as dots, test ones as squares', () => {
    for (const p of [picture(8), null]) {
      const { marks } = draw(p);
      const hollow = strokes(marks).filter((s) => s.style.strokeStyle === LABEL_COLOURS[0]);
      const filled = fills(marks).filter((s) => s.style.fillStyle === LABEL_COLOURS[1]);
      // Label 0: one training dot, one test square; label 1: two training dots, no test.
      const dots = (ms: typeof hollow) => ms.reduce((k, m) => k + m.path.arcs.length, 0);
      const squares = (ms: typeof hollow) =>
        ms.reduce((k, m) => k + m.path.subpaths.filter((s) => s.length === 5).length, 0);
      expect([dots(hollow), squares(hollow), dots(filled), squares(filled)]).toEqual([1, 1, 2, 0]);
      // Without a picture (the step's parameters unknown), no map and no line.
      if (!p) expect(images(marks)).toEqual([]);
    }
  });

  it('a regression’s examples are not labels: all hollow, in the text colour, over the fill', () => {
    const { marks } = draw(picture(8), false);
    const label = (m: { style: { strokeStyle: unknown; fillStyle: unknown } }) =>
      (LABEL_COLOURS as readonly unknown[]).includes(m.style.strokeStyle) ||
      (LABEL_COLOURS as readonly unknown[]).includes(m.style.fillStyle);
    expect([...strokes(marks), ...fills(marks)].filter(label)).toEqual([]);
    const rings = strokes(marks).filter(
      (s) => s.style.strokeStyle === theme.text && s.path.arcs.length,
    );
    expect(rings.reduce((k, m) => k + m.path.arcs.length, 0)).toBe(train.n);
  });
});
