import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SETTLE_MS } from '../../../src/render/settle.ts';
import {
  createLossChart,
  forward,
  plotRect,
  type ChartTheme,
} from '../../../src/render/lossChart.ts';
import {
  installCanvasGlobals,
  recorderOf,
  recordingContext,
  strokes,
  texts,
  visibleMarks,
  type Mark,
  type PathMark,
} from '../support/canvas.ts';
import { raceScene, runSetOf } from '../support/scene.ts';

beforeAll(installCanvasGlobals);

const scene = raceScene();
const set = runSetOf(scene);
const colors = scene.optimizers.map((o) => o.color);
const theme: ChartTheme = {
  text: '#111111',
  axis: '#555555',
  font: 'sans-serif',
  surface: '#ffffff',
};
const W = 640;
const H = 220;
const plot = plotRect(W, H);

function draw(hidden: boolean[], cursor = scene.steps, hoverStep: number | null = null) {
  const { ctx, marks, depth } = recordingContext(W, H);
  const scale = createLossChart().draw(ctx, {
    width: W,
    height: H,
    runSet: set,
    hidden,
    cursor,
    hoverStep,
    theme,
  });
  expect(depth()).toBe(0);
  const y = (v: number) =>
    plot.top + (plot.height * (scale.t1 - forward(scale, v))) / (scale.t1 - scale.t0);
  return { marks: visibleMarks(marks), y };
}

/** Loss polylines of one colour: one-pixel strokes starting at step 0. */
const curves = (marks: readonly Mark[], color: string) =>
  strokes(marks).filter(
    (m) =>
      m.style.strokeStyle === color &&
      m.style.lineWidth === 1 &&
      m.path.subpaths[0]?.[0]?.[0] === plot.left,
  );

