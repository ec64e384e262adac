import { describe, expect, it } from 'vitest';
import type { Scene } from '../../src/engine/scene.ts';
import {
  checkAxis,
  createColumns,
  defaultSweep,
  levelsOf,
  planOf,
} from '../../src/engine/sweep/index.ts';
import type { Metric } from '../../src/engine/sweep/types.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { drawCurves } from '../../src/render/sweep/curves.ts';
import { DIVERGED_RGB, NEVER_RGB, rampColour } from '../../src/render/sweep/mapColour.ts';
import { mapSvg } from '../../src/render/sweep/mapExport.ts';
import { mapKeyModel } from '../../src/render/sweep/mapKey.ts';
import { axisLabel } from '../../src/render/chart/format.ts';
import { colourRuns, mapRaster } from '../../src/render/sweep/mapRaster.ts';
import { entryKind, metricScale } from '../../src/render/sweep/metric.ts';
import { axisFor, curveChoices, mapChoices, valueAt } from '../../src/ui/sweep/axisChoices.ts';
import { bestValues, curvesWords, raceCaption } from '../../src/ui/sweep/curvesText.ts';
import { moveFocus, movePoint } from '../../src/ui/sweep/mapInput.ts';
import { mapWords } from '../../src/ui/sweep/mapText.ts';
import { tabForKey } from '../../src/ui/sweep/tabKeys.ts';
import type { SweepProgress } from '../../src/workers/sweepClient.ts';
import { recordingContext, texts } from './support/canvas.ts';

const theme = { text: '#111', axis: '#666', font: 'sans-serif', surface: '#fff' };

const scene = sceneFromPreset({
  v: 1,
  fn: { id: 'narrow_valley' },
  steps: 100,
  optimizers: [{ type: 'sgd', lr: 0.01, momentum: 0.9 }, { type: 'adam' }],
});

/**
 * A progress of the scene's open sweep with every cell's metrics from `fill` (final loss, best
 * loss, steps to tol, diverged at) and levels as `levelOf` says (0 = not computed yet).
 */
function progressOf(
  s: Scene,
  fill: (cell: number, run: number) => [number, number, number, number],
  levelOf: (cell: number, level: number) => number = (_, l) => l,
): SweepProgress {
  const plan = planOf(s);
  const runs = plan.only?.length ?? s.optimizers.length;
  const levels = levelsOf(plan.axes);
  const cells = plan.axes.reduce((n, a) => n * a.count, 1);
  const columns = createColumns(cells, runs);
  const level = new Uint8Array(cells);
  levels.forEach((list, k) => list.forEach((c) => (level[c] = levelOf(c, k + 1))));
  for (let c = 0; c < cells; c++) {
    for (let r = 0; r < runs; r++) {
      const [f, best, steps, diverged] = fill(c, r);
      const e = c * runs + r;
      columns.finalLoss[e] = f;
      columns.bestLoss[e] = best;
      columns.stepsToTol[e] = steps;
      columns.divergedAt[e] = diverged;
    }
  }
  const computed = level.reduce((n, l) => n + (l > 0 ? 1 : 0), 0);
  return { id: 1, scene: s, plan, columns, level, computed, done: true, ms: 1, error: null };
}

/** The map scene with a 16 × 16 grid. */
const mapScene: Scene = (() => {
  const sweep = defaultSweep(scene);
  const [a, b] = sweep.map.axes;
  return {
    ...scene,
    sweep: {
      ...sweep,
      map: {
        ...sweep.map,
        axes: [
          { ...a, count: 16 },
          { ...b, count: 16 },
        ],
      },
    },
  };
})();

/** RGBA of the raster pixel of cell (i, j) on a 16 × 16 map (row 0 is the top, j = 15). */
const pixel = (bytes: Uint8ClampedArray, i: number, j: number) => [
  ...bytes.subarray(((15 - j) * 16 + i) * 4, ((15 - j) * 16 + i) * 4 + 4),
];
const rgb = (css: string) => css.match(/\d+/g)!.map(Number);

