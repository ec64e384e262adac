import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Frame } from '../../../src/render/frame.ts';
import { MOVING_POINTS, pathsLayer, type PathsLayer } from '../../../src/render/layers/paths.ts';
import { SETTLE_MS } from '../../../src/render/settle.ts';
import { simulate } from '../../../src/engine/simulate.ts';
import { RunSet } from '../../../src/workers/runs.ts';
import {
  installCanvasGlobals,
  recorderOf,
  recordingContext,
  strokes,
  visibleMarks,
  type Mark,
  type PathMark,
} from '../support/canvas.ts';
import { frameOf, raceScene, runSetOf } from '../support/scene.ts';

beforeAll(installCanvasGlobals);

const scene = raceScene();
const set = runSetOf(scene);
const colors = scene.optimizers.map((o) => o.color);

/** Draws `frame` `times` times on a new canvas, as successive animation frames do; marks per frame. */
function drawFrames(frame: Frame, times = 1): Mark[][] {
  const { ctx, marks, depth } = recordingContext(frame.width, frame.height);
  const layer = pathsLayer();
  const out: Mark[][] = [];
  for (let i = 0; i < times; i++) {
    const from = marks.length;
    layer.draw(ctx, frame);
    expect(depth()).toBe(0);
    out.push(visibleMarks(marks.slice(from)));
  }
  return out;
}

/** The polylines of one colour: strokes of that colour that begin at the start point. */
function polylines(marks: readonly Mark[], frame: Frame, color: string): [number, number][][] {
  const sx = frame.scale.x(scene.start[0]);
  const sy = frame.scale.y(scene.start[1]);
  return strokes(marks)
    .filter((m) => m.style.strokeStyle === color)
    .flatMap((m) => m.path.subpaths)
    .filter((sub) => sub.length > 0 && Math.hypot(sub[0]![0] - sx, sub[0]![1] - sy) < 1e-9);
}

const uses = (marks: readonly Mark[], color: string) =>
  marks.some((m) => 'style' in m && (m.style.strokeStyle === color || m.style.fillStyle === color));

/** Where the layer puts a marker for the maths point (x, y): clamped 8 px inside the plot. */
function markerAt(frame: Frame, x: number, y: number): [number, number] {
  const { plot, scale } = frame;
  return [
    Math.min(plot.left + plot.width - 8, Math.max(plot.left + 8, scale.x(x))),
    Math.min(plot.top + plot.height - 8, Math.max(plot.top + 8, scale.y(y))),
  ];
}

