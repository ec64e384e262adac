import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineBarrier } from '../../src/engine/network/barrier.ts';
import { accuracy } from '../../src/engine/network/boundary.ts';
import { Network } from '../../src/engine/network/model.ts';
import { networkTraining } from '../../src/engine/network/scene.ts';
import { sharpness } from '../../src/engine/network/sharpness.ts';
import { lineLosses, lineTs } from '../../src/engine/network/slice.ts';
import { trainNetwork, type NetworkRun } from '../../src/engine/network/train.ts';
import type { NetworkTraining } from '../../src/engine/network/train.ts';
import { network, SHARPNESS, withNetworkSeed } from '../../src/gallery/network.ts';
import { ofSeeds } from '../../src/gallery/types.ts';
import { countOverSeeds, quotes, sceneOf } from './galleryRuns.ts';

type Preset = Readonly<Record<string, unknown>>;

/** One seed's training of a preset: its runs, and what they were trained on. */
interface Trained {
  readonly training: NetworkTraining;
  readonly runs: readonly NetworkRun[];
  readonly net: Network;
}

function train(preset: Preset): Trained {
  const scene = sceneOf(preset);
  const training = networkTraining(scene, scene.network!);
  const runs = trainNetwork(training);
  expect(runs.every((r) => r.divergedAt === null)).toBe(true);
  return { training, runs, net: new Network(training.arch) };
}

/** A run's last parameters. */
const end = (run: NetworkRun): Float64Array => {
  const k = run.loss.length - 1;
  return run.params.subarray(k * run.count, (k + 1) * run.count);
};
const lastLoss = (run: NetworkRun): number => run.loss[run.loss.length - 1]!;
const lastTest = (run: NetworkRun): number => run.testLoss![run.testLoss!.length - 1]!;
/** The training loss's rise around a run's end (the gallery's measure). */
const sharp = ({ training, net }: Trained, run: NetworkRun): number =>
  sharpness(
    net,
    training.data.train,
    end(run),
    SHARPNESS.radius,
    SHARPNESS.directions,
    SHARPNESS.seed,
  );
/** The share of the test set a run's end labels right, in percent. */
const testAccuracy = ({ training, net }: Trained, run: NetworkRun): number => {
  const { test } = training.data;
  return 100 * accuracy(net, end(run), test, new Float64Array(test.n));
};

/** The preset with its network's hidden layers replaced. */
const withHidden = (preset: Preset, hidden: number[]): Preset => ({
  ...preset,
  network: { ...(preset['network'] as object), hidden },
});

const figure = (id: string, name: string): number =>
  network.find((g) => g.id === id)!.figures![name]!;

/** Each counted claim: does it hold for one seed's training (of the preset of that seed)? */
const counted: Record<string, Record<string, (t: Trained, preset: Preset) => boolean>> = {
  'network-spiral-optimizers': {
    adamFits: ({ runs: [sgd, adam] }) => lastLoss(adam!) < lastLoss(sgd!),
    sgdFlatter: (t) => sharp(t, t.runs[0]!) < sharp(t, t.runs[1]!),
    sgdTests: ({ runs: [sgd, adam] }) => lastTest(sgd!) < lastTest(adam!),
    adamGap: ({ runs: [sgd, adam] }) =>
      lastTest(adam!) - lastLoss(adam!) > lastTest(sgd!) - lastLoss(sgd!),
    switchFlatter: (t) => sharp(t, t.runs[2]!) < sharp(t, t.runs[1]!),
    switchTests: ({ runs: [, adam, switched] }) => lastTest(switched!) <= lastTest(adam!),
  },
  'network-circle-units': {
    wide: (t) => testAccuracy(t, t.runs[0]!) >= figure('network-circle-units', 'accuracy'),
    narrow: (_, preset) => {
      const t = train(withHidden(preset, [figure('network-circle-units', 'narrowUnits')]));
      return testAccuracy(t, t.runs[0]!) >= figure('network-circle-units', 'accuracy');
    },
  },
  'network-xor-adam': {
    adamFits: ({ runs: [sgd, adam] }) => lastLoss(adam!) < lastLoss(sgd!),
    adamTests: ({ runs: [sgd, adam] }) => lastTest(adam!) < lastTest(sgd!),
    adamAccurate: (t) => testAccuracy(t, t.runs[1]!) >= figure('network-xor-adam', 'accuracy'),
    sgdAccurate: (t) => testAccuracy(t, t.runs[0]!) >= figure('network-xor-adam', 'accuracy'),
  },
};

