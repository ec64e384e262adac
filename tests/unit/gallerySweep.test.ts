import { describe, expect, it } from 'vitest';
import { builtinObjective, type Scene } from '../../src/engine/index.ts';
import {
  axisValues,
  planOf,
  runSweep,
  type SweepColumns,
  type SweepSpec,
} from '../../src/engine/sweep/index.ts';
import { himmelblau } from '../../src/engine/functions/index.ts';
import { gallery } from '../../src/gallery/scenes.ts';
import { end, runsOf, sceneOf, withPreset } from './galleryRuns.ts';

const sceneById = (id: string): Scene => sceneOf(gallery.find((g) => g.id === id)!.preset);
const figuresOf = (id: string) => gallery.find((g) => g.id === id)!.figures;
/** The scene's sweep with some settings changed, computed by the sweep kernel. */
const sweep = (scene: Scene, change: Partial<SweepSpec> = {}): SweepColumns =>
  runSweep(planOf({ ...scene, sweep: { ...scene.sweep!, ...change } }));
/** The start's loss: a run has settled when it ends below it. */
const startLoss = (scene: Scene) => builtinObjective(scene.fn).f(...scene.start);

describe('the gallery: scenes that open a sweep view', () => {
  it('the scenes that open a map, curves or basins come last, each opening its view', () => {
    const many = (g: (typeof gallery)[number]) =>
      ['map', 'curves', 'basins'].includes(sceneOf(g.preset).sweep?.view ?? '');
    const first = gallery.findIndex(many);
    expect(first).toBeGreaterThan(0);
    expect(gallery.slice(first).every(many)).toBe(true);
    expect(sceneById('momentum-map').sweep?.view).toBe('map');
    expect(sceneById('lr-decades').sweep?.view).toBe('curves');
    expect(sceneById('himmelblau-basins').sweep?.view).toBe('basins');
  });

  describe('momentum-map', () => {
    const scene = sceneById('momentum-map');
    const kappa = scene.fn.params['kappa']!;
    const limit = (beta: number) => (2 * (1 + beta)) / kappa;
    const f0 = startLoss(scene);
    /** Cells whose run settles where theory says it grows, or the other way round. */
    function disagreements(spec: SweepSpec['map'], margin: number): string[] {
      const [rates, betas] = spec.axes.map(axisValues) as [Float64Array, Float64Array];
      const columns = sweep(scene, { view: 'map', map: spec });
      const out: string[] = [];
      rates.forEach((lr, i) =>
        betas.forEach((beta, j) => {
          if (Math.abs(lr / limit(beta) - 1) < margin) return;
          const cell = i * betas.length + j;
          const settled = columns.divergedAt[cell] === -1 && columns.finalLoss[cell]! < f0;
          if (settled !== lr < limit(beta))
            out.push(`lr ${lr}, β ${beta}: f ${columns.finalLoss[cell]}`);
        }),
      );
      return out;
    }

    it('on its own map every cell left of lr = 2(1 + β)/κ settles and every cell right of it grows', () => {
      const spec = scene.sweep!.map;
      const [rates, betas] = spec.axes.map(axisValues) as [Float64Array, Float64Array];
      // The grid is big enough: every row has cells on both sides of the line (its rates span
      // 0.001…0.06, the line 0.02…0.039), so each row's edge is seen, 48 rates place it within
      // 0.0013 of the line; the nearest cell lies 0.3% from the line and still agrees.
      for (const beta of betas) {
        expect(rates[0]!).toBeLessThan(limit(beta));
        expect(rates[rates.length - 1]!).toBeGreaterThan(limit(beta));
      }
      expect(disagreements(spec, 0)).toEqual([]);
    });

    it('the line is not an accident of the grid: a finer map agrees off the line itself', () => {
      // 96 × 40 cells up to the same β. Within 1% of the line a step scales the zig-zag by a factor
      // so near 1 that 200 steps cannot tell growth from decay; the lesson does not count those.
      const [lr, beta] = scene.sweep!.map.axes;
      const finer = {
        ...scene.sweep!.map,
        axes: [
          { ...lr, count: 96 },
          { ...beta, count: 40 },
        ] as const,
      };
      expect(disagreements(finer, 0.01)).toEqual([]);
    });

    it("the scene's own rate settles with its momentum and blows up without it", () => {
      const own = scene.optimizers[0]!.hyper;
      const momentum = own['momentum'] as number;
      const axis = {
        path: 'optimizers[0].momentum',
        from: 0,
        to: momentum,
        count: 2,
        scale: 'linear',
      } as const;
      const columns = runSweep({ scene, axes: [axis], tol: scene.sweep!.tol });
      expect(columns.finalLoss[0]!).toBeGreaterThan(f0 * 1e6);
      expect(columns.finalLoss[1]!).toBeLessThan(f0 * 1e-6);
      expect(figuresOf('momentum-map')).toEqual({
        kappa,
        sgdLimit: limit(0),
        topBeta: scene.sweep!.map.axes[1].to,
        topLimit: Number(limit(scene.sweep!.map.axes[1].to).toPrecision(2)),
        ownLr: own['lr'],
        ownMomentum: momentum,
      });
    });
  });

  describe('lr-decades', () => {
    const scene = sceneById('lr-decades');
    /** Per optimizer: the lowest and highest rate of the curve that end with f ≤ tol. */
    function working(s: Scene) {
      const axis = s.sweep!.curves.axis;
      const rates = axisValues(axis);
      const columns = sweep(s);
      return s.optimizers.map((_, r) => {
        const ok = Array.from(rates, (_, i) => {
          const k = i * columns.runs + r;
          return columns.divergedAt[k] === -1 && columns.finalLoss[k]! <= s.sweep!.tol;
        });
        const lo = ok.indexOf(true);
        const hi = ok.lastIndexOf(true);
        // "From … to …" is true of every rate between: the working rates are one unbroken run.
        expect(ok.slice(lo, hi + 1).every(Boolean), `optimizer ${r}: one unbroken range`).toBe(
          true,
        );
        return {
          from: rates[lo]!,
          to: rates[hi]!,
          decades: Math.log10(rates[hi]! / rates[lo]!),
          top: hi === rates.length - 1,
        };
      });
    }

    it('states the working range of every optimizer as the curves measure it', () => {
      // 61 rates, 10 a decade over 1e-5…10: each range is measured to a tenth of a decade, and both
      // ends of every range lie inside the axis except Adam's top, which the lesson says is the end.
      const [sgd, momentum, adam] = working(scene);
      const two = (v: number) => Number(v.toPrecision(2));
      const one = (v: number) => Number(v.toFixed(1));
      expect(adam!.top).toBe(true);
      expect(sgd!.top || momentum!.top).toBe(false);
      expect(figuresOf('lr-decades')).toEqual({
        tol: scene.sweep!.tol,
        adamFrom: two(adam!.from),
        adamTo: two(adam!.to),
        adamDecades: one(adam!.decades),
        momentumFrom: two(momentum!.from),
        momentumTo: two(momentum!.to),
        momentumDecades: one(momentum!.decades),
        sgdFrom: two(sgd!.from),
        sgdTo: two(sgd!.to),
        sgdDecades: one(sgd!.decades),
      });
      // SGD's working rates lie below 2/κ, as the lesson explains.
      expect(sgd!.to).toBeLessThan(2 / scene.fn.params['kappa']!);
    });

    it('the order holds with 20% fewer or more steps and from a moved start', () => {
      const preset = gallery.find((g) => g.id === 'lr-decades')!.preset;
      for (const change of [{ steps: 400 }, { steps: 600 }, { start: [-3.3, 1.2] }]) {
        const [sgd, momentum, adam] = working(sceneOf(withPreset(preset, change)));
        expect(adam!.top, JSON.stringify(change)).toBe(true);
        expect(adam!.decades).toBeGreaterThan(momentum!.decades + 1);
        expect(momentum!.decades).toBeGreaterThan(sgd!.decades + 1);
      }
    });
  });

  describe('himmelblau-basins', () => {
    const scene = sceneById('himmelblau-basins');
    const minima = himmelblau.minima({});
    /** Per optimizer, per start: the minimum it ends at (−1: not within tol of one, or diverged). */
    function basinMaps(resolution: number): Int32Array[] {
      return scene.optimizers.map((_, optimizer) => {
        const columns = sweep(scene, { view: 'basins', basins: { resolution, optimizer } });
        return Int32Array.from(columns.basin, (b, cell) =>
          columns.divergedAt[cell] === -1 && columns.finalLoss[cell]! <= scene.sweep!.tol ? b : -1,
        );
      });
    }
    const percent = (count: number, of: number) => (100 * count) / of;
    const shares = (map: Int32Array) =>
      minima.map((_, m) => percent(map.filter((b) => b === m).length, map.length));
    const differs = (a: Int32Array, b: Int32Array) =>
      percent(a.filter((v, i) => v !== b[i]).length, a.length);

    it('states the shares and how often the optimizers disagree, measured on its own map', () => {
      const resolution = scene.sweep!.basins.resolution;
      const [sgd, momentum, adam] = basinMaps(resolution);
      const all = [sgd!, momentum!, adam!].flatMap(shares);
      expect(figuresOf('himmelblau-basins')).toEqual({
        shareLow: Math.round(Math.min(...all)),
        shareHigh: Math.round(Math.max(...all)),
        momentumDiffers: Math.round(differs(sgd!, momentum!)),
        adamDiffers: Math.round(differs(sgd!, adam!)),
      });
      // The half-resolution map (64², still ≈ 20 starts across the narrowest stripe seen) tells the
      // same within 1.5 points: the figures are the map's, not its pixels'.
      const [sgd64, momentum64, adam64] = basinMaps(resolution / 2);
      expect(Math.abs(differs(sgd64!, momentum64!) - differs(sgd!, momentum!))).toBeLessThan(1.5);
      expect(Math.abs(differs(sgd64!, adam64!) - differs(sgd!, adam!))).toBeLessThan(1.5);
    });

    it("from the scene's own start, and near it, SGD and Adam end at (3, 2), Momentum at (3.58, −1.85)", () => {
      const preset = gallery.find((g) => g.id === 'himmelblau-basins')!.preset;
      const [x, y] = scene.start;
      for (const [dx, dy] of [
        [0, 0],
        [0.1, 0],
        [-0.1, 0],
        [0, 0.1],
        [0, -0.1],
        [0.2, 0.2],
        [-0.2, -0.2],
      ]) {
        const [sgd, momentum, adam] = runsOf(
          sceneOf(withPreset(preset, { start: [x + dx!, y + dy!] })),
        );
        const at = (r: typeof sgd) =>
          minima.findIndex(([mx, my]) => Math.hypot(end(r!)[0] - mx, end(r!)[1] - my) < 1e-3);
        expect([at(sgd), at(momentum), at(adam)], `start + (${dx}, ${dy})`).toEqual([0, 3, 0]);
        // Momentum first passes (3, 2), within 0.7 of it and beyond it in x: it overshoots the
        // minimum SGD and Adam settle in.
        const near = momentum!.x.some(
          (mx, k) => mx > 3 && Math.hypot(mx - 3, momentum!.y[k]! - 2) < 0.7,
        );
        expect(near, `start + (${dx}, ${dy})`).toBe(true);
      }
    });
  });
});