describe('the map raster', () => {
  it('draws coarse cells as blocks until finer ones arrive, diverged cells in the reserved colour', () => {
    // Cell (i, j) = i·16 + j: final loss 10^(i − 8); column 12 diverged.
    const fill = (c: number): [number, number, number, number] => {
      const i = Math.floor(c / 16);
      return [10 ** (i - 8), 10 ** (i - 8), -1, i === 12 ? 7 : -1];
    };
    const coarse = progressOf(mapScene, fill, (_, l) => (l === 1 ? 1 : 0));
    const scale = metricScale(coarse, 'final_loss', [0]);
    const bytes = mapRaster(coarse, 'final_loss', scale, 4);
    // (3, 5) is not computed: it shows the block of (0, 0), the coarse cell it lies in.
    expect(pixel(bytes, 3, 5)).toEqual(pixel(bytes, 0, 0));
    expect(pixel(bytes, 0, 0)[3]).toBe(255);
    // Column 12 is not a coarse column: its cells show the block of column 8.
    expect(pixel(bytes, 12, 0)).toEqual(pixel(bytes, 8, 0));
    const full = progressOf(mapScene, fill);
    const all = mapRaster(full, 'final_loss', metricScale(full, 'final_loss', [0]), 4);
    expect(pixel(all, 3, 5)).not.toEqual(pixel(all, 0, 0));
    expect(pixel(all, 12, 3)).toEqual([...DIVERGED_RGB, 255]);
    // Lower loss is lighter: the loss grows to the right, the colours darken.
    const light = (i: number) =>
      pixel(all, i, 0)
        .slice(0, 3)
        .reduce((a, b) => a + b);
    for (let i = 1; i < 12; i++) expect(light(i)).toBeLessThanOrEqual(light(i - 1));
    expect(light(11)).toBeLessThan(light(0) - 200);
    // Nothing computed: transparent.
    const none = progressOf(mapScene, fill, () => 0);
    expect(mapRaster(none, 'final_loss', scale, 4).every((b) => b === 0)).toBe(true);
  });

  it('shows runs that never came within tol in grey, and never uses the reserved colours for values', () => {
    const p = progressOf(mapScene, (c) => [1, 1, c % 2 === 0 ? -1 : c, -1]);
    expect(entryKind(p, 'steps_to_tol', 0, 0)).toBe('never');
    const bytes = mapRaster(p, 'steps_to_tol', metricScale(p, 'steps_to_tol', [0]), 4);
    expect(pixel(bytes, 0, 0)).toEqual([...NEVER_RGB, 255]);
    for (let k = 0; k <= 100; k++) {
      const c = rgb(rampColour(k / 100));
      expect(c).not.toEqual([...DIVERGED_RGB]);
      expect(c).not.toEqual([...NEVER_RGB]);
    }
  });
});

describe('metricScale', () => {
  it('tops the loss scale at the start loss (the largest best loss) and says so', () => {
    // Column 15 blew up to 1e200 without diverging; its best loss is the start's, 10.
    const p = progressOf(mapScene, (c) => {
      const i = Math.floor(c / 16);
      return i === 15 ? [1e200, 10, -1, -1] : [10 ** (-i / 4), 10 ** (-i / 4), -1, -1];
    });
    const scale = metricScale(p, 'final_loss', [0]);
    expect(scale.clipHigh).toBe(true);
    expect(scale.t1).toBeLessThan(2);
    expect(mapKeyModel(scale, 'final loss', false).title).toMatch(
      /darkest: the start's loss or more/,
    );
  });

  it('keeps at most 16 decades of loss, and steps on a linear scale from 0 to the steps', () => {
    const p = progressOf(mapScene, (c) => [10 ** (-c / 8), 1, -1, -1]);
    const scale = metricScale(p, 'final_loss', [0]);
    expect(scale.kind).toBe('log');
    expect(scale.clipLow).toBe(true);
    expect(scale.t1 - scale.t0).toBe(16);
    expect(mapKeyModel(scale, 'final loss', false).title).toBe(
      `final loss (log; lightest: ${axisLabel(10 ** scale.t0)} or less)`,
    );
    expect(metricScale(p, 'steps_to_tol', [0])).toMatchObject({ kind: 'linear', t0: 0, t1: 100 });
  });
});

describe('map words', () => {
  it('says when the map diverges everywhere or converges nowhere, and nothing otherwise', () => {
    const diverged = progressOf(mapScene, () => [1, 1, -1, 3]);
    expect(mapWords(diverged, 'final_loss')).toMatch(/^Diverges everywhere: every one of the 256/);
    const never = progressOf(mapScene, () => [1, 1, -1, -1]);
    expect(mapWords(never, 'steps_to_tol')).toMatch(
      /^Not converged anywhere: no setting came within tol/,
    );
    expect(mapWords(never, 'final_loss')).toBe('');
    expect(mapWords({ ...diverged, done: false }, 'final_loss')).toBe('');
  });
});