describe('the gallery’s network scenes, counted over seeds (θ₀ and batch order)', () => {
  it('has the spiral, circle and XOR scenes, each preset valid and every figure quoted', () => {
    expect(network.map((g) => g.id)).toEqual(Object.keys(counted));
    for (const g of network) {
      expect(sceneOf(g.preset).network).toBeDefined();
      for (const [name, value] of Object.entries(g.figures ?? {}))
        expect(quotes(g.lesson, value), `${g.id}: ${name} = ${value} in the lesson`).toBe(true);
    }
  });

  it('seed s is noise seed s and θ₀ seed s, the data kept', () => {
    const g = network[0]!;
    const a = sceneOf(withNetworkSeed(g.preset, 7));
    expect([a.noise.seed, a.network!.init]).toEqual([7, 7]);
    expect(a.network!.params).toEqual(sceneOf(g.preset).network!.params);
  });

  it.each(network.map((g) => [g.id, g] as const))(
    '%s: states each claim over seeds 1…SEEDS with the count measured now',
    (id, g) => {
      const counts = countOverSeeds(counted[id]!, (seed) => withNetworkSeed(g.preset, seed), train);
      const figures = g.figures ?? {};
      expect(Object.fromEntries(Object.keys(counts).map((k) => [k, figures[k]]))).toEqual(counts);
      for (const count of Object.values(counts)) expect(g.lesson).toContain(ofSeeds(count));
    },
    // The spiral's 150 trainings take ≈ 19 s here unloaded (Vitest's module transform makes
    // the engine ≈ 2.4× slower than tsx): room for a loaded machine.
    90_000,
  );

  it('each lesson quotes its scene’s own settings', () => {
    const scene = (id: string) => sceneOf(network.find((g) => g.id === id)!.preset);
    const spiral = scene('network-spiral-optimizers');
    const [sgd, adam, switched] = spiral.optimizers;
    const phase = switched!.phases![0]!;
    const f = (name: string) => figure('network-spiral-optimizers', name);
    expect([
      spiral.network!.params['n'],
      spiral.network!.params['batch'],
      spiral.steps,
      sgd!.hyper['lr'],
      adam!.hyper['lr'],
      switched!.hyper['lr'],
      phase.type,
      phase.from,
      phase.hyper['lr'],
      phase.hyper['momentum'],
    ]).toEqual([
      f('n'),
      f('batch'),
      f('steps'),
      f('sgd'),
      f('adam'),
      f('adam'),
      'sgd',
      f('from'),
      f('switched'),
      0,
    ]);
    const circle = scene('network-circle-units');
    const c = (name: string) => figure('network-circle-units', name);
    expect([circle.network!.hidden, circle.optimizers[0]!.hyper['lr'], circle.steps]).toEqual([
      [c('units')],
      c('lr'),
      c('steps'),
    ]);
    const xor = scene('network-xor-adam');
    const x = (name: string) => figure('network-xor-adam', name);
    expect([xor.optimizers[0]!.hyper['lr'], xor.optimizers[1]!.hyper['lr'], xor.steps]).toEqual([
      x('sgd'),
      x('adam'),
      x('steps'),
    ]);
  });

  it('the README’s barriers on the spiral hold over seeds 1…SEEDS as it counts them', () => {
    const spiral = network.find((g) => g.id === 'network-spiral-optimizers')!;
    const ts = lineTs(81);
    const height = ({ training, net, runs }: Trained, a: number, b: number): number =>
      lineBarrier(ts, lineLosses(net, training.data.train, end(runs[a]!), end(runs[b]!), ts))!
        .height;
    const counts = countOverSeeds(
      {
        sgdAdamBarrier: (t: Trained) => height(t, 0, 1) > 0,
        switchConnected: (t: Trained) => height(t, 1, 2) === 0,
      },
      (seed) => withNetworkSeed(spiral.preset, seed),
      train,
    );
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(
      /\s+/g,
      ' ',
    );
    expect(readme).toContain(`in ${ofSeeds(counts['sgdAdamBarrier']!)} seeds`);
    expect(readme).toContain(`connected in ${ofSeeds(counts['switchConnected']!)}`);
  }, 90_000);
});
