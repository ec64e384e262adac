import { describe, expect, it } from 'vitest';
import { getFunction } from '../../src/engine/functions/index.ts';
import type { Run, Scene } from '../../src/engine/index.ts';
import { gallery } from '../../src/gallery/scenes.ts';
import { ofSeeds } from '../../src/gallery/types.ts';
import type { DataObjective } from '../../src/engine/data/objective.ts';
import { countOverSeeds, end, last, runsOf, sceneOf, withPreset } from './galleryRuns.ts';

type Preset = Readonly<Record<string, unknown>>;

/** The scene's function parameters changed, the rest of its preset kept. */
const withParams = (preset: Preset, params: Record<string, number>): Preset => {
  const fn = preset['fn'] as { id: string; params: Record<string, number> };
  return withPreset(preset, { fn: { ...fn, params: { ...fn.params, ...params } } });
};

/** The best fit's loss and point on the scene's training set. */
function bestFit(scene: Scene): { f: number; at: readonly [number, number] } {
  const fn = getFunction(scene.fn.id)!;
  const [at] = fn.minima(scene.fn.params);
  return { f: fn.create(scene.fn.params).f(at![0], at![1]), at: at! };
}

/** Each counted claim: does it hold for the runs of one seed (with the preset of that seed)? */
const counted: Record<string, Record<string, (runs: readonly Run[], preset: Preset) => boolean>> = {
  'data-batch-size': {
    worse: ([small], preset) => excess(small!, preset) > excess(largeRun(preset), preset),
    tenTimes: ([small], preset) => excess(small!, preset) >= 10 * excess(largeRun(preset), preset),
  },
  'data-interpolation': {
    exact: ([run]) => last(run!) < 1e-12,
    floor: (_, preset) => {
      const noisy = withParams(preset, { noise: 0.5 });
      const [run] = runsOf(sceneOf(noisy));
      return excess(run!, noisy) > 1e-3;
    },
  },
  'data-adagrad-sparse': {
    adagradNear: ([, adagrad], preset) => sparseError(adagrad!, preset) < 0.2,
    sgdNear: ([sgd], preset) => sparseError(sgd!, preset) < 0.2,
    adagradCloser: ([sgd, adagrad], preset) =>
      sparseError(adagrad!, preset) < sparseError(sgd!, preset),
  },
  'data-flat-minimum': {
    flat: ([run], preset) => wellOf(end(run!), preset) === 'flat',
    betterTest: ([run], preset) => lastTest(run!) < lastTest(fullBatchRun(preset)),
    fullSharp: (_, preset) => wellOf(end(fullBatchRun(preset)), preset) === 'sharp',
  },
  'adam-then-sgd': {
    belowAdam: ([adam, switched], preset) => excess(switched!, preset) < excess(adam!, preset),
    tenTimes: ([adam, switched], preset) => 10 * excess(switched!, preset) <= excess(adam!, preset),
    belowMomentum: ([, switched, momentum], preset) =>
      excess(switched!, preset) < excess(momentum!, preset),
  },
};

/** The training loss a run ends with above the best fit's. */
const excess = (run: Run, preset: Preset): number => last(run) - bestFit(sceneOf(preset)).f;
/** The batch-size scene's run with B = 64, same seed. */
const largeRun = (preset: Preset): Run => runsOf(sceneOf(withParams(preset, { batch: 64 })))[0]!;
/** The run of the preset's scene on the whole training set, same seed. */
const fullBatchRun = (preset: Preset): Run =>
  runsOf(sceneOf(withParams(preset, { batch: figure('data-flat-minimum', 'full') })))[0]!;
/** The test loss a run ends with. */
const lastTest = (run: Run): number => run.testF![run.testF!.length - 1]!;
/** Which of the wells' minima a point is within 0.05 of (the sharp one) or 0.5 of (the flat one). */
function wellOf(p: readonly [number, number], preset: Preset): 'sharp' | 'flat' | 'neither' {
  const scene = sceneOf(preset);
  const [sharp, flat] = getFunction(scene.fn.id)!.minima(scene.fn.params);
  if (Math.hypot(p[0] - sharp![0], p[1] - sharp![1]) < 0.05) return 'sharp';
  if (Math.hypot(p[0] - flat![0], p[1] - flat![1]) < 0.5) return 'flat';
  return 'neither';
}
/** A figure the gallery scene `id` states. */
const figure = (id: string, name: string): number =>
  gallery.find((g) => g.id === id)!.figures![name]!;

