import { data } from './data.ts';
import { direction } from './direction.ts';
import { network } from './network.ts';
import { noise } from './noise.ts';
import { phases } from './phases.ts';
import { scale } from './scale.ts';
import { sweeps } from './sweeps.ts';
import { time } from './time.ts';
import { SEEDS, type GalleryScene } from './types.ts';

export type { GalleryScene } from './types.ts';

/** A chapter of the lessons' arc: what its scenes fix, and the scenes. */
export interface Chapter {
  readonly title: string;
  /** What the chapter is about, in a few words (a heading, not a claim about a scene). */
  readonly about: string;
  readonly scenes: readonly GalleryScene[];
}

/**
 * The lessons' arc, chapter by chapter: direction (momentum), scale (adaptive rates), time
 * (schedules), noise (claims counted over seeds), mini-batch noise in losses made of data,
 * switching optimizers mid-run, small networks, then many runs at once in the sweep views.
 */
export const chapters: readonly Chapter[] = [
  { title: 'Direction', about: 'what momentum does to the path', scenes: direction },
  { title: 'Scale', about: 'a rate for each coordinate', scenes: scale },
  { title: 'Time', about: 'a rate that changes as the run goes on', scenes: time },
  { title: 'Noise', about: `noisy gradients, counted over ${SEEDS} seeds`, scenes: noise },
  { title: 'Mini-batches', about: 'noise made of data', scenes: data },
  { title: 'Switching', about: 'one optimizer, then another', scenes: phases },
  {
    title: 'Networks',
    about: 'a small network’s landscape, on its principal plane',
    scenes: network,
  },
  { title: 'Many runs', about: 'sweeps over settings and starts', scenes: sweeps },
];

/** The gallery, in teaching order: the chapters' scenes one after another. */
export const gallery: readonly GalleryScene[] = chapters.flatMap((c) => c.scenes);
