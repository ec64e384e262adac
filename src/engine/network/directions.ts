import { NormalSource } from '../noise.ts';
import type { Layout } from './architecture.ts';
import type { Plane } from './plane.ts';

/**
 * Li et al.'s filter-normalised random direction (2018, §4; `normalize_directions_for_weights` of
 * tomgoldstein/loss-landscape with norm='filter', ignore='biasbn'): a Gaussian vector whose every
 * filter — for a linear layer, one output unit's row of incoming weights — is scaled to the norm
 * of the same filter of `center`, and zero on the biases. A step of 1 along it then changes each
 * unit's weights by as much as they measure, whatever the layer's scale, so planes through
 * different networks compare. Draws come from the lab's generator in the vector's order.
 */
export function filterNormalized(
  layout: Layout,
  center: Float64Array,
  source: NormalSource,
): Float64Array {
  const d = new Float64Array(layout.count);
  const { sizes, weight } = layout;
  for (let l = 0; l < weight.length; l++) {
    const inputs = sizes[l]!;
    for (let unit = 0; unit < sizes[l + 1]!; unit++) {
      const from = weight[l]! + unit * inputs;
      let dd = 0;
      let ww = 0;
      for (let i = from; i < from + inputs; i++) {
        d[i] = source.nextNormal();
        dd += d[i]! * d[i]!;
        ww += center[i]! * center[i]!;
      }
      // torch's d.mul_(w.norm() / (d.norm() + 1e-10)).
      const k = Math.sqrt(ww) / (Math.sqrt(dd) + 1e-10);
      for (let i = from; i < from + inputs; i++) d[i] = d[i]! * k;
    }
  }
  return d;
}

/** The plane through `center` along two filter-normalised random directions drawn from `seed`. */
export function randomPlane(layout: Layout, center: Float64Array, seed: number): Plane {
  const source = new NormalSource(seed);
  const d1 = filterNormalized(layout, center, source);
  const d2 = filterNormalized(layout, center, source);
  return { center: Float64Array.from(center), d1, d2 };
}
