import { BatchOrder } from '../data/batches.ts';
import { trainSize, type Examples } from '../data/examples.ts';
import type { Scene } from '../scene.ts';
import type { Activation, Head } from './architecture.ts';
import { getNetworkDataset } from './datasets.ts';
import { initialParameters } from './init.ts';
import type { PlaneKind } from './landscape.ts';
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
  /** How the landscape slices the runs' parameter space; absent is DEFAULT_SLICE. */
  readonly slice?: NetworkSlice;
}

/** Which full-batch loss a slice draws: over the training set, or over the test set. */
export type SliceLoss = 'train' | 'test';
export const SLICE_LOSSES: readonly SliceLoss[] = ['train', 'test'];

/**
 * The plane the landscape shows a network scene's runs on (preset field `network.slice`), the
 * same one `descent-lab slice` computes: the principal plane of every run's path, or the plane
 * through run `run`'s last point along two filter-normalised random directions (seed 1); and
 * whether its contours are the training or the test loss.
 */
export interface NetworkSlice {
  readonly plane: PlaneKind;
  /** The run (by its place among the scene's optimizers) a random plane passes through. */
  readonly run: number;
  readonly loss: SliceLoss;
}

/** What a network scene without `slice` shows: the principal plane, the training loss. */
export const DEFAULT_SLICE: NetworkSlice = { plane: 'pca', run: 0, loss: 'train' };

/** `network` slicing as `slice` says; the default slice is left out, as a preset reads it. */
export function withSlice(network: NetworkScene, slice: NetworkSlice): NetworkScene {
  const next: { -readonly [K in keyof NetworkScene]: NetworkScene[K] } = { ...network, slice };
  if (isDefaultSlice(slice)) delete next.slice;
  return next;
}

/** The slice a network scene asks for. */
export const sliceOf = (network: NetworkScene): NetworkSlice => network.slice ?? DEFAULT_SLICE;

/** True when `slice` is the default one: a scene with it means the same as one without. */
export const isDefaultSlice = ({ plane, run, loss }: NetworkSlice): boolean =>
  plane === DEFAULT_SLICE.plane && run === DEFAULT_SLICE.run && loss === DEFAULT_SLICE.loss;

/** What a training's setup is of: its data set, model, θ₀ and batch order (not its runs). */
type Setup = Omit<NetworkTraining, 'steps' | 'optimizers'>;

/** The newest setups by what they are of (setupKey), the most recently used last. */
const setups = new Map<string, Setup>();
/** Setups kept: a drag's every request and the page's own scene find theirs. */
const KEPT_SETUPS = 4;

const setupKey = (seed: number, n: NetworkScene): string =>
  JSON.stringify([seed, n.data, n.params, n.hidden, n.activation, n.head, n.init]);

/**
 * What trainNetwork takes for a scene with a network (already validated by preset/). Its setup
 * (the data set, θ₀ and the batch order) is built once for the scenes that share it, whatever
 * their runs: a worker gets each request as a new copy of its scene, and a fresh load built the
 * setup in ≈ 30 ms a worker in Chromium (two workers at once); the setup's arrays are only ever
 * read.
 */
export function networkTraining(
  scene: Pick<Scene, 'steps' | 'noise' | 'optimizers'>,
  network: NetworkScene,
): NetworkTraining {
  const key = setupKey(scene.noise.seed, network);
  let setup = setups.get(key);
  if (setup) setups.delete(key);
  else {
    const { params } = network;
    const set = getNetworkDataset(network.data);
    if (!set) throw new Error(`unknown network data set "${network.data}"`);
    const arch = { hidden: network.hidden, activation: network.activation, head: network.head };
    setup = {
      arch,
      data: set.dataset(params),
      order: new BatchOrder(
        trainSize(params['n']!, params['test']!),
        params['batch']!,
        scene.noise.seed,
      ),
      start: initialParameters(arch, network.init),
    };
  }
  setups.set(key, setup);
  if (setups.size > KEPT_SETUPS) setups.delete(setups.keys().next().value!);
  return { ...setup, steps: scene.steps, optimizers: scene.optimizers };
}

/**
 * The examples a slice's contours are the full-batch loss over: the training set, or the test
 * set (none without a test split: the preset refuses `loss: "test"` then, so this throws).
 */
export function sliceExamples(training: NetworkTraining, loss: SliceLoss): Examples {
  if (loss === 'train') return training.data.train;
  if (training.data.test.n === 0) {
    throw new Error('the test loss needs a test split (network.params.test above 0)');
  }
  return training.data.test;
}
