import type { ParamSpec, Params, TestFunction, Vec2 } from '../types.ts';
import { BatchOrder } from './batches.ts';
import { memoized, trainSize, type Draw } from './examples.ts';
import { leastSquares, logisticFit } from './fit.ts';
import { sigmoid } from './logistic.ts';
import { LinearRegression, LogisticRegression } from './objective.ts';
import { ShiftedWells, WELLS, WELLS_LOSS, wellMinima, wellsDraw } from './wells.ts';

/** The most examples a data scene may generate. */
export const MAX_EXAMPLES = 10_000;
/** The largest seed: 2³¹ − 1. */
const MAX_SEED = 2_147_483_647;

/**
 * The parameters every data model shares: its size, split, batch size and the seed of its data.
 * The batches are shuffled by the scene's noise seed: in a scene made of data, mini-batches are
 * the noise, and the seed ensemble and every claim counted over seeds vary their order.
 */
export const common = (n: number, batch: number): Record<string, ParamSpec> => ({
  n: { default: n, min: 2, max: MAX_EXAMPLES, integer: true, label: 'N (examples)' },
  test: { default: 0.25, min: 0, max: 0.9, label: 'test share' },
  batch: { default: batch, min: 1, max: MAX_EXAMPLES, integer: true, label: 'B (batch size)' },
  seed: { default: 1, min: 0, max: MAX_SEED, integer: true, label: 'data seed' },
});

/**
 * `find` once per parameter object: a data model's minimum is a fit over its training set (Newton's
 * method for the logistic one, ~2 ms for 1,000 examples), and the landscape asks on every frame.
 */
function perParams(find: (params: Params) => Vec2[]): (params: Params) => Vec2[] {
  const found = new WeakMap<Params, Vec2[]>();
  return (params) => {
    let minima = found.get(params);
    if (!minima) found.set(params, (minima = find(params)));
    return minima;
  };
}

/**
 * A batch larger than the training set, or a split that leaves none, is refused; `n` examples in
 * all (a user's data set has its own count rather than a parameter).
 */
export function checkSizes(
  params: Params,
  n = params['n']!,
): { key: string; message: string } | null {
  const nTrain = trainSize(n, params['test']!);
  if (nTrain < 1) return { key: 'test', message: 'leaves no training example' };
  if (params['batch']! > nTrain) {
    return { key: 'batch', message: `must be at most the ${nTrain} training examples` };
  }
  return null;
}

/** The batches of these parameters, shuffled by the scene's noise seed (its source of noise). */
const orderOf = (params: Params, seed: number): BatchOrder =>
  new BatchOrder(trainSize(params['n']!, params['test']!), params['batch']!, seed);

/** True line of the regression data: t = 2a − 1 + noise·ξ, a uniform on [−1, 3]. */
const lineDraw: Draw = (source, params) => {
  const a = -1 + 4 * source.nextUniform();
  return [a, 0, 2 * a - 1 + params['noise']! * source.nextNormal()];
};
const lineData = memoized(lineDraw);

/** Fitting a line to noisy points: a bowl in (slope, intercept), tilted by the inputs' mean. */
export const linearRegression: TestFunction = {
  id: 'linear_regression',
  name: 'Linear regression (data)',
  formula: 'mean over the training set of (x·aᵢ + y − tᵢ)²',
  data: {
    model: 'linear regression: x is the slope, y the intercept',
    inputs: 1,
    plot: 'line',
    loss: 'ℓᵢ = (x·aᵢ + y − tᵢ)²',
    nsPerExample: 2.3,
    dataset: lineData,
    batches: orderOf,
  },
  params: {
    ...common(200, 8),
    noise: { default: 0.5, min: 0, max: 5, label: 'σ (label noise)' },
  },
  view: { x: [-1.5, 4.5], y: [-4, 2.5] },
  start: [-1, 2],
  check: checkSizes,
  minima: perParams((params) => {
    const fit = leastSquares(lineData(params).train);
    return fit ? [fit] : [];
  }),
  create: (params, seed = 0) => new LinearRegression(lineData(params), orderOf(params, seed)),
};

/** Feature 1 dense, feature 2 non-zero in a share `sparsity` of examples; labels from (1, 1.5). */
const sparseDraw: Draw = (source, params) => {
  const a = source.nextNormal();
  const b = source.nextUniform() < params['sparsity']! ? source.nextNormal() : 0;
  const t = source.nextUniform() < sigmoid(a + 1.5 * b) ? 1 : 0;
  return [a, b, t];
};
const sparseData = memoized(sparseDraw);

/** Logistic regression where one feature is rarely non-zero: AdaGrad's case. */
export const sparseLogistic: TestFunction = {
  id: 'sparse_logistic',
  name: 'Logistic regression, sparse feature (data)',
  formula: 'mean over the training set of the log-loss of x·aᵢ + y·bᵢ against tᵢ ∈ {0, 1}',
  data: {
    model: 'logistic regression without bias: x weighs feature a, y the sparse feature b',
    inputs: 2,
    plot: 'boundary',
    loss: 'ℓᵢ = max(zᵢ, 0) − zᵢtᵢ + ln(1 + e^−|zᵢ|), zᵢ = x·aᵢ + y·bᵢ',
    nsPerExample: 75,
    dataset: sparseData,
    batches: orderOf,
  },
  params: {
    ...common(400, 8),
    sparsity: { default: 0.1, min: 0.01, max: 1, label: 'share of examples with feature b' },
  },
  view: { x: [-1, 3], y: [-1, 3.5] },
  start: [0, 0],
  check: checkSizes,
  minima: perParams((params) => {
    const fit = logisticFit(sparseData(params).train);
    return fit ? [fit] : [];
  }),
  create: (params, seed = 0) => new LogisticRegression(sparseData(params), orderOf(params, seed)),
};

const wellsData = memoized(wellsDraw);
const wellsCommon = common(400, 4);

/** A sharp and a flat well, each example's copy shifted by its own noise (wells.ts). */
export const shiftedWells: TestFunction = {
  id: 'shifted_wells',
  name: 'Sharp and flat wells (data)',
  formula:
    'mean over the training set of W(x − aᵢ, y − bᵢ): one landscape, shifted by each example',
  data: {
    model:
      `a sharp well (depth ${WELLS.sharp.depth}, width ${WELLS.sharp.width}) and a flat one ` +
      `(depth ${WELLS.flat.depth}, width ${WELLS.flat.width}) in a bowl; example i shifts them by (aᵢ, bᵢ)`,
    inputs: 2,
    plot: 'shifts',
    loss: WELLS_LOSS,
    nsPerExample: 60,
    dataset: wellsData,
    batches: orderOf,
  },
  params: {
    ...wellsCommon,
    // Few training examples, many test ones: the sharp well overfits the 100 it is rebuilt from,
    // and 300 measure it.
    test: { ...wellsCommon['test']!, default: 0.75 },
    noise: { default: 0.2, min: 0, max: 1, label: 'σ (shift of each example)' },
  },
  view: { x: [-1.9, 2.5], y: [-1.4, 1.4] },
  start: [-0.8, 0.25],
  check: checkSizes,
  minima: perParams((params) => wellMinima(wellsData(params).train)),
  create: (params, seed = 0) => new ShiftedWells(wellsData(params), orderOf(params, seed)),
};

/** Every loss made of data, in display order. */
export const dataModels: readonly TestFunction[] = [linearRegression, sparseLogistic, shiftedWells];
