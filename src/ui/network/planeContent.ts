import type { PlaneKind } from '../../engine/network/landscape.ts';
import type { PlotContent } from '../../render/frame.ts';
import type { NetworkPicture } from './networkPicture.ts';

/**
 * What the landscape's layers draw of a network's plane: axis names and the projected θ₀; before
 * the first picture, the axes of the plane the scene asks for (`kind`).
 */
export function planeContent(
  picture: NetworkPicture | null,
  kind: PlaneKind = 'pca',
): NonNullable<PlotContent['plane']> {
  const first = picture?.plane.runs.find((r) => r.loss.length > 0);
  const none: readonly [string, string] =
    kind === 'random' ? ['random direction 1', 'random direction 2'] : ['PC1', 'PC2'];
  return {
    axes: picture?.axisNames ?? none,
    start: first ? [first.alpha[0]!, first.beta[0]!] : null,
  };
}
