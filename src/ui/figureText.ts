import { sliceOf } from '../engine/network/scene.ts';
import type { Scene } from '../engine/scene.ts';
import { formatNumber, formatPoint, plural } from './format.ts';
import { randomPlaneWords } from './network/networkText.ts';
import { sceneName } from './sceneName.ts';

/** "A, B and C". */
const list = (items: readonly string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items.join('');

/** A figure's default title: the function (or the network) and the optimizers compared on it. */
export const figureTitle = (scene: Scene): string =>
  `${sceneName(scene)}: ${list(scene.optimizers.map((o) => o.label))}`;

/** The plane a network scene's figure shows, in words, as its slice asks (network.slice). */
function figurePlane(scene: Scene): string {
  const { plane, run } = sliceOf(scene.network!);
  return plane === 'random'
    ? randomPlaneWords(scene.optimizers[run]?.label ?? `run ${run + 1}`)
    : 'the plane of the runs’ first two principal components';
}

/**
 * A figure's default caption: what a reader needs to redo the picture (steps, start, each
 * optimizer's base learning rate, the gradient noise), and where it was made.
 */
export function figureCaption(scene: Scene): string {
  const rates = scene.optimizers.map((o) => `${o.label} ${formatNumber(o.hyper['lr'] as number)}`);
  const { sigma, seed } = scene.noise;
  return [
    scene.network
      ? `${plural(scene.steps, 'step')}, on ${figurePlane(scene)}.`
      : `${plural(scene.steps, 'step')} from ${formatPoint(scene.start[0], scene.start[1])}.`,
    `Learning rates: ${rates.join(', ')}.`,
    sigma > 0 ? `Gradient noise σ = ${formatNumber(sigma)} (seed ${seed}).` : '',
    'Made with Descent Lab.',
  ]
    .filter(Boolean)
    .join(' ');
}