describe('keyboard movement', () => {
  it('moves the map focus by one cell (Shift: eight), clamped at the edges', () => {
    // 4 × 3 cells: cell = i·3 + j.
    expect(moveFocus(4, 'ArrowRight', false, 4, 3)).toBe(7);
    expect(moveFocus(4, 'ArrowUp', false, 4, 3)).toBe(5);
    expect(moveFocus(5, 'ArrowUp', false, 4, 3)).toBe(5);
    expect(moveFocus(4, 'ArrowLeft', true, 4, 3)).toBe(1);
    expect(moveFocus(4, 'End', false, 4, 3)).toBe(10);
    expect(moveFocus(4, 'x', false, 4, 3)).toBeNull();
  });

  it('moves along a curve and between curves, and between tabs with wrapping', () => {
    expect(movePoint({ run: 0, index: 3 }, 'ArrowRight', true, 6, 3)).toEqual({ run: 0, index: 5 });
    expect(movePoint({ run: 0, index: 3 }, 'ArrowUp', false, 6, 3)).toEqual({ run: 2, index: 3 });
    expect(tabForKey('ArrowRight', 3, 4)).toBe(0);
    expect(tabForKey('ArrowLeft', 0, 4)).toBe(3);
    expect(tabForKey('End', 0, 4)).toBe(3);
    expect(tabForKey('a', 0, 4)).toBeNull();
  });
});

describe('axis choices', () => {
  it('offers every number of the mapped optimizer and the scene, and a valid first axis for each', () => {
    const adam = mapChoices(scene, 1).map((c) => c.path);
    expect(adam).toEqual(
      expect.arrayContaining([
        'optimizers[1].lr',
        'optimizers[1].betas[0]',
        'optimizers[1].betas[1]',
        'optimizers[1].eps',
        'start[0]',
        'fn.params.kappa',
        'noise.seed',
      ]),
    );
    expect(adam).not.toContain('optimizers[1].amsgrad');
    for (const k of [0, 1]) {
      for (const { path } of mapChoices(scene, k)) {
        expect(checkAxis(scene, axisFor(scene, path, 32), path)).toEqual([]);
      }
    }
    // Curves vary one number of every optimizer: SGD and Adam share lr and weight decay only.
    expect(curveChoices(scene).map((c) => c.path)).toEqual([
      'optimizers[*].lr',
      'optimizers[*].weight_decay',
    ]);
    expect(valueAt(scene, 'optimizers[0].momentum')).toBe(0.9);
    expect(valueAt(scene, 'optimizers[1].betas[1]')).toBe(0.999);
    expect(valueAt(scene, 'nonsense')).toBeNull();
  });
});

