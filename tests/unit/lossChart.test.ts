import { beforeAll, describe, expect, it } from 'vitest';
import type { Scene } from '../../src/engine/scene.ts';
import { decimate } from '../../src/render/chart/decimate.ts';
import { emptyExtent, extendExtent } from '../../src/render/chart/extent.ts';
import { axisLabel, compactNumber } from '../../src/render/chart/format.ts';
import {
  chooseYScale,
  clipCursor,
  createLossChart,
  drawnEnd,
  forward,
  hiddenByRun,
  hoverReadout,
  inverse,
  lossScale,
  lossSummary,
  plotRect,
  stepAt,
  symexp,
  symlog,
  yTicks,
  type ChartTheme,
} from '../../src/render/lossChart.ts';
import { RunSet } from '../../src/workers/runs.ts';
import {
  installCanvasGlobals,
  recordingContext as record,
  strokes as strokesOf,
  visibleMarks,
} from './support/canvas.ts';

const extentOf = (values: number[]) => {
  const e = emptyExtent();
  extendExtent(e, values, 0, values.length);
  return e;
};

/** A seeded generator (mulberry32), so the random cases are the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('y scale choice', () => {
  it('is log when every value is > 0', () => {
    const s = chooseYScale(extentOf([24, 3, 1e-9, 0.5]), 24);
    expect(s.kind).toBe('log');
    expect(s.t0).toBeLessThan(-9);
    expect(s.t1).toBeGreaterThan(Math.log10(24));
  });

  it('is symlog, reading like log, when the rest are exactly 0', () => {
    const s = chooseYScale(extentOf([24, 1e-6, 0]), 24);
    expect(s.kind).toBe('symlog');
    expect(s.c).toBe(1e-6);
    expect(forward(s, 0)).toBe(0);
    expect(s.t0).toBeLessThanOrEqual(0);
  });

  it('is linear for negatives within a few orders of the start loss', () => {
    // six-hump camel: from about 2 down to its minimum −1.03
    expect(chooseYScale(extentOf([2.1, 0.4, -1.0316]), 2.1).kind).toBe('linear');
  });

  it('is symlog when the saddle falls to huge negative values', () => {
    const s = chooseYScale(extentOf([2.25, 0.1, -3, -1e17]), 2.25);
    expect(s.kind).toBe('symlog');
    expect(s.c).toBe(0.01);
    expect(s.t0).toBeLessThan(symlog(-1e17, s.c));
    expect(s.t1).toBeGreaterThan(symlog(2.25, s.c));
    // the start keeps a visible share of the height
    expect((s.t1 - symlog(0, s.c)) / (s.t1 - s.t0)).toBeGreaterThan(0.1);
  });

  it('keeps the domain finite for values at the edge of the doubles', () => {
    for (const values of [
      [-1.7e308, 1.7e308],
      [-1e308, 1e-300],
      [5e-324, 1e308],
      [0, 1.7e308],
    ]) {
      const s = chooseYScale(extentOf(values), Math.abs(values[0]!));
      expect(Number.isFinite(s.t0) && Number.isFinite(s.t1)).toBe(true);
      expect(s.t1).toBeGreaterThan(s.t0);
      for (const v of values) expect(Number.isFinite(forward(s, v))).toBe(true);
    }
  });

  it('pads a single value and handles no values', () => {
    for (const values of [[3], [0], [-4], []]) {
      const s = chooseYScale(extentOf(values), NaN);
      expect(s.t1).toBeGreaterThan(s.t0);
      for (const v of values) {
        expect(forward(s, v)).toBeGreaterThan(s.t0);
        expect(forward(s, v)).toBeLessThan(s.t1);
      }
    }
  });

  it('ignores non-finite values', () => {
    const e = extentOf([1, NaN, Infinity, -Infinity, 2]);
    expect([e.min, e.max, e.count]).toEqual([1, 2, 2]);
  });
});

describe('symlog', () => {
  const random = rng(7);
  const samples = Array.from({ length: 400 }, () => (random() - 0.5) * 10 ** (random() * 40 - 20));

  it('is odd and zero at zero', () => {
    for (const c of [1e-6, 0.01, 1, 1e5]) {
      expect(symlog(0, c)).toBe(0);
      for (const v of samples) expect(symlog(-v, c)).toBe(-symlog(v, c));
    }
  });

  it('is strictly monotone, even past the overflow of |v|/c', () => {
    const sorted = [...samples, 1e308, -1e308, 1.7e308, -1.7e308].sort((a, b) => a - b);
    for (const c of [1e-300, 1e-6, 1]) {
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i] === sorted[i - 1]) continue;
        expect(symlog(sorted[i]!, c)).toBeGreaterThan(symlog(sorted[i - 1]!, c));
      }
      expect(Number.isFinite(symlog(1.7e308, c))).toBe(true);
    }
  });

  it('is linear near 0, logarithmic far out, and inverted by symexp', () => {
    expect(symlog(1e-9, 1) / (1e-9 / Math.LN10)).toBeCloseTo(1, 8);
    expect(symlog(1e12, 1)).toBeCloseTo(12, 9);
    for (const v of samples) expect(symexp(symlog(v, 0.01), 0.01) / v).toBeCloseTo(1, 9);
  });
});

describe('y ticks', () => {
  const inDomain = (s: ReturnType<typeof chooseYScale>, count: number) => {
    const ticks = yTicks(s, count);
    for (const t of ticks) {
      expect(t.t).toBeGreaterThanOrEqual(s.t0);
      expect(t.t).toBeLessThanOrEqual(s.t1);
      expect(t.t).toBeCloseTo(forward(s, t.value), 9);
      expect(Number.isFinite(t.value)).toBe(true);
    }
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.t).toBeGreaterThan(ticks[i - 1]!.t);
    return ticks;
  };

  it('puts log ticks on powers of ten, thinned to about the count asked', () => {
    const s = chooseYScale(extentOf([1e-12, 30]), 30);
    const ticks = inDomain(s, 4);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(5);
    for (const { value } of ticks) expect(Number.isInteger(Math.log10(value))).toBe(true);
  });

  it('falls back to 1-2-5 values inside a single decade', () => {
    const ticks = inDomain(chooseYScale(extentOf([2, 5.5]), 5.5), 4);
    expect(ticks.map((t) => t.value)).toEqual([2, 3, 4, 5]);
  });

  it('gives a narrow range at least three ticks', () => {
    const ticks = inDomain(chooseYScale(extentOf([2, 7]), 7), 4);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps its domain while the lowest loss moves within a quarter decade', () => {
    const a = chooseYScale(extentOf([30, 0.012]), 30);
    for (const low of [0.0101, 0.0115, 0.0175])
      expect(chooseYScale(extentOf([30, low]), 30)).toEqual(a);
    expect(chooseYScale(extentOf([30, 0.0099]), 30).t0).toBeLessThan(a.t0);
    const sym = chooseYScale(extentOf([2.25, -1.1e17]), 2.25);
    expect(chooseYScale(extentOf([2.25, -1.3e17]), 2.25)).toEqual(sym);
  });

  it('puts symlog ticks at 0 and ±powers of ten, clear of each other', () => {
    const s = chooseYScale(extentOf([2.25, -1e17]), 2.25);
    const ticks = inDomain(s, 5);
    expect(ticks.some((t) => t.value === 0)).toBe(true);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(7);
    for (const { value } of ticks) {
      if (value !== 0) expect(Number.isInteger(Math.log10(Math.abs(value)))).toBe(true);
    }
    const gaps = ticks.slice(1).map((t, i) => t.t - ticks[i]!.t);
    expect(Math.min(...gaps)).toBeGreaterThan((s.t1 - s.t0) / 20);
  });

  it('uses linear ticks for a linear scale', () => {
    const s = chooseYScale(extentOf([2.1, -1.0316]), 2.1);
    expect(inDomain(s, 4).map((t) => t.value)).toEqual([-1, 0, 1, 2]);
  });

  it('labels far values with powers of ten', () => {
    expect(axisLabel(1e-6)).toBe('10⁻⁶');
    expect(axisLabel(-1e12)).toBe('−10¹²');
    expect(axisLabel(2e8)).toBe('2×10⁸');
    expect(axisLabel(0.01)).toBe('0.01');
    expect(compactNumber(0.004512)).toBe('0.00451');
    expect(compactNumber(4.5e-5)).toBe('4.5e-5');
    expect(compactNumber(-1.234e17)).toBe('−1.23e17');
    expect(inverse(chooseYScale(extentOf([1, 100]), 1), 1)).toBeCloseTo(10, 12);
  });
});

describe('decimation', () => {
  it('keeps every point at half a pixel or more per step', () => {
    const cols = decimate([3, 1, 2], 2, 10);
    expect(cols.length).toBe(3);
    expect([...cols.x.subarray(0, 3)]).toEqual([0, 10, 20]);
    expect([...cols.first.subarray(0, 3)]).toEqual([3, 1, 2]);
  });

  it('keeps the extremes of each pixel column, about one group per pixel', () => {
    const random = rng(42);
    const n = 100_001;
    const values = Float64Array.from({ length: n }, () => random() * 10 - 5);
    const width = 600;
    const kx = width / (n - 1);
    const cols = decimate(values, n - 1, kx);
    expect(cols.length).toBeLessThanOrEqual(width + 1);
    expect(cols.length).toBeGreaterThan(width - 2);
    // Reference min/max per column.
    const lo = new Map<number, number>();
    const hi = new Map<number, number>();
    values.forEach((v, k) => {
      const c = Math.floor(k * kx);
      lo.set(c, Math.min(lo.get(c) ?? Infinity, v));
      hi.set(c, Math.max(hi.get(c) ?? -Infinity, v));
    });
    for (let i = 0; i < cols.length; i++) {
      const c = cols.x[i]! - 0.5;
      expect(cols.min[i]).toBe(lo.get(c));
      expect(cols.max[i]).toBe(hi.get(c));
      expect(cols.first[i]).toBeGreaterThanOrEqual(cols.min[i]!);
      expect(cols.last[i]).toBeLessThanOrEqual(cols.max[i]!);
    }
    expect(Math.min(...cols.min.subarray(0, cols.length))).toBe(Math.min(...values));
    expect(Math.max(...cols.max.subarray(0, cols.length))).toBe(Math.max(...values));
  });

  it('never yields non-finite values, and drops columns that hold none', () => {
    const values = [1, NaN, Infinity, 2, -Infinity, NaN, NaN, NaN, 5, 1e308];
    for (const kx of [0.1, 0.3, 1, 4]) {
      const cols = decimate(values, values.length - 1, kx);
      for (const column of [cols.x, cols.first, cols.min, cols.max, cols.last]) {
        for (let i = 0; i < cols.length; i++) expect(Number.isFinite(column[i])).toBe(true);
      }
    }
    expect(decimate([NaN, NaN], 1, 1).length).toBe(0);
    expect(decimate([NaN, NaN], 1, 0.01).length).toBe(0);
  });

  it('stops at `end` and reuses its output buffers', () => {
    const first = decimate([1, 2, 3, 4, 5], 2, 1);
    expect(first.length).toBe(3);
    const again = decimate([9, 8], 1, 1, first);
    expect(again).toBe(first);
    expect(again.length).toBe(2);
    expect(decimate([1, 2], -1, 1).length).toBe(0);
    expect(decimate([1, 2], 10, 1).length).toBe(2);
  });
});

describe('cursor', () => {
  it('clips to whole steps in 0…steps', () => {
    expect(clipCursor(-3, 100)).toBe(0);
    expect(clipCursor(NaN, 100)).toBe(0);
    expect(clipCursor(42.7, 100)).toBe(42);
    expect(clipCursor(250, 100)).toBe(100);
    expect(clipCursor(Infinity, 100)).toBe(100);
  });

  it('draws a run through the cursor or its last point, whichever comes first', () => {
    expect(drawnEnd(101, 40, 100)).toBe(40);
    expect(drawnEnd(30, 40, 100)).toBe(29);
    expect(drawnEnd(0, 40, 100)).toBe(-1);
    expect(drawnEnd(101, 500, 100)).toBe(100);
  });

  it('maps a pointer to the step under it', () => {
    const plot = plotRect(658, 200);
    expect(stepAt(plot.left, plot, 500)).toBe(0);
    expect(stepAt(plot.left + plot.width, plot, 500)).toBe(500);
    expect(stepAt(plot.left + plot.width / 2, plot, 500)).toBe(250);
    expect(stepAt(-20, plot, 500)).toBe(0);
    expect(stepAt(5000, plot, 500)).toBe(500);
  });
});

/** A scene of `labels.length` runs over `steps` steps. */
const sceneOf = (steps: number, labels: string[]): Scene => ({
  v: 1,
  fn: { id: 'saddle', params: {} },
  view: { x: [-2, 2], y: [-2, 2] },
  start: [1.5, 0.01],
  steps,
  noise: { sigma: 0, seed: 0 },
  optimizers: labels.map((label, k) => ({
    type: 'sgd',
    hyper: {},
    schedule: { type: 'constant' },
    label,
    color: ['#0072b2', '#e69f00', '#009e73'][k]!,
  })),
});