describe('paths layer', () => {
  it('the seeded scene has two steady runs and one that diverges early', () => {
    expect(set.runs[0]!.divergedAt).toBeNull();
    expect(set.runs[1]!.divergedAt).toBeNull();
    expect(set.runs[2]!.divergedAt).toBeGreaterThan(1);
    expect(set.runs[2]!.divergedAt).toBeLessThan(50);
  });

  it('draws one polyline per visible optimizer, in its colour, from the start to the cursor', () => {
    for (const cursor of [0, 1, 57, 200]) {
      const frame = frameOf(scene, { runs: set, cursor });
      const [marks] = drawFrames(frame);
      scene.optimizers.forEach((_, k) => {
        const run = set.runs[k]!;
        const lines = polylines(marks!, frame, colors[k]!);
        expect(lines, `run ${k} at cursor ${cursor}`).toHaveLength(1);
        const line = lines[0]!;
        const last = Math.min(run.length - 1, cursor);
        const [ex, ey] = [frame.scale.x(run.x[last]!), frame.scale.y(run.y[last]!)];
        const [lx, ly] = line.at(-1)!;
        // Far-off points are clamped to ±1e5 px; on screen they land where the scale puts them.
        if (Math.abs(ex) < 1e5 && Math.abs(ey) < 1e5) {
          expect(lx).toBeCloseTo(ex, 9);
          expect(ly).toBeCloseTo(ey, 9);
        }
        expect(line.length).toBeLessThanOrEqual(last + 2);
      });
    }
  });

  it('draws a path sketched on the page to the cursor before any of its losses arrive', () => {
    const run = simulate(scene).runs[1]!;
    const sketched = new RunSet(2, scene);
    const n = run.x.length;
    sketched.sketch(1, { x: run.x.slice(), y: run.y.slice(), length: n });
    expect([sketched.runs[1]!.pathLength, sketched.runs[1]!.length]).toEqual([n, 0]);
    for (const cursor of [57, n - 1]) {
      const frame = frameOf(scene, { runs: sketched, cursor });
      const [marks] = drawFrames(frame);
      const lines = polylines(marks!, frame, colors[1]!);
      expect(lines).toHaveLength(1);
      const [lx, ly] = lines[0]!.at(-1)!;
      expect(lx).toBeCloseTo(frame.scale.x(run.x[cursor]!), 9);
      expect(ly).toBeCloseTo(frame.scale.y(run.y[cursor]!), 9);
    }
  });

  it('keeps every vertex of a path on the run, in order', () => {
    const frame = frameOf(scene, { runs: set });
    const [marks] = drawFrames(frame);
    const run = set.runs[1]!;
    const line = polylines(marks!, frame, colors[1]!)[0]!;
    let k = 0;
    for (const [px, py] of line) {
      while (
        k < run.length &&
        Math.hypot(frame.scale.x(run.x[k]!) - px, frame.scale.y(run.y[k]!) - py) > 1e-9
      )
        k++;
      expect(k, `vertex (${px}, ${py}) is a point of the run, after the previous one`).toBeLessThan(
        run.length,
      );
    }
    // The half-pixel thinning keeps many vertices of a 200-step run that crosses the plot.
    expect(line.length).toBeGreaterThan(20);
  });

  it('skips hidden optimizers entirely', () => {
    const frame = frameOf(scene, { runs: set, hidden: [false, true, false] });
    const [marks] = drawFrames(frame);
    expect(uses(marks!, colors[1]!)).toBe(false);
    expect(polylines(marks!, frame, colors[0]!)).toHaveLength(1);
    expect(polylines(marks!, frame, colors[2]!)).toHaveLength(1);
  });

  it('marks a diverged run with a ✕ at its last finite point once the cursor reaches it', () => {
    const run = set.runs[2]!;
    const divergedAt = run.divergedAt!;
    const last = run.length - 1;
    expect(last).toBe(divergedAt - 1);
    const frame = frameOf(scene, { runs: set, cursor: divergedAt });
    const [marks] = drawFrames(frame);
    const [cx, cy] = markerAt(frame, run.x[last]!, run.y[last]!);
    const crosses = strokes(marks!).filter(
      (m) =>
        m.style.strokeStyle === colors[2] &&
        m.path.subpaths.length === 2 &&
        m.path.subpaths.every((s) => s.length === 2),
    );
    expect(crosses).toHaveLength(1);
    for (const segment of crosses[0]!.path.subpaths) {
      const [[x0, y0], [x1, y1]] = segment as [[number, number], [number, number]];
      expect((x0 + x1) / 2).toBeCloseTo(cx, 9);
      expect((y0 + y1) / 2).toBeCloseTo(cy, 9);
    }
    // Before the cursor gets there, the run's current point is a dot, and no ✕ is drawn.
    const before = frameOf(scene, { runs: set, cursor: divergedAt - 1 });
    const [early] = drawFrames(before);
    expect(strokes(early!).some((m) => m.path.subpaths.length === 2)).toBe(false);
  });

  it('draws the current point of each steady run as a dot at the cursor', () => {
    const frame = frameOf(scene, { runs: set, cursor: 120 });
    const [marks] = drawFrames(frame);
    for (const k of [0, 1]) {
      const run = set.runs[k]!;
      const dots = marks!.filter(
        (m) => m.kind === 'fill' && m.style.fillStyle === colors[k] && m.path.arcs.length === 1,
      ) as PathMark[];
      expect(dots).toHaveLength(1);
      const [x, y] = markerAt(frame, run.x[120]!, run.y[120]!);
      expect(dots[0]!.path.arcs[0]).toMatchObject({
        x: expect.closeTo(x, 9),
        y: expect.closeTo(y, 9),
      });
    }
  });

  it('rings the hovered step on every path that has reached it', () => {
    const frame = frameOf(scene, { runs: set, cursor: 150, hoverStep: 100 });
    const [marks] = drawFrames(frame);
    const rings = strokes(marks!).filter(
      (m) => m.path.arcs.length === 1 && m.style.lineWidth === 2.5,
    );
    expect(rings.map((m) => m.style.strokeStyle).sort()).toEqual([colors[0], colors[1]].sort());
    const [x, y] = markerAt(frame, set.runs[0]!.x[100]!, set.runs[0]!.y[100]!);
    const ring = rings.find((m) => m.style.strokeStyle === colors[0])!;
    expect(ring.path.arcs[0]).toMatchObject({ x: expect.closeTo(x, 9), y: expect.closeTo(y, 9) });
    // A hovered step past the cursor is not shown.
    const [later] = drawFrames(frameOf(scene, { runs: set, cursor: 50, hoverStep: 100 }));
    expect(strokes(later!).some((m) => m.path.arcs.length === 1 && m.style.lineWidth === 2.5)).toBe(
      false,
    );
  });

  it('draws the start ring last, at the store’s start, even before any run arrives', () => {
    for (const runs of [null, set] as (RunSet | null)[]) {
      const frame = frameOf(scene, { runs });
      const [marks] = drawFrames(frame);
      const ring = marks!.at(-1)!;
      expect(ring.kind).toBe('stroke');
      const arcs = (ring as PathMark).path.arcs;
      expect(arcs).toEqual([
        { x: frame.scale.x(scene.start[0]), y: frame.scale.y(scene.start[1]), r: 6 },
      ]);
    }
  });

  it('on a network’s plane, rings the projected θ₀ instead, and none before it is known', () => {
    const at = [0.5, 1.5] as const;
    const frame = frameOf(scene, {
      runs: set,
      plane: { axes: ['PC1', 'PC2'], field: 'training loss', start: at },
    });
    const ring = drawFrames(frame)[0]!.at(-1) as PathMark;
    expect(ring.path.arcs).toEqual([{ x: frame.scale.x(at[0]), y: frame.scale.y(at[1]), r: 6 }]);
    const [none] = drawFrames(
      frameOf(scene, { plane: { axes: ['PC1', 'PC2'], field: 'training loss', start: null } }),
    );
    expect(none).toEqual([]);
  });

  it('shows the same paths in every frame, whether stroked live or from its cache', () => {
    const frame = frameOf(scene, { runs: set });
    const frames = drawFrames(frame, 5);
    const summary = (marks: Mark[]) =>
      colors.map((c) => JSON.stringify(polylines(marks, frame, c)));
    const first = summary(frames[0]!);
    for (const marks of frames.slice(1)) expect(summary(marks)).toEqual(first);
  });

  it('hands the canvas only finite numbers, however far off the view the runs go', () => {
    // A deep zoom far from the runs puts their points ~1e12 px away.
    const zoomed = sceneOf2();
    for (const cursor of [0, 3, 200]) {
      const frame = frameOf(zoomed, { runs: set, cursor, hoverStep: 2 });
      expect(() => drawFrames(frame, 3)).not.toThrow();
    }
  });
});

