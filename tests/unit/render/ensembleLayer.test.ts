import { beforeAll, describe, expect, it } from 'vitest';
import { ensembleLayer } from '../../../src/render/layers/ensemble.ts';
import {
  fills,
  installCanvasGlobals,
  recorderOf,
  recordingContext,
  strokes,
  visibleMarks,
  type Mark,
} from '../support/canvas.ts';
import { frameOf } from '../support/scene.ts';
import { pictureOf, sweepScene } from '../support/sweepPicture.ts';

beforeAll(installCanvasGlobals);

const scene = sweepScene(
  {
    fn: { id: 'himmelblau' },
    start: [0, 0],
    steps: 80,
    noise: { sigma: 3, seed: 1 },
    optimizers: [
      { type: 'adam', lr: 0.1, color: '#0072b2' },
      { type: 'sgd', lr: 0.01, color: '#e69f00' },
    ],
  },
  'seeds',
  { seeds: { count: 6 } },
);
const picture = pictureOf(scene);

const images = (marks: readonly Mark[]) =>
  marks.filter((m): m is Extract<Mark, { kind: 'image' }> => m.kind === 'image');

/** What the layer painted (its raster's content) for a frame with these overrides. */
function painted(content: Parameters<typeof frameOf>[1], onScene = scene): Mark[] {
  const { ctx, marks } = recordingContext();
  ensembleLayer().draw(ctx, frameOf(onScene, content));
  return visibleMarks(marks);
}

describe('seed ensemble layer', () => {
  it('draws every seed’s kept path faintly in its optimizer’s colour, and its end as a dot', () => {
    const marks = painted({ sweep: picture });
    const frame = frameOf(scene, { sweep: picture });
    const fan = strokes(marks).filter((m) => m.style.lineWidth === 1 && m.path.arcs.length === 0);
    expect(fan).toHaveLength(12);
    expect(fan.slice(0, 6).every((m) => m.style.strokeStyle === '#0072b2')).toBe(true);
    expect(fan.slice(6).every((m) => m.style.strokeStyle === '#e69f00')).toBe(true);
    // Each fan line starts at the shared start and ends at its run's last point.
    const { columns } = picture;
    fan.forEach((m, k) => {
      const [r, cell] = [Math.floor(k / 6), k % 6];
      const points = m.path.subpaths[0]!;
      expect(points[0]![0]).toBeCloseTo(frame.scale.x(0), 6);
      expect(points.at(-1)![0]).toBeCloseTo(frame.scale.x(columns.endX[cell * 2 + r]!), 6);
      expect(points.at(-1)![1]).toBeCloseTo(frame.scale.y(columns.endY[cell * 2 + r]!), 6);
    });
    const dots = fills(marks);
    expect(dots).toHaveLength(12);
    dots.forEach((m, k) => {
      const [r, cell] = [Math.floor(k / 6), k % 6];
      expect(m.path.arcs[0]!.x).toBeCloseTo(frame.scale.x(columns.endX[cell * 2 + r]!), 6);
    });
    // Noise spreads the seeds: their ends are not all one point.
    expect(new Set(dots.slice(0, 6).map((m) => m.path.arcs[0]!.x.toFixed(3))).size).toBeGreaterThan(
      1,
    );
  });

  it('leaves out hidden optimizers and seeds not computed yet', () => {
    const marks = painted({ sweep: pictureOf(scene, 1), hidden: [false, true] });
    const coarse = pictureOf(scene, 1).level.filter((l) => l > 0).length;
    expect(coarse).toBeLessThan(6);
    expect(fills(marks)).toHaveLength(coarse);
    expect(fills(marks).every((m) => m.style.fillStyle === '#0072b2')).toBe(true);
  });

  it('draws nothing unless the seeds view is open and the sweep is that view’s', () => {
    expect(
      painted({ sweep: picture }, { ...scene, sweep: { ...scene.sweep!, view: 'basins' } }),
    ).toEqual([]);
    expect(painted({ sweep: null })).toEqual([]);
  });

  it('stretches its raster while the view moves, and repaints once it rests', () => {
    const layer = ensembleLayer();
    const { ctx, marks } = recordingContext();
    layer.draw(ctx, frameOf(scene, { sweep: picture }));
    const raster = recorderOf(images(marks)[0]!.source)!;
    const painted = () => strokes(raster.marks).length;
    const first = painted();
    expect(first).toBeGreaterThan(0);
    expect(layer.settlesIn()).toBeNull();
    const zoomed = {
      ...scene,
      view: { x: [-4, 4] as [number, number], y: [-4, 4] as [number, number] },
    };
    layer.draw(ctx, frameOf(zoomed, { sweep: picture }));
    // Drawn again, stretched: no seed restroked, and a frame asked for when the view rests.
    expect(painted()).toBe(first);
    expect(images(marks)).toHaveLength(2);
    expect(images(marks)[1]!.style.transform.a).not.toBe(images(marks)[0]!.style.transform.a);
    expect(layer.settlesIn()).toBeGreaterThan(0);
  });

  it('marks a diverged seed’s last finite point with a cross, not a dot', () => {
    const wild = sweepScene(
      {
        fn: { id: 'rosenbrock' },
        steps: 50,
        noise: { sigma: 1, seed: 1 },
        optimizers: [{ type: 'sgd', lr: 0.01 }],
      },
      'seeds',
      { seeds: { count: 4 } },
    );
    const p = pictureOf(wild);
    const diverged = [...p.columns.divergedAt].filter((d) => d >= 0).length;
    expect(diverged).toBeGreaterThan(0);
    const marks = painted({ sweep: p }, wild);
    expect(fills(marks)).toHaveLength(4 - diverged);
    expect(strokes(marks).filter((m) => m.style.lineWidth === 1.5)).toHaveLength(diverged);
  });
});