/**
 * Run 0 descends smoothly (to −1e17 when `falling`, like SGD on the saddle); run 1 climbs to 1e300
 * and diverges at step 40.
 */
function sampleSet(steps: number, falling = false): RunSet {
  const set = new RunSet(1, sceneOf(steps, ['SGD', 'Adam']));
  const f0 = Float64Array.from({ length: steps + 1 }, (_, k) =>
    falling ? 2.25 - 1e17 * (k / steps) ** 8 : 2.25 * Math.exp(-k / 50),
  );
  const f1 = Float64Array.from({ length: 40 }, (_, k) => 2.25 + 10 ** ((k / 39) * 300));
  const chunk = (run: number, f: Float64Array, divergedAt: number | null) => ({
    run,
    from: 0,
    x: new Float64Array(f.length),
    y: new Float64Array(f.length),
    f,
    divergedAt,
    done: true,
  });
  set.apply(chunk(0, f0, null));
  set.apply(chunk(1, f1, 40));
  return set;
}

/**
 * The shared recording context (it fails on any non-finite number), with each stroke's colour and
 * the x of every point of its path.
 */
function recordingContext() {
  const recorder = record();
  const strokes = () =>
    strokesOf(visibleMarks(recorder.marks)).map((m) => ({
      color: m.style.strokeStyle,
      xs: m.path.subpaths.flat().map(([x]) => x),
    }));
  return { ctx: recorder.ctx, strokes, marks: recorder.marks };
}

