import type { PlaneKind } from '../../engine/network/landscape.ts';
import type { SliceLoss } from '../../engine/network/scene.ts';
import type { PlotContent } from '../../render/frame.ts';
import type { NetworkPicture } from './networkPicture.ts';
import { lossName } from './networkText.ts';

/**
 * What the landscape's layers draw of a network's plane: axis names, the loss its contours are
 * (the colour scale's name, as the page's) and the projected θ₀; before the first picture, the
 * axes and loss of the slice the scene asks for (`kind`, `loss`).
 */
export function planeContent(
  picture: NetworkPicture | null,
  kind: PlaneKind = 'pca',
  loss: SliceLoss = 'train',
): NonNullable<PlotContent['plane']> {
  const first = picture?.plane.runs.find((r) => r.loss.length > 0);
  const none: readonly [string, string] =
    kind === 'random' ? ['random direction 1', 'random direction 2'] : ['PC1', 'PC2'];
  return {
    axes: picture?.axisNames ?? none,
    field: lossName(picture?.plane.loss ?? loss),
    start: first ? [first.alpha[0]!, first.beta[0]!] : null,
  };
}