describe('loss chart drawing', () => {
  it('draws one curve per visible run in its colour, starting at the start’s loss', () => {
    const { marks, y } = draw([false, false, false]);
    colors.forEach((c, k) => {
      const found = curves(marks, c);
      expect(found, `run ${k}`).toHaveLength(1);
      const [x0, y0] = found[0]!.path.subpaths[0]![0]!;
      expect(x0).toBe(plot.left);
      expect(y0).toBeCloseTo(y(set.runs[k]!.f[0]!), 6);
    });
    // The steady runs reach the right edge; the diverged one stops where it left the numbers.
    const right = (c: string) =>
      Math.max(...curves(marks, c)[0]!.path.subpaths[0]!.map(([x]) => x));
    expect(right(colors[0]!)).toBeCloseTo(plot.left + plot.width, 6);
    const last = set.runs[2]!.length - 1;
    expect(right(colors[2]!)).toBeCloseTo(plot.left + (last * plot.width) / scene.steps, 6);
  });

  it('skips hidden runs', () => {
    const { marks } = draw([true, false, true]);
    expect(curves(marks, colors[0]!)).toHaveLength(0);
    expect(curves(marks, colors[2]!)).toHaveLength(0);
    expect(strokes(marks).some((m) => m.style.strokeStyle === colors[2])).toBe(false);
    expect(curves(marks, colors[1]!)).toHaveLength(1);
  });

  it('puts a ✕ at the diverged run’s last finite point once the cursor reaches it', () => {
    const run = set.runs[2]!;
    const last = run.length - 1;
    const { marks, y } = draw([false, false, false]);
    const crosses = strokes(marks).filter(
      (m) =>
        m.style.strokeStyle === colors[2] && m.path.subpaths.length === 2 && m.style.lineWidth > 1,
    );
    expect(crosses).toHaveLength(1);
    const [a, b] = crosses[0]!.path.subpaths[0] as [[number, number], [number, number]];
    const cx = (a[0] + b[0]) / 2;
    const cy = (a[1] + b[1]) / 2;
    expect(cx).toBeCloseTo(plot.left + (last * plot.width) / scene.steps, 6);
    // Its loss is off the scale (it blew up): the ✕ sits 6 px inside the plot's edge.
    const clamped = Math.min(plot.top + plot.height - 6, Math.max(plot.top + 6, y(run.f[last]!)));
    expect(cy).toBeCloseTo(clamped, 6);
    const early = draw([false, false, false], run.divergedAt! - 1);
    expect(
      strokes(early.marks).some((m) => m.path.subpaths.length === 2 && m.style.lineWidth > 1),
    ).toBe(false);
  });

  it('labels the step axis from 0 to the step count', () => {
    const { marks } = draw([false, false, false]);
    const steps = texts(marks)
      .filter((t) => t.style.textBaseline === 'top')
      .map((t) => t.text);
    expect(steps[0]).toBe('0');
    expect(steps.at(-1)).toBe('200');
    expect(texts(marks).map((t) => t.text)).toContain('step');
  });

  it('keeps settled curves in bitmaps by group and strokes only a fresh curve live', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      // Six curves: group 0 holds runs 0–3, group 1 runs 4 and 5.
      const colours = ['#0072b2', '#e69f00', '#cc79a7', '#009e73', '#56b4e9', '#d55e00'];
      const [a, b] = scene.optimizers;
      const six = {
        ...scene,
        optimizers: colours.map((color, k) => ({ ...(k % 2 ? b! : a!), color, label: `${k}` })),
      };
      const first = runSetOf(six);
      const chart = createLossChart();
      const { ctx, marks } = recordingContext(W, H);
      const input = { width: W, height: H, hidden: six.optimizers.map(() => false), theme };
      chart.draw(ctx, { ...input, runSet: first, cursor: six.steps, hoverStep: null });
      vi.advanceTimersByTime(SETTLE_MS);
      let from = marks.length;
      chart.draw(ctx, { ...input, runSet: first, cursor: six.steps, hoverStep: null });
      const blits = () =>
        marks.slice(from).filter((m): m is Extract<Mark, { kind: 'image' }> => m.kind === 'image');
      expect(blits()).toHaveLength(2);
      // The second optimizer changes (a slider under drag): it alone is stroked live; its group
      // is blitted without it, the other group as it was.
      const [o0, o1, ...rest] = six.optimizers;
      const live = () => marks.slice(from).filter((m) => m.kind === 'stroke');
      const cached = () => blits().map((b) => strokes(b.content).map((m) => m.style.strokeStyle));
      let runSet = first;
      for (const label of ['moved', 'moved again', 'and again']) {
        runSet = runSetOf(
          { ...six, optimizers: [o0!, { ...o1!, label }, ...rest] },
          Infinity,
          runSet,
        );
        from = marks.length;
        chart.draw(ctx, { ...input, runSet, cursor: six.steps, hoverStep: null });
        expect(cached().map((c) => new Set(c))).toEqual([
          new Set([colours[0], colours[2], colours[3]]),
          new Set(colours.slice(4)),
        ]);
        expect(colours.filter((c) => curves(live(), c).length > 0)).toEqual([colours[1]]);
        vi.advanceTimersByTime(16);
      }
      // Once it rests, it is back in its group's bitmap.
      vi.advanceTimersByTime(SETTLE_MS);
      from = marks.length;
      chart.draw(ctx, { ...input, runSet, cursor: six.steps, hoverStep: null });
      expect(cached().map((c) => new Set(c))).toEqual([
        new Set(colours.slice(0, 4)),
        new Set(colours.slice(4)),
      ]);
      expect(colours.filter((c) => curves(live(), c).length > 0)).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('plays back by cutting the cached curves at the cursor, repainting nothing', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const runs = runSetOf(scene);
      const chart = createLossChart();
      const { ctx, marks } = recordingContext(W, H);
      const input = { width: W, height: H, runSet: runs, hidden: [false, false, false], theme };
      chart.draw(ctx, { ...input, cursor: scene.steps, hoverStep: null });
      vi.advanceTimersByTime(SETTLE_MS);
      chart.draw(ctx, { ...input, cursor: scene.steps, hoverStep: null });
      const blit = marks.findLast((m) => m.kind === 'image') as Extract<Mark, { kind: 'image' }>;
      const raster = recorderOf(blit.source)!;
      const painted = strokes(raster.marks).length;
      for (const cursor of [50, 51, 120]) {
        const from = marks.length;
        chart.draw(ctx, { ...input, cursor, hoverStep: null });
        expect(strokes(raster.marks)).toHaveLength(painted);
        const drawn = marks.slice(from);
        const at = drawn.findIndex((m) => m.kind === 'image');
        expect(at).toBeGreaterThan(-1);
        // The last clip before the blit ends at the cursor's x.
        const clip = drawn.slice(0, at).findLast((m) => m.kind === 'clip') as PathMark;
        const right = Math.max(...clip.path.subpaths[0]!.map(([x]) => x));
        expect(right).toBeCloseTo(plot.left + (cursor * plot.width) / scene.steps, 9);
        // Nothing is stroked outside the bitmap: no live curves for settled runs.
        for (const c of colors) expect(curves(drawn, c)).toHaveLength(0);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps each chart’s bookkeeping to itself: a second chart’s curves are fresh on its canvas', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const runs = runSetOf(scene);
      const input = { width: W, height: H, runSet: runs, hidden: [false, false, false], theme };
      const full = { ...input, cursor: scene.steps, hoverStep: null };
      const one = createLossChart();
      const a = recordingContext(W, H);
      one.draw(a.ctx, full);
      expect(one.settlesIn()).toBe(SETTLE_MS);
      vi.advanceTimersByTime(SETTLE_MS);
      one.draw(a.ctx, full);
      expect(one.settlesIn()).toBeNull();
      expect(a.marks.some((m) => m.kind === 'image')).toBe(true);
      // Another chart (the same runs on another canvas) first draws them now: they are fresh to
      // it, stroked live and waiting to settle, whatever the first chart has seen.
      const two = createLossChart();
      const b = recordingContext(W, H);
      two.draw(b.ctx, full);
      expect(b.marks.some((m) => m.kind === 'image')).toBe(false);
      for (const c of colors) expect(curves(b.marks, c)).toHaveLength(1);
      expect(two.settlesIn()).toBe(SETTLE_MS);
      expect(one.settlesIn()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