beforeAll(installCanvasGlobals);

const theme: ChartTheme = { text: '#000', axis: '#666', font: 'sans-serif', surface: '#fff' };

describe('the loss chart', () => {
  it('passes only finite numbers to the canvas, whatever the cursor and hover', () => {
    for (const falling of [false, true]) {
      const set = sampleSet(1000, falling);
      for (const cursor of [0, 39, 40, 500, 1000]) {
        for (const hoverStep of [null, 0, 39, 40, 999]) {
          for (const hidden of [
            [false, false],
            [false, true],
            [true, false],
          ]) {
            const { ctx } = recordingContext();
            const input = { width: 640, height: 200, runSet: set, cursor, hoverStep, theme };
            expect(() => createLossChart().draw(ctx, { ...input, hidden })).not.toThrow();
          }
        }
      }
    }
  });

  it('keeps a diverged run from flattening the others', () => {
    // Run 1's last finite values (near 1e300) count only up to 1000 × the largest steady |f|.
    const calm = lossScale(sampleSet(1000), [false, false]);
    expect(calm.kind).toBe('log');
    expect(calm.t0).toBeLessThan(Math.log10(2.25 * Math.exp(-20)));
    expect(calm.t1).toBeGreaterThan(Math.log10(2250));
    expect(calm.t1).toBeLessThan(Math.log10(2250) + 1);
    // A steady run's own fall to −1e17 does count, on symlog.
    const falling = lossScale(sampleSet(1000, true), [false, false]);
    expect(falling.kind).toBe('symlog');
    expect(falling.t0).toBeLessThan(symlog(-1e17, falling.c));
    expect(falling.t1).toBeLessThan(symlog(1e23, falling.c));
    // A diverged run alone: the domain follows it up to 1000 × the start's loss.
    const alone = lossScale(sampleSet(1000), [true, false]);
    expect(inverse(alone, alone.t1)).toBeGreaterThan(2250);
    expect(inverse(alone, alone.t1)).toBeLessThan(1e4);
  });

  it('draws each run only through the cursor', () => {
    const set = sampleSet(1000);
    const plot = plotRect(640, 200);
    for (const cursor of [0, 1, 300, 999]) {
      const cursorPx = plot.left + (cursor * plot.width) / 1000;
      const { ctx, strokes } = recordingContext();
      const input = { width: 640, height: 200, runSet: set, cursor, hoverStep: null, theme };
      createLossChart().draw(ctx, { ...input, hidden: [false, true] });
      const line = strokes().filter((s) => s.color === '#0072b2');
      expect(line.length).toBe(1);
      expect(Math.max(...line[0]!.xs)).toBeLessThanOrEqual(cursorPx + 0.5);
      expect(Math.max(...line[0]!.xs)).toBeGreaterThanOrEqual(cursorPx - 1);
    }
  });

  it('handles no run set and all runs hidden', () => {
    const { ctx } = recordingContext();
    const base = { width: 300, height: 200, cursor: 0, hoverStep: 0, theme };
    expect(() => createLossChart().draw(ctx, { ...base, runSet: null, hidden: [] })).not.toThrow();
    const set = sampleSet(100);
    expect(() =>
      createLossChart().draw(ctx, { ...base, runSet: set, hidden: [true, true] }),
    ).not.toThrow();
  });
});

