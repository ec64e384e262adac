import { ofSeeds, SEEDS, type GalleryScene } from './types.ts';

/**
 * Counted over noise seeds 1…SEEDS, which order the mini-batches; tests/unit/galleryData.test.ts
 * counts them again.
 */
const counts = { belowAdam: 50, tenTimes: 41, belowMomentum: 49 };

/** The settings the lesson quotes. */
const run = { adam: 0.1, sgd: 0.001, momentum: 0.9, from: 300, steps: 600, batch: 16 };

/** Switching optimizers mid-run: Adam to reach the minimum fast, then SGD to settle in it. */
export const phases: readonly GalleryScene[] = [
  {
    id: 'adam-then-sgd',
    title: 'Adam → SGD: fast there, then settle',
    lesson:
      `The line fit again, with mini-batches of ${run.batch}. Adam at lr ${run.adam} crosses ` +
      'the landscape in a few dozen steps, but its steps keep their size near the minimum: each ' +
      'batch’s gradient, divided by its running scale, pushes it around the best fit. The ' +
      `middle run is the same Adam until step ${run.from}, then a new optimizer, SGD with ` +
      `momentum ${run.momentum} at lr ${run.sgd}, whose steps shrink with the gradient (the ` +
      'marker on its path and the line in the loss chart show the switch). SGD with momentum at ' +
      'that rate from the start takes hundreds of steps to arrive. ' +
      `Over seeds 1 to ${SEEDS} (the order of the ` +
      `batches), after ${run.steps} steps the training loss left above the best fit is lower ` +
      `after the switch than with Adam throughout in ${ofSeeds(counts.belowAdam)}, at least 10 ` +
      `times lower in ${ofSeeds(counts.tenTimes)}, and lower than SGD with momentum alone in ` +
      `${ofSeeds(counts.belowMomentum)}.`,
    preset: {
      v: 1,
      fn: { id: 'linear_regression', params: { n: 400, batch: run.batch } },
      steps: run.steps,
      noise: { sigma: 0, seed: 1 },
      optimizers: [
        { type: 'adam', lr: run.adam, label: 'Adam' },
        {
          type: 'adam',
          lr: run.adam,
          phases: [{ from: run.from, type: 'sgd', lr: run.sgd, momentum: run.momentum }],
          label: 'Adam → SGD',
        },
        { type: 'sgd', lr: run.sgd, momentum: run.momentum, label: 'Momentum' },
      ],
    },
    figures: { ...counts, ...run },
  },
];
