import { checkSizes } from '../../engine/data/models.ts';
import { checkArchitecture } from '../../engine/network/architecture.ts';
import { getNetworkDataset } from '../../engine/network/datasets.ts';
import { trainSize } from '../../engine/data/examples.ts';
import type { NetworkScene } from '../../engine/network/scene.ts';
import type { Scene } from '../../engine/scene.ts';
import { sceneFromPreset } from '../../preset/index.ts';

/**
 * The network scene the Scene panel's "Train a network" opens: Playground's circle on [2, 8, 8, 1]
 * tanh, SGD, Adam, and Adam switched to SGD halfway, 500 steps: its training takes ~0.5–0.9 s
 * in the worker here (bench/networkPage.bench.ts) and the three end apart on the plane. The
 * function, view and noise seed stay the scene's own.
 */
export function defaultNetworkScene(scene: Scene): Scene {
  return sceneFromPreset({
    v: 1,
    fn: scene.fn.rows ? { id: 'rosenbrock' } : scene.fn,
    steps: 500,
    noise: { sigma: 0, seed: scene.noise.seed },
    optimizers: [
      { type: 'sgd', lr: 0.3 },
      { type: 'adam', lr: 0.03 },
      {
        type: 'adam',
        lr: 0.03,
        label: 'Adam → SGD',
        phases: [{ from: 250, type: 'sgd', lr: 0.3 }],
      },
    ],
    network: { data: 'circle', hidden: [8, 8] },
  });
}

/** `network` with the data set `id` (and its head: regression for the plane). */
export function withData(network: NetworkScene, id: string): NetworkScene {
  const set = getNetworkDataset(id);
  return set ? { ...network, data: set.id, head: set.head } : network;
}

/** Hidden layer widths typed as "8, 8": the widths, or what is wrong, naming the field. */
export function readHidden(
  network: NetworkScene,
  text: string,
): { hidden: number[] } | { problem: string } {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  const hidden = parts.map(Number);
  const problem = checkArchitecture({ ...network, hidden });
  return problem ? { problem: `network.${problem.key} ${problem.message}` } : { hidden };
}

/** What is wrong with batch size `batch` for `network`'s data, naming the field, or null. */
export function batchProblem(network: NetworkScene, batch: number): string | null {
  if (!Number.isInteger(batch) || batch < 1) return 'network.params.batch must be an integer ≥ 1';
  const sizes = checkSizes({ ...network.params, batch });
  return sizes ? `network.params.${sizes.key} ${sizes.message}` : null;
}

/** True when `network`'s data set keeps some examples apart for testing. */
export const hasTestSplit = ({ params }: NetworkScene): boolean =>
  trainSize(params['n']!, params['test']!) < params['n']!;
