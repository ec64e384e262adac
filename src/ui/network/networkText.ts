import { getNetworkDataset } from '../../engine/network/datasets.ts';
import type { PlaneKind } from '../../engine/network/landscape.ts';
import { sliceOf, type NetworkScene, type SliceLoss } from '../../engine/network/scene.ts';
import type { Scene } from '../../engine/scene.ts';
import { plural } from '../format.ts';

/** A network in a few words: "Network [2, 8, 8, 1] tanh on Spiral". */
export function networkName(network: NetworkScene): string {
  const data = getNetworkDataset(network.data)?.name ?? network.data;
  const widths = [2, ...network.hidden, 1].join(', ');
  return `Network [${widths}] ${network.activation} on ${data}`;
}

/** The loss a slice's contours show, in words: "training loss", "test loss". */
export const lossName = (loss: SliceLoss): string =>
  loss === 'test' ? 'test loss' : 'training loss';

/** A random plane in words: "a plane through Adam’s last point along two … random directions". */
export const randomPlaneWords = (through: string): string =>
  `a plane through ${through}’s last point along two filter-normalised random directions`;

/**
 * The plane in words: "the plane of their first two principal components", "a plane through
 * Adam's last point along two filter-normalised random directions".
 */
function planeWords(kind: PlaneKind, through: string): string {
  return kind === 'random'
    ? `${randomPlaneWords(through)} (Li et al.), shared by every run`
    : 'the plane of their first two principal components';
}

/**
 * What the landscape's caption says of a network scene's plane: which plane (`through`: the
 * label of the run a random one passes through), which loss its contours are, and that a
 * projection hides things.
 */
export function planeCaption(kind: PlaneKind, loss: SliceLoss, through: string): string {
  return (
    `The paths are projected on ${planeWords(kind, through)}, and the contours are the ` +
    `full-batch ${lossName(loss)} on that plane: a path point can lie far off it (hover one ` +
    'to see how far), so a projection hides things. Drag to pan, wheel or pinch to zoom.'
  );
}

/** A sentence for screen readers that says what the landscape shows for a network scene. */
export function describePlane(scene: Scene, network: NetworkScene): string {
  const labels = scene.optimizers.map((o) => o.label).join(', ');
  const { plane, run, loss } = sliceOf(network);
  const where =
    plane === 'random'
      ? randomPlaneWords(scene.optimizers[run]?.label ?? `run ${run + 1}`)
      : `the plane of the first two principal components of all runs' parameters`;
  return (
    `Contour map of the full-batch ${lossName(loss)} of the ${networkName(network)} on ` +
    `${where}, with the paths of ${labels} projected on it over ` +
    `${plural(scene.steps, 'step')}. Plus and minus zoom.`
  );
}

/** Why the PyTorch export is not offered for a network scene yet. */
export const NETWORK_EXPORT =
  'A network scene has no PyTorch export yet: descent-lab data <link> prints its data, θ₀ and ' +
  'every batch, and descent-lab run <link> --params its parameters at every step.';
