import type { PlotContent } from '../../render/frame.ts';
import type { NetworkPicture } from './networkPicture.ts';

/** What the landscape's layers draw of a network's plane: axis names and the projected θ₀. */
export function planeContent(picture: NetworkPicture | null): NonNullable<PlotContent['plane']> {
  const first = picture?.plane.runs.find((r) => r.loss.length > 0);
  return {
    axes: picture?.axisNames ?? ['PC1', 'PC2'],
    start: first ? [first.alpha[0]!, first.beta[0]!] : null,
  };
}