describe('text', () => {
  const set = sampleSet(100);

  it('summarises final losses and divergence', () => {
    expect(lossSummary(set, [false, false], 'symlog')).toBe(
      'Loss against step for 2 optimizers over 100 steps, symmetric log scale; ' +
        'final losses SGD 0.305, Adam diverged at step 40.',
    );
    expect(lossSummary(set, [false, true], 'log')).toContain('for 1 optimizer (1 hidden)');
    expect(lossSummary(null, [], 'linear')).toContain('waiting');
  });

  it('reads values at the hover step, only where the cursor has been', () => {
    expect(hoverReadout(set, [false, false], 0, 100)).toBe('step 0 · SGD 2.25 · Adam 3.25');
    expect(hoverReadout(set, [false, false], 60, 100)).toBe('step 60 · SGD 0.678 · Adam diverged');
    expect(hoverReadout(set, [false, true], 60, 10)).toBe('step 60 · SGD —');
    expect(hoverReadout(set, [false, false], null, 100)).toBe('');
  });

  it('maps hidden flags onto an older run set', () => {
    const scene = set.scene;
    const [a, b] = scene.optimizers;
    const store = [
      { hidden: true, entry: b! },
      { hidden: false, entry: a! },
    ];
    expect(hiddenByRun(scene, store)).toEqual([false, true]);
    const edited = [
      { hidden: true, entry: { ...a! } },
      { hidden: false, entry: b! },
    ];
    expect(hiddenByRun(scene, edited)).toEqual([true, false]);
    expect(hiddenByRun(scene, [{ hidden: true, entry: { ...a! } }])).toEqual([false, false]);
  });
});

