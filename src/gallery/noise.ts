import { ofSeeds, SEEDS, type GalleryScene } from './types.ts';

/** Counted over noise seeds 1…SEEDS; tests/unit/galleryNoise.test.ts counts them again. */
const saddle = { bothLeave: 50, momentumFirst: 50 };
const saddleRun = { sigma: 0.1, steps: 100 };
const schedule = { lower: 50, tenTimesLower: 47 };

/**
 * Noise: what gradient noise does, counted over many seeds. The schedule scene opens the seed
 * ensemble over the very seeds its lesson counts, so the screen shows every final loss counted.
 */
export const noise: readonly GalleryScene[] = [
  {
    id: 'noise-saddle',
    title: 'Noise lets SGD escape a saddle',
    lesson:
      'The start lies exactly on the ridge line y = 0, where the gradient points straight at the ' +
      'saddle point: without noise SGD stops there (set σ to 0 to watch both stall). Gradient ' +
      `noise (σ = ${saddleRun.sigma}) knocks it off the ridge and the downhill direction takes over. ` +
      `Over seeds 1 to ${SEEDS}, SGD and Momentum both leave (|y| > 1) within ${saddleRun.steps} steps ` +
      `in ${ofSeeds(saddle.bothLeave)}, ` +
      `and Momentum leaves first in ${ofSeeds(saddle.momentumFirst)}.`,
    preset: {
      v: 1,
      fn: { id: 'saddle' },
      start: [1.5, 0],
      steps: saddleRun.steps,
      noise: { sigma: saddleRun.sigma, seed: 3 },
      optimizers: [
        { type: 'sgd', lr: 0.05 },
        { type: 'sgd', lr: 0.05, momentum: 0.9 },
      ],
    },
    figures: saddle,
  },
  {
    id: 'warmup-cosine',
    title: 'A schedule beats a constant rate under noise',
    lesson:
      'With noisy gradients a constant rate keeps jumping around the minimum: the noise sets a ' +
      'floor. Warmup starts gently, then cosine annealing lowers the rate towards 0, and the same ' +
      'optimizer settles below that floor. ' +
      `Over seeds 1 to ${SEEDS} the scheduled run ends lower in ${ofSeeds(schedule.lower)}, ` +
      `and at least 10 times lower in ${ofSeeds(schedule.tenTimesLower)}: ` +
      'a constant rate sometimes ends low by luck. ' +
      `The Seeds tab shows all ${SEEDS} final losses of each.`,
    preset: {
      v: 1,
      fn: { id: 'narrow_valley', params: { kappa: 10 } },
      start: [-3, 1.5],
      steps: 1000,
      noise: { sigma: 2, seed: 1 },
      sweep: { view: 'seeds', seeds: { count: SEEDS } },
      optimizers: [
        { type: 'sgd', lr: 0.05, momentum: 0.9, label: 'Momentum, constant lr' },
        {
          type: 'sgd',
          lr: 0.05,
          momentum: 0.9,
          label: 'Momentum, warmup + cosine',
          schedule: { type: 'warmup_cosine', warmup_steps: 100, T_max: 900 },
        },
      ],
    },
    figures: schedule,
  },
];
