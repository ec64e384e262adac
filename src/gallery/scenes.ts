import { data } from './data.ts';
import { direction } from './direction.ts';
import { noise } from './noise.ts';
import { phases } from './phases.ts';
import { scale } from './scale.ts';
import { sweeps } from './sweeps.ts';
import { time } from './time.ts';
import type { GalleryScene } from './types.ts';

export type { GalleryScene } from './types.ts';

/**
 * The gallery, in teaching order: direction (momentum), scale (adaptive rates), time (schedules),
 * noise (claims counted over seeds), mini-batch noise in losses made of data, switching optimizers
 * mid-run, then many runs at once in the sweep views.
 */
export const gallery: readonly GalleryScene[] = [
  ...direction,
  ...scale,
  ...time,
  ...noise,
  ...data,
  ...phases,
  ...sweeps,
];
