import { getNetworkDataset } from '../../engine/network/datasets.ts';
import type { NetworkScene } from '../../engine/network/scene.ts';
import type { Scene } from '../../engine/scene.ts';
import { plural } from '../format.ts';

/** A network in a few words: "Network [2, 8, 8, 1] tanh on Spiral". */
export function networkName(network: NetworkScene): string {
  const data = getNetworkDataset(network.data)?.name ?? network.data;
  const widths = [2, ...network.hidden, 1].join(', ');
  return `Network [${widths}] ${network.activation} on ${data}`;
}

/** What the landscape's caption says of a network scene's plane. */
export const PLANE_CAPTION =
  'The paths are projected on the plane of their first two principal components, and the ' +
  'contours are the training loss on that plane: a path point can lie far off it (hover one ' +
  'to see how far), so a projection hides things. Drag to pan, wheel or pinch to zoom.';

/** A sentence for screen readers that says what the landscape shows for a network scene. */
export function describePlane(scene: Scene, network: NetworkScene): string {
  const labels = scene.optimizers.map((o) => o.label).join(', ');
  return (
    `Contour map of the full-batch training loss of the ${networkName(network)} on the plane of ` +
    `the first two principal components of all runs' parameters, with the paths of ${labels} ` +
    `projected on it over ${plural(scene.steps, 'step')}. Plus and minus zoom.`
  );
}

/** Why the PyTorch export is not offered for a network scene yet. */
export const NETWORK_EXPORT =
  'A network scene has no PyTorch export yet: descent-lab data <link> prints its data, θ₀ and ' +
  'every batch, and descent-lab run <link> --params its parameters at every step.';
