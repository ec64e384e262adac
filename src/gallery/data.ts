import { ofSeeds, SEEDS, type GalleryScene } from './types.ts';

/**
 * Counted over noise seeds 1…SEEDS, which in a scene made of data shuffle its mini-batches (the
 * data stay the same); tests/unit/galleryData.test.ts counts them again.
 */
const batches = { worse: 50, tenTimes: 49 };
const interpolation = { exact: 50, floor: 49 };
const sparse = { adagradNear: 50, sgdNear: 0, adagradCloser: 50 };
const flatMinimum = { flat: 50, betterTest: 50, fullSharp: 50 };

/** The scenes' settings the lessons quote. */
const batchRun = { lr: 0.05, steps: 300, small: 1, large: 64 };
const sparseRun = { lr: 0.5, steps: 150, batch: 8 };
const wellsRun = { lr: 0.04, steps: 600, batch: 4, full: 100 };
/** The sharp minimum's losses above the flat one's, on the wells scene's data (seed 1). */
const wellsAbove = { train: 0.03, test: 0.07 };

/**
 * Losses made of data: real mini-batch noise. Every claim is counted over the noise seeds, which
 * here choose the order of the batches, so each seed is another run of SGD on the same data.
 */
export const data: readonly GalleryScene[] = [
  {
    id: 'data-batch-size',
    title: 'A batch of one zig-zags; a batch of 64 does not',
    lesson:
      'Fitting a line to 300 noisy points: x is the slope, y the intercept, and the landscape is ' +
      'the mean squared error over all of them. Each step of SGD sees one example (B = 1): its ' +
      'gradient points along that example, not downhill, and the path jitters around the best ' +
      `fit instead of reaching it. Set B to ${batchRun.large} and the same rate walks straight ` +
      'in: the noise of a batch mean shrinks as 1/B. ' +
      `Over seeds 1 to ${SEEDS} (the order of the batches), after ${batchRun.steps} steps at ` +
      `lr ${batchRun.lr} the training loss left above the best fit is larger with B = ` +
      `${batchRun.small} than with B = ${batchRun.large} in ${ofSeeds(batches.worse)}, and at ` +
      `least 10 times larger in ${ofSeeds(batches.tenTimes)}.`,
    preset: {
      v: 1,
      fn: { id: 'linear_regression', params: { n: 400, batch: batchRun.small } },
      steps: batchRun.steps,
      noise: { sigma: 0, seed: 1 },
      optimizers: [{ type: 'sgd', lr: batchRun.lr, label: 'SGD' }],
    },
    figures: { ...batches, ...batchRun },
  },
  {
    id: 'data-interpolation',
    title: 'Where every example agrees, the noise vanishes',
    lesson:
      'The same line, but the labels have no noise (σ = 0): the best fit passes through every ' +
      'point, so at the minimum every single example’s gradient is zero, not just their mean. ' +
      'SGD with B = 1 then converges exactly, its steps shrinking as it nears the line. Raise ' +
      'σ and a noise floor appears: the examples disagree at the minimum and keep pushing. ' +
      `Over seeds 1 to ${SEEDS}, after 500 steps the training loss is below 1e-12 in ` +
      `${ofSeeds(interpolation.exact)}; with σ = 0.5 it stays more than 1e-3 above the best ` +
      `fit in ${ofSeeds(interpolation.floor)}.`,
    preset: {
      v: 1,
      fn: { id: 'linear_regression', params: { n: 400, batch: 1, noise: 0 } },
      steps: 500,
      noise: { sigma: 0, seed: 1 },
      optimizers: [{ type: 'sgd', lr: 0.05, label: 'SGD' }],
    },
    figures: interpolation,
  },
  {
    id: 'data-adagrad-sparse',
    title: 'AdaGrad and the sparse feature',
    lesson:
      'A logistic regression on two features, the second non-zero in only 10% of the examples. ' +
      'Its weight y gets a gradient from few batches, and a small one on average: SGD moves x ' +
      'and barely moves y, crawling along the flat direction of the landscape. AdaGrad divides ' +
      'each coordinate’s step by the root of its own summed squared gradients, so the rare ' +
      `feature gets large steps. Over seeds 1 to ${SEEDS}, after ${sparseRun.steps} steps at lr ` +
      `${sparseRun.lr} with B = ${sparseRun.batch}, AdaGrad’s y is within 20% of the best fit’s ` +
      `in ${ofSeeds(sparse.adagradNear)}, SGD’s in ${ofSeeds(sparse.sgdNear)}; AdaGrad’s is ` +
      `the closer in ${ofSeeds(sparse.adagradCloser)}.`,
    preset: {
      v: 1,
      fn: { id: 'sparse_logistic', params: { batch: sparseRun.batch } },
      steps: sparseRun.steps,
      noise: { sigma: 0, seed: 1 },
      optimizers: [
        { type: 'sgd', lr: sparseRun.lr, label: 'SGD' },
        { type: 'adagrad', lr: sparseRun.lr, label: 'AdaGrad' },
      ],
    },
    figures: { ...sparse, ...sparseRun },
  },
  {
    id: 'data-flat-minimum',
    title: 'Small batches leave the sharp minimum for the flat one, which generalizes',
    lesson:
      'Every example here is one landscape, with a sharp well on the left and a flat one on the ' +
      'right, shifted a little by that example’s noise; the landscape drawn is their mean over ' +
      'the training set, the test loss their mean over held-out examples. A narrow well is ' +
      'rebuilt by each sample in its own place, a wide one hardly moves: the sharp minimum’s ' +
      `training loss is only ${wellsAbove.train} above the flat one’s, its test loss ` +
      `${wellsAbove.test} above. SGD starts ` +
      `in the sharp well. With the whole training set (B = ${wellsRun.full}) it settles there; ` +
      `with B = ${wellsRun.batch}, the same lr ${wellsRun.lr} is too much for the batches’ ` +
      'disagreement at the sharp minimum, and the path is thrown out into the flat well, where ' +
      `the batches agree. Over seeds 1 to ${SEEDS}, after ${wellsRun.steps} steps, B = ` +
      `${wellsRun.batch} ends in the flat well in ${ofSeeds(flatMinimum.flat)} with a lower test ` +
      `loss than full batch in ${ofSeeds(flatMinimum.betterTest)}; full batch ends in the sharp ` +
      `one in ${ofSeeds(flatMinimum.fullSharp)}.`,
    preset: {
      v: 1,
      fn: { id: 'shifted_wells', params: { batch: wellsRun.batch } },
      steps: wellsRun.steps,
      noise: { sigma: 0, seed: 1 },
      optimizers: [{ type: 'sgd', lr: wellsRun.lr, label: 'SGD' }],
    },
    figures: {
      ...flatMinimum,
      ...wellsRun,
      trainAbove: wellsAbove.train,
      testAbove: wellsAbove.test,
    },
  },
];