describe('a scene made of data', () => {
  /** Linear regression, 200 examples, a quarter held out, B = 10: 15 steps an epoch. */
  function dataSet(steps: number): RunSet {
    const scene: Scene = {
      ...sceneOf(steps, ['SGD']),
      fn: {
        id: 'linear_regression',
        params: { n: 200, test: 0.25, batch: 10, seed: 1, noise: 0.5 },
      },
    };
    const set = new RunSet(1, scene);
    const f = Float64Array.from({ length: steps + 1 }, (_, k) => 2 * Math.exp(-k / 20));
    const testF = f.map((v) => v + 0.5);
    const zeros = new Float64Array(steps + 1);
    set.apply({ run: 0, from: 0, x: zeros, y: zeros, f, testF, divergedAt: null, done: true });
    return set;
  }

  it('draws each run’s test loss dashed in its colour, under its solid training loss', () => {
    const { ctx, marks } = recordingContext();
    const input = { width: 640, height: 200, runSet: dataSet(60), cursor: 60, hoverStep: null };
    createLossChart().draw(ctx, { ...input, hidden: [false], theme });
    const curves = strokesOf(visibleMarks(marks)).filter((m) => m.style.strokeStyle === '#0072b2');
    expect(curves.map((m) => m.style.lineDash.length > 0)).toEqual([true, false]);
    const texts = marks.flatMap((m) => (m.kind === 'text' ? [m.text] : []));
    expect(texts).toContain('epoch (15 steps each)');
    expect(texts).toEqual(expect.arrayContaining(['training', 'test', '0', '1', '2', '3', '4']));
  });

  it('gives the test loss and the epoch in words', () => {
    const set = dataSet(60);
    expect(hoverReadout(set, [false], 30, 60)).toBe('step 30 (epoch 2) · SGD 0.446 (test 0.946)');
    expect(lossSummary(set, [false], 'log')).toMatch(
      /final losses \(training; test in brackets\) SGD 0\.0996 \(test 0\.6\)\.$/,
    );
  });
});
