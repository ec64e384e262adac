import { BatchOrder } from '../data/batches.ts';
import { trainSize } from '../data/examples.ts';
import type { Scene } from '../scene.ts';
import type { Activation, Head } from './architecture.ts';
import { getNetworkDataset } from './datasets.ts';
import { initialParameters } from './init.ts';
import type { NetworkTraining } from './train.ts';

/**
 * A scene's network (preset field `network`): a data set of datasets.ts with its parameters, an
 * MLP on it, and the seed of θ₀. The scene's optimizers train it for the scene's steps; its noise
 * seed shuffles the batches, as it does for the 2-D data scenes.
 */
export interface NetworkScene {
  /** A network data set's id: circle, xor, gauss, spiral, plane. */
  readonly data: string;
  /** n, test, batch, seed, noise (every key of networkDataParams). */
  readonly params: Readonly<Record<string, number>>;
  readonly hidden: readonly number[];
  readonly activation: Activation;
  /** The data set's head (a preset may only restate it). */
  readonly head: Head;
  /** The seed of the initial parameters. */
  readonly init: number;
}

/** What trainNetwork takes for a scene with a network (already validated by preset/). */
export function networkTraining(
  scene: Pick<Scene, 'steps' | 'noise' | 'optimizers'>,
  network: NetworkScene,
): NetworkTraining {
  const { params } = network;
  const set = getNetworkDataset(network.data);
  if (!set) throw new Error(`unknown network data set "${network.data}"`);
  const arch = { hidden: network.hidden, activation: network.activation, head: network.head };
  return {
    arch,
    data: set.dataset(params),
    order: new BatchOrder(
      trainSize(params['n']!, params['test']!),
      params['batch']!,
      scene.noise.seed,
    ),
    start: initialParameters(arch, network.init),
    steps: scene.steps,
    optimizers: scene.optimizers,
  };
}
