import type { Examples } from '../data/examples.ts';
import { NormalSource } from '../noise.ts';
import { filterNormalized } from './directions.ts';
import type { Network } from './model.ts';

/**
 * The lab's one measure of sharpness (the gallery's claims and the page's numbers): radius 10% of
 * each unit's weights, 8 directions, drawn from seed 1, on the full-batch training loss.
 */
export const SHARPNESS = { radius: 0.1, directions: 8, seed: 1 } as const;

/**
 * How sharp a minimum is, as Li et al. (2018) compare them: the loss's mean rise at distance
 * `radius` along `count` filter-normalised random directions, both ways,
 * mean over d of (L(θ + r·d) + L(θ − r·d))/2 − L(θ). Filter normalisation makes the radius
 * relative to each unit's own weights, so two networks' numbers compare even when one's weights
 * are ten times the other's (an unnormalised direction would call the larger net flatter). The
 * directions come from `seed` in order, so the same seed gives the same directions for every θ
 * of one layout up to their scaling. The loss is `examples`' full-batch mean.
 */
export function sharpness(
  net: Network,
  examples: Examples,
  theta: Float64Array,
  radius: number,
  count: number,
  seed: number,
): number {
  const source = new NormalSource(seed);
  const at = new Float64Array(net.count);
  const base = net.loss(theta, examples, null);
  let sum = 0;
  for (let k = 0; k < count; k++) {
    const d = filterNormalized(net.layout, theta, source);
    for (const sign of [1, -1]) {
      for (let i = 0; i < at.length; i++) at[i] = theta[i]! + sign * radius * d[i]!;
      sum += net.loss(at, examples, null);
    }
  }
  return sum / (2 * count) - base;
}