describe('learning-rate curves', () => {
  const curves: Scene = { ...scene, sweep: defaultSweep(scene, 'curves') };
  /** SGD (run 0) diverges from value 20 on, best at 10; Adam (run 1) best at 25. */
  const fill = (c: number, r: number): [number, number, number, number] =>
    r === 0
      ? [c >= 20 ? NaN : (c - 10) ** 2 + 1e-3, 1, -1, c >= 20 ? 5 : -1]
      : [(c - 25) ** 2 + 1e-2, 1, -1, -1];

  it('finds each optimizer its best value and says how', () => {
    const p = progressOf(curves, fill);
    const [sgd, adam] = bestValues(p, 'final_loss');
    expect(sgd).toBeCloseTo(1e-5 * 10 ** (10 / 5), 12);
    expect(adam).toBeCloseTo(1e-5 * 10 ** (25 / 5), 9);
    const caption = raceCaption(p, 'final_loss', curves);
    expect(caption).toContain('Grid: 31 values of lr from 1 × 10⁻⁵ to 10, log-spaced; 100 steps');
    expect(caption).toContain('metric: final loss');
    expect(caption).toContain('1 seed');
    const allDiverged = progressOf(curves, () => [NaN, NaN, -1, 2]);
    expect(bestValues(allDiverged, 'final_loss')).toEqual([null, null]);
  });

  it('says over which values each optimizer reaches tol, as a range or a count', () => {
    // 31 values, 5 a decade from 1e-5: SGD reaches tol at values 10–15 (1e-3 … 1e-2), Adam at
    // 20–30 and at 5 (broken), and no run that diverged counts, whatever its steps say.
    const reach = (c: number, r: number): [number, number, number, number] =>
      r === 0
        ? [1e-5, 1e-5, c >= 10 && c <= 16 ? 40 : -1, c === 16 ? 50 : -1]
        : [1e-5, 1e-5, c >= 20 || c === 5 ? 7 : -1, -1];
    const words = curvesWords(progressOf(curves, reach), 'final_loss', ['SGD', 'Adam']);
    expect(words).toBe(
      'Within tol (f ≤ f_min + 1 × 10⁻⁴ in 100 steps), by lr: SGD from 1 × 10⁻³ to 0.01 ' +
        '(1.0 decades); Adam at 12 of 31 values, from 1 × 10⁻⁴ to 10.',
    );
    // None reaches tol: nothing to say beyond the curves.
    expect(curvesWords(progressOf(curves, fill), 'final_loss', ['SGD', 'Adam'])).toBe('');
  });

  it('draws diverged runs as × above the plot, and picks the nearest point', () => {
    const p = progressOf(curves, fill);
    const { ctx, marks } = recordingContext(600, 300);
    const metric: Metric = 'final_loss';
    const g = drawCurves(ctx, {
      width: 600,
      height: 300,
      progress: p,
      metric,
      scale: metricScale(p, metric, [0, 1]),
      colours: ['#ff0000', '#0000ff'],
      names: { x: 'lr', y: 'final loss' },
      best: [10, 25],
      hover: null,
      focus: null,
      theme,
    });
    const crosses = marks.filter(
      (m) =>
        m.kind === 'stroke' &&
        m.style.strokeStyle === '#ff0000' &&
        m.path.subpaths.length === 2 &&
        m.path.subpaths.every((s) => s.length === 2),
    );
    expect(crosses).toHaveLength(11);
    for (const m of crosses) {
      if (m.kind !== 'stroke') continue;
      for (const [, y] of m.path.subpaths.flat()) expect(y).toBeLessThan(g.plot.top);
    }
    expect(texts(marks).map((t) => t.text)).toContain('diverged ×');
    // SGD's diverged point at value 25 sits in the strip's first row, above Adam's point.
    const x = g.plot.left + (25 / 30) * g.plot.width;
    expect(g.pick(x, g.plot.top - 12)).toEqual({ run: 0, index: 25 });
    expect(g.pick(-100, -100)).toBeNull();
  });
});

describe('colourRuns', () => {
  it('finds the runs of one opaque colour in each row', () => {
    const red = [200, 10, 20] as const;
    // 4 × 2 pixels: row 0 red, red, other, red; row 1 transparent red, red, red, other.
    const px = [
      [...red, 255],
      [...red, 255],
      [1, 2, 3, 255],
      [...red, 255],
      [...red, 0],
      [...red, 255],
      [...red, 255],
      [0, 0, 0, 255],
    ];
    const bytes = Uint8ClampedArray.from(px.flat());
    expect(colourRuns(bytes, 4, red)).toEqual([
      [0, 0, 2],
      [0, 3, 4],
      [1, 1, 3],
    ]);
  });
});

describe('map SVG', () => {
  it('draws runs of equal cells as one rectangle, with the key and the reserved colours', () => {
    const p = progressOf(mapScene, (c) => [
      Math.floor(c / 16) === 3 ? 1 : 2,
      2,
      -1,
      c === 0 ? 1 : -1,
    ]);
    const scale = metricScale(p, 'final_loss', [0]);
    const svg = mapSvg({
      progress: p,
      metric: 'final_loss',
      scale,
      levels: 4,
      names: { x: 'lr', y: 'momentum' },
      marker: [0.01, 0.9],
      key: mapKeyModel(scale, 'final loss', false),
      theme,
      background: '#fff',
    });
    const cells = svg.slice(svg.indexOf('<g shape-rendering'), svg.indexOf('</g>'));
    const rects = cells.match(/<rect /g) ?? [];
    // Per row: columns 0–2, column 3, columns 4–15 (row of cell 0 also splits off the diverged one).
    expect(rects.length).toBe(16 * 3 + 1);
    expect(svg).toContain(`fill="rgb(${DIVERGED_RGB.join(',')})"`);
    expect(svg).toContain('>diverged<');
    // The diverged cell is hatched over its colour, and so is its swatch in the key.
    expect(svg.match(/fill="url\(#hatch\)"/g)).toHaveLength(2);
    expect(svg).toContain('<circle');
    expect(svg.endsWith('</svg>')).toBe(true);
  });
});