/** How far a run's sparse weight y ends from the best fit's, relative to it. */
const sparseError = (run: Run, preset: Preset): number => {
  const { at } = bestFit(sceneOf(preset));
  return Math.abs(end(run)[1] - at[1]) / Math.abs(at[1]);
};

const madeOfData = gallery.filter((g) => getFunction(sceneOf(g.preset).fn.id)?.data);

describe('the gallery: scenes made of data, counted over the seeds that order their batches', () => {
  it('has the batch-size, interpolation, sparse-feature and Adam → SGD scenes', () => {
    expect(madeOfData.map((g) => g.id)).toEqual(Object.keys(counted));
  });

  it.each(madeOfData.map((g) => [g.id, g] as const))(
    '%s: states each claim over seeds 1…SEEDS with the count measured now',
    (id, g) => {
      const counts = countOverSeeds(
        counted[id]!,
        (seed) => withPreset(g.preset, { noise: { sigma: 0, seed } }),
        (preset) => {
          const runs = runsOf(sceneOf(preset));
          expect(runs.every((r) => r.divergedAt === null)).toBe(true);
          return runs;
        },
      );
      const figures = g.figures ?? {};
      expect(Object.fromEntries(Object.keys(counts).map((k) => [k, figures[k]]))).toEqual(counts);
      for (const count of Object.values(counts)) expect(g.lesson).toContain(ofSeeds(count));
    },
  );

  it('each lesson quotes its scene’s own settings', () => {
    const scene = (id: string) => sceneOf(gallery.find((g) => g.id === id)!.preset);
    const figures = (id: string) => gallery.find((g) => g.id === id)!.figures!;
    const batch = scene('data-batch-size');
    expect([batch.fn.params['batch'], batch.steps, batch.optimizers[0]!.hyper['lr']]).toEqual([
      figures('data-batch-size')['small'],
      figures('data-batch-size')['steps'],
      figures('data-batch-size')['lr'],
    ]);
    const switched = scene('adam-then-sgd').optimizers[1]!;
    const phase = switched.phases![0]!;
    const want = figures('adam-then-sgd');
    expect([switched.hyper['lr'], phase.from, phase.type, phase.hyper['lr']]).toEqual([
      want['adam'],
      want['from'],
      'sgd',
      want['sgd'],
    ]);
    expect([phase.hyper['momentum'], scene('adam-then-sgd').steps]).toEqual([
      want['momentum'],
      want['steps'],
    ]);
    const sparse = scene('data-adagrad-sparse');
    expect([sparse.fn.params['batch'], sparse.steps, sparse.optimizers[1]!.hyper['lr']]).toEqual([
      figures('data-adagrad-sparse')['batch'],
      figures('data-adagrad-sparse')['steps'],
      figures('data-adagrad-sparse')['lr'],
    ]);
  });

  it('the wells lesson quotes its settings, the size of its training set and how far apart its minima are', () => {
    const g = gallery.find((s) => s.id === 'data-flat-minimum')!;
    const scene = sceneOf(g.preset);
    const want = g.figures!;
    const fn = getFunction(scene.fn.id)!;
    const { train } = fn.data!.dataset(scene.fn.params);
    expect([
      scene.fn.params['batch'],
      scene.steps,
      scene.optimizers[0]!.hyper['lr'],
      train.n,
    ]).toEqual([want['batch'], want['steps'], want['lr'], want['full']]);
    const objective = fn.create(scene.fn.params) as DataObjective;
    const [sharp, flat] = fn.minima(scene.fn.params);
    const above = (loss: 'f' | 'testF') =>
      objective[loss](sharp![0], sharp![1]) - objective[loss](flat![0], flat![1]);
    // As the lesson rounds them: similar training losses, the test loss clearly worse at the sharp one.
    expect(Number(above('f').toFixed(2))).toBe(want['trainAbove']);
    expect(Number(above('testF').toFixed(2))).toBe(want['testAbove']);
    expect(above('testF')).toBeGreaterThan(2 * Math.abs(above('f')));
    expect(g.lesson).toContain(`only ${want['trainAbove']} above`);
    expect(g.lesson).toContain(`test loss ${want['testAbove']} above`);
  });
});
