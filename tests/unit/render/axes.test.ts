import { describe, expect, it } from 'vitest';
import { axes } from '../../../src/render/layers/axes.ts';
import { tickLabel, ticks } from '../../../src/render/ticks.ts';
import { recordingContext, strokes, texts } from '../support/canvas.ts';
import { frameOf, raceScene, theme } from '../support/scene.ts';

const scene = raceScene();

describe('axes layer', () => {
  it('frames the plot and labels round ticks where the scale puts them', () => {
    const frame = frameOf(scene);
    const { ctx, marks, depth } = recordingContext();
    axes(ctx, frame);
    expect(depth()).toBe(0);
    const { plot, scale } = frame;
    const rect = marks.find((m) => m.kind === 'strokeRect');
    expect(rect).toMatchObject({
      args: [plot.left + 0.5, plot.top + 0.5, plot.width - 1, plot.height - 1],
    });

    const labels = texts(marks);
    const bottom = plot.top + plot.height;
    const xLabels = labels.filter((t) => t.style.textBaseline === 'top');
    const yLabels = labels.filter((t) => t.style.textAlign === 'right');
    // Rosenbrock's view: x in [−2, 2], y in [−1, 3].
    expect(xLabels.map((t) => t.text)).toEqual(['\u22122', '\u22121', '0', '1', '2']);
    expect(yLabels.map((t) => t.text)).toContain('\u22121');
    expect(yLabels.map((t) => t.text)).toContain('3');
    for (const t of xLabels) {
      const value = Number(t.text.replace('\u2212', '-'));
      expect(Math.abs(t.x - scale.x(value))).toBeLessThanOrEqual(1);
      expect(t.style.fillStyle).toBe(theme.text);
    }
    for (const t of yLabels) {
      const value = Number(t.text.replace('\u2212', '-'));
      expect(Math.abs(t.y - scale.y(value))).toBeLessThanOrEqual(1);
    }

    // One tick mark per label, each 5 px long, outside the plot.
    const ticksPath = strokes(marks).flatMap((m) => m.path.subpaths);
    expect(ticksPath).toHaveLength(xLabels.length + yLabels.length);
    for (const tick of ticksPath) {
      expect(tick).toHaveLength(2);
      const [[x0, y0], [x1, y1]] = tick as [[number, number], [number, number]];
      expect(Math.hypot(x1 - x0, y1 - y0)).toBe(5);
      expect(x1 <= plot.left || y1 >= bottom).toBe(true);
    }
    expect(labels.map((t) => t.text)).toEqual(expect.arrayContaining(['x', 'y']));
  });

  it('names a network plane’s axes by their principal components, the second up the left edge', () => {
    const plane = {
      axes: ['PC1 (72% of variance)', 'PC2 (22% of variance)'],
      field: 'training loss',
      start: null,
    } as const;
    const frame = frameOf(scene, { plane });
    const { ctx, marks, depth } = recordingContext();
    axes(ctx, frame);
    expect(depth()).toBe(0);
    const names = texts(marks).filter((t) => t.text.startsWith('PC'));
    expect(names.map((t) => t.text)).toEqual([...plane.axes]);
    const { plot } = frame;
    expect(names[0]!.x).toBeCloseTo(plot.left + plot.width / 2, 9);
    expect(names[1]!.style.transform).toMatchObject({ a: expect.closeTo(0, 9), b: -1 });
    expect(texts(marks).map((t) => t.text)).not.toContain('x');
  });

  it('follows the view: a zoomed view gets finer ticks, every one inside the plot', () => {
    const view = { x: [0.99, 1.01], y: [0.98, 1.02] } as const;
    const frame = frameOf({ ...scene, view });
    const { ctx, marks } = recordingContext();
    axes(ctx, frame);
    const expected = ticks(0.99, 1.01, Math.floor(frame.plot.width / 80)).map(tickLabel);
    const xLabels = texts(marks).filter((t) => t.style.textBaseline === 'top');
    expect(xLabels.map((t) => t.text)).toEqual(expected);
    expect(expected).toContain('1');
    for (const t of xLabels) {
      expect(t.x).toBeGreaterThanOrEqual(frame.plot.left);
      // Ticks sit on pixel centres: half a pixel past an edge at most.
      expect(t.x).toBeLessThanOrEqual(frame.plot.left + frame.plot.width + 0.5);
    }
  });
});

describe('ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten, about `count` of them', () => {
    expect(ticks(0, 10, 5)).toEqual([0, 5, 10]);
    expect(ticks(-1, 3, 4)).toEqual([-1, 0, 1, 2, 3]);
    expect(ticks(0, 1, 6).map(tickLabel)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
  });

  it('gives at least two where a finer round step has them, so a narrow axis is not left with one', () => {
    // A step of 5 would leave 0 alone on [−2, 2].
    expect(ticks(-2, 2, 2)).toEqual([-2, -1, 0, 1, 2]);
    expect(ticks(-2, 2, 1).length).toBeGreaterThanOrEqual(2);
    expect(ticks(1, 1, 3)).toEqual([]);
  });
});
