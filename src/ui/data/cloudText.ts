import { ellipseOf } from '../../render/data/ellipse.ts';
import { compactNumber as num } from '../../render/chart/format.ts';
import type { CloudFrame } from './dataSource.ts';

/** One line of the cloud's readout: a name and its value, as a definition list shows them. */
export interface ReadoutLine {
  readonly key: string;
  readonly term: string;
  readonly value: string;
}

const pair = (v: readonly [number, number]): string => `(${num(v[0])}, ${num(v[1])})`;

/** B_noise in words: infinite where G vanishes alone, undefined where every gradient does. */
const noiseScaleText = (b: number): string =>
  Number.isNaN(b) ? 'undefined (G = 0 and Σ = 0)' : b === Infinity ? '∞ (G = 0)' : num(b);

/** The numbers of the cloud, one line each, for the readout beside the picture. */
export function cloudReadout({ cloud, step, used }: CloudFrame): ReadoutLine[] {
  const one = ellipseOf(cloud.batchCov, 1);
  return [
    { key: 'at', term: `point ${step - 1}`, value: pair(cloud.at) },
    { key: 'norm', term: '‖G‖', value: num(cloud.norm) },
    { key: 'trace', term: 'tr Σ', value: num(cloud.trace) },
    { key: 'bnoise', term: 'B_noise = tr Σ / ‖G‖²', value: noiseScaleText(cloud.noiseScale) },
    { key: 'batch', term: 'B', value: `${cloud.batch} of N = ${cloud.n}` },
    {
      key: 'spread',
      term: `1σ of a size-${cloud.batch} batch mean`,
      value: `${num(one.major)} × ${num(one.minor)}`,
    },
    { key: 'g', term: 'G', value: pair(cloud.mean) },
    { key: 'used', term: `gradient step ${step} used`, value: pair(used) },
  ];
}

/** What B against B_noise means for this step, after McCandlish et al. (2018). */
export function cloudVerdict({ cloud }: CloudFrame): string {
  const b = cloud.noiseScale;
  if (Number.isNaN(b)) return 'Every example’s gradient is zero here: no batch adds noise.';
  if (b === Infinity) return 'The full gradient is zero here: every mini-batch gradient is noise.';
  return cloud.batch < b
    ? `B = ${cloud.batch} is below B_noise ≈ ${num(b)}: a batch’s gradient is mostly noise ` +
        '(larger batches would help almost linearly).'
    : `B = ${cloud.batch} is above B_noise ≈ ${num(b)}: a batch’s gradient is mostly signal ` +
        '(larger batches would help little).';
}