/** The race scene seen through a tiny view far from its paths. */
const sceneOf2 = () => ({ ...scene, view: { x: [40, 40 + 1e-9], y: [40, 40 + 1e-9] } as const });

describe('paths layer, settling', () => {
  /** The layer of the one canvas each test draws on. */
  let layer: PathsLayer;
  beforeEach(() => {
    layer = pathsLayer();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('strokes fresh runs in draft, then from cached groups at full quality once settled', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const fresh = runSetOf(scene);
    const frame = frameOf(scene, { runs: fresh });
    const { ctx, marks } = recordingContext(frame.width, frame.height);
    layer.draw(ctx, frame);
    const draft = visibleMarks(marks);
    expect(layer.settlesIn()).toBe(SETTLE_MS);
    // Draft: one device pixel of colour, no halo, nothing from a bitmap.
    expect(draft.some((m) => m.kind === 'image')).toBe(false);
    expect(strokes(draft).some((m) => m.style.lineWidth === 4)).toBe(false);
    for (const c of colors) {
      expect(
        strokes(draft).filter((m) => m.style.strokeStyle === c && m.style.lineWidth === 1),
      ).not.toHaveLength(0);
    }

    vi.advanceTimersByTime(SETTLE_MS);
    // The draft frame is owed its full-quality redraw now, until one is drawn.
    expect(layer.settlesIn()).toBe(0);
    const from = marks.length;
    layer.draw(ctx, frame);
    expect(layer.settlesIn()).toBeNull();
    expect(layer.drafted()).toBe(false);
    const full = visibleMarks(marks.slice(from));
    // Runs 0–2 share group 0: one bitmap, with a halo under each path.
    const blits = full.filter((m) => m.kind === 'image');
    expect(blits).toHaveLength(1);
    const inBitmap = strokes((blits[0] as Extract<Mark, { kind: 'image' }>).content);
    expect(inBitmap.filter((m) => m.style.lineWidth === 4)).toHaveLength(3);
    for (const c of colors) {
      expect(polylines(full, frame, c)).toEqual(polylines(draft, frame, c));
      expect(inBitmap.some((m) => m.style.strokeStyle === c && m.style.lineWidth === 2)).toBe(true);
    }
  });

  it('asks again for a frame that drew in draft just before its paths settled, however long it took', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const runs = runSetOf(scene);
    const frame = frameOf(scene, { runs });
    const { ctx } = recordingContext(frame.width, frame.height);
    layer.draw(ctx, frame);
    // Another frame (a field arriving, say) starts 5 ms before the paths settle and takes 10 ms.
    vi.advanceTimersByTime(SETTLE_MS - 5);
    layer.draw(ctx, frame);
    expect(layer.drafted()).toBe(true);
    vi.advanceTimersByTime(10);
    expect(layer.settlesIn()).toBe(0);
  });

  it('keeps each canvas’s bookkeeping to itself: one settled, another fresh or moving', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const runs = runSetOf(scene);
    const frame = frameOf(scene, { runs });
    const first = recordingContext(frame.width, frame.height);
    layer.draw(first.ctx, frame);
    vi.advanceTimersByTime(SETTLE_MS);
    layer.draw(first.ctx, frame);
    expect(layer.settlesIn()).toBeNull();

    // A second canvas showing the same runs has not drawn them for SETTLE_MS: draft, then full.
    const other = pathsLayer();
    const second = recordingContext(frame.width, frame.height);
    other.draw(second.ctx, frame);
    const draft = visibleMarks(second.marks);
    expect(draft.some((m) => m.kind === 'image')).toBe(false);
    expect(strokes(draft).some((m) => m.style.lineWidth === 1)).toBe(true);
    expect(other.settlesIn()).toBe(SETTLE_MS);
    expect(layer.settlesIn()).toBeNull();

    // Panning the second canvas leaves the first at rest.
    const { x, y } = scene.view;
    const panned = frameOf({ ...scene, view: { x: [x[0] - 0.5, x[1] - 0.5], y } }, { runs });
    vi.advanceTimersByTime(SETTLE_MS);
    other.draw(second.ctx, frame);
    other.draw(second.ctx, panned);
    expect(other.settlesIn()).toBe(SETTLE_MS);
    expect(layer.settlesIn()).toBeNull();
  });

  it('repaints one stale group per frame, drawing the others in draft until their turn', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const six = sceneOfSix();
    const runs = runSetOf(six);
    const frame = frameOf(six, { runs });
    const { ctx, marks } = recordingContext(frame.width, frame.height);
    const blitsOf = (from: number) =>
      marks.slice(from).filter((m): m is Extract<Mark, { kind: 'image' }> => m.kind === 'image');
    layer.draw(ctx, frame);
    vi.advanceTimersByTime(SETTLE_MS);
    let from = marks.length;
    layer.draw(ctx, frame);
    // Group 0 (runs 0–3) repainted and blitted; group 1 (runs 4, 5) waits in draft.
    expect(blitsOf(from)).toHaveLength(1);
    const drafts = (at: number) =>
      strokes(marks.slice(at).filter((m) => m.kind !== 'image'))
        .filter((m) => m.style.lineWidth === 1)
        .map((m) => m.style.strokeStyle);
    expect(new Set(drafts(from))).toEqual(new Set(six.optimizers.slice(4).map((o) => o.color)));
    expect(layer.settlesIn()).toBe(0);
    from = marks.length;
    layer.draw(ctx, frame);
    expect(blitsOf(from)).toHaveLength(2);
    expect(drafts(from)).toEqual([]);
    expect(layer.settlesIn()).toBeNull();
  });

  it('draws large stale groups in draft while the cursor moves, and in full once it rests', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    // Runs 0 and 1 take 3,000 steps each: more than a moving frame may repaint.
    const long = { ...scene, steps: 3000 };
    const runs = runSetOf(long);
    expect(runs.runs[0]!.length + runs.runs[1]!.length).toBeGreaterThan(MOVING_POINTS);
    const { ctx, marks } = recordingContext(640, 560);
    layer.draw(ctx, frameOf(long, { runs }));
    vi.advanceTimersByTime(SETTLE_MS);
    layer.draw(ctx, frameOf(long, { runs }));
    const painted = strokes(recorderOf(marks.find((m) => m.kind === 'image')!.source)!.marks);
    const before = painted.length;
    // Playback: the cursor steps on each frame.
    for (const cursor of [2000, 2010, 2020]) {
      const from = marks.length;
      layer.draw(ctx, frameOf(long, { runs, cursor }));
      expect(marks.slice(from).some((m) => m.kind === 'image')).toBe(false);
      expect(
        strokes(recorderOf(marks.find((m) => m.kind === 'image')!.source)!.marks),
      ).toHaveLength(before);
    }
    expect(layer.settlesIn()).toBe(SETTLE_MS);
    vi.advanceTimersByTime(SETTLE_MS);
    const from = marks.length;
    layer.draw(ctx, frameOf(long, { runs, cursor: 2020 }));
    expect(marks.slice(from).some((m) => m.kind === 'image')).toBe(true);
  });

  it('plays a small race at full quality, frame by frame', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const runs = runSetOf(scene);
    const { ctx, marks } = recordingContext(640, 560);
    layer.draw(ctx, frameOf(scene, { runs }));
    vi.advanceTimersByTime(SETTLE_MS);
    for (const cursor of [10, 11, 12]) {
      const from = marks.length;
      layer.draw(ctx, frameOf(scene, { runs, cursor }));
      const blit = marks.slice(from).find((m) => m.kind === 'image') as Extract<
        Mark,
        { kind: 'image' }
      >;
      expect(strokes(blit.content).filter((m) => m.style.lineWidth === 4)).toHaveLength(3);
      expect(strokes(marks.slice(from)).some((m) => m.style.lineWidth === 1)).toBe(false);
    }
  });

  it('strokes the changed run’s group live in draft while the other groups stay cached', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    // Six runs: group 0 holds runs 0–3, group 1 runs 4 and 5.
    const six = sceneOfSix();
    const first = runSetOf(six);
    const frame = frameOf(six, { runs: first });
    const { ctx, marks } = recordingContext(frame.width, frame.height);
    layer.draw(ctx, frame);
    vi.advanceTimersByTime(SETTLE_MS);
    layer.draw(ctx, frame);
    // A new learning rate for the second optimizer: only its run is new.
    const [a, b, ...rest] = six.optimizers;
    const moved = {
      ...six,
      optimizers: [a!, { ...b!, hyper: { ...b!.hyper, lr: 0.002 } }, ...rest],
    };
    const second = runSetOf(moved, Infinity, first);
    expect(second.reused).toEqual([true, false, true, true, true, true]);
    const from = marks.length;
    layer.draw(ctx, frameOf(moved, { runs: second }));
    const drawn = marks.slice(from);
    const blits = drawn.filter((m) => m.kind === 'image') as Extract<Mark, { kind: 'image' }>[];
    expect(blits).toHaveLength(1);
    const cached = strokes(blits[0]!.content)
      .filter((m) => m.style.lineWidth === 2)
      .map((m) => m.style.strokeStyle);
    const sixColors = six.optimizers.map((o) => o.color);
    expect(new Set(cached)).toEqual(new Set(sixColors.slice(4)));
    const live = strokes(drawn.filter((m) => m.kind !== 'image'));
    for (const c of sixColors.slice(0, 4))
      expect(live.some((m) => m.style.strokeStyle === c && m.style.lineWidth === 1)).toBe(true);
  });
  it('stretches the cached groups while the view moves, and restrokes them once it rests', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const runs = runSetOf(scene);
    const frame = frameOf(scene, { runs });
    const { ctx, marks } = recordingContext(frame.width, frame.height);
    layer.draw(ctx, frame);
    vi.advanceTimersByTime(SETTLE_MS);
    layer.draw(ctx, frame);
    const blit = (from: number) =>
      marks.slice(from).find((m) => m.kind === 'image') as Extract<Mark, { kind: 'image' }>;
    const raster = blit(0).source;
    const painted = () => strokes(recorderOf(raster)!.marks).length;
    const before = painted();
    const { x, y } = scene.view;
    const panned = frameOf({ ...scene, view: { x: [x[0] - 0.5, x[1] - 0.5], y } }, { runs });
    let from = marks.length;
    layer.draw(ctx, panned);
    expect(painted()).toBe(before);
    // Panned half a unit left: the old bitmap moves right by that many pixels.
    const shift = panned.scale.x(0) - frame.scale.x(0);
    expect(blit(from).style.transform.e).toBeCloseTo(shift, 6);
    expect(layer.settlesIn()).toBe(SETTLE_MS);
    vi.advanceTimersByTime(SETTLE_MS);
    from = marks.length;
    layer.draw(ctx, panned);
    expect(painted()).toBeGreaterThan(before);
    expect(blit(from).style.transform.e).toBe(0);
    for (const c of colors)
      expect(polylines(visibleMarks(marks.slice(from)), panned, c)).toEqual(
        polylines(drawFrames(panned)[0]!, panned, c),
      );
  });
});

/** Six optimizers in distinct colours on the race scene's function and start. */
function sceneOfSix() {
  const colours = ['#0072b2', '#e69f00', '#cc79a7', '#009e73', '#56b4e9', '#d55e00'];
  const [a, b] = scene.optimizers;
  return {
    ...scene,
    optimizers: colours.map((color, k) => ({ ...(k % 2 ? b! : a!), color, label: `run ${k}` })),
  };
}
