import type { Box, Objective, Params, TestFunction, Vec2 } from '../types.ts';
import { BatchOrder, shuffled } from './batches.ts';
import { splitAt, trainSize, type Dataset, type Examples } from './examples.ts';
import { leastSquares, logisticFit } from './fit.ts';
import { checkSizes, common } from './models.ts';
import { LinearRegression, LogisticRegression } from './objective.ts';
import type { Inputs } from './rows.ts';

/** The `fn.id` of a linear regression on the user's rows (x, y). */
export const USER_REGRESSION = 'user_regression';
/** The `fn.id` of a logistic regression without bias on the user's rows (x₁, x₂, label). */
export const USER_LOGISTIC = 'user_logistic';

/** What differs between the two models of a user's data. */
interface Kind {
  readonly id: string;
  readonly name: string;
  readonly formula: string;
  readonly model: string;
  readonly loss: string;
  readonly inputs: Inputs;
  readonly nsPerExample: number;
  readonly fit: (examples: Examples) => Vec2 | null;
  readonly objective: new (data: Dataset, order: BatchOrder) => Objective;
}

const kinds: readonly Kind[] = [
  {
    id: USER_REGRESSION,
    name: 'Your data: linear regression (CSV)',
    formula: 'mean over your training rows of (x·aᵢ + y − tᵢ)²',
    model: 'linear regression on your rows (a, t): x is the slope, y the intercept',
    loss: 'ℓᵢ = (x·aᵢ + y − tᵢ)²',
    inputs: 1,
    nsPerExample: 2.3,
    fit: leastSquares,
    objective: LinearRegression,
  },
  {
    id: USER_LOGISTIC,
    name: 'Your data: logistic regression, no bias (CSV)',
    formula: 'mean over your training rows of the log-loss of x·aᵢ + y·bᵢ against tᵢ ∈ {0, 1}',
    model:
      'logistic regression without bias on your rows (a, b, label): x weighs a, y weighs b; with no bias term the boundary passes through the origin',
    loss: 'ℓᵢ = max(zᵢ, 0) − zᵢtᵢ + ln(1 + e^−|zᵢ|), zᵢ = x·aᵢ + y·bᵢ',
    inputs: 2,
    nsPerExample: 75,
    fit: logisticFit,
    objective: LogisticRegression,
  },
];

/** The parameters of a user's data set: the test share, B and the seed of the split (no N). */
const { test, batch, seed } = common(0, 8);
const userParams = { test: test!, batch: batch!, seed: seed! };

/** Needs rows: the unbound record only names the model and its parameters. */
const unbound = (what: string): never => {
  throw new Error(`a model of your data needs its rows (fn.rows) for ${what}`);
};

/**
 * The models of a user's data as found by id (getFunction): their parameters, names and inputs.
 * Everything that needs the rows comes from `userModel(id, rows)`.
 */
export const userModels: readonly TestFunction[] = kinds.map((kind) => ({
  id: kind.id,
  name: kind.name,
  formula: kind.formula,
  params: userParams,
  view: { x: [-3, 3], y: [-3, 3] },
  start: [-2, 2],
  minima: () => [],
  create: () => unbound('its objective'),
  data: {
    model: kind.model,
    inputs: kind.inputs,
    plot: kind.inputs === 1 ? 'line' : 'boundary',
    loss: kind.loss,
    nsPerExample: kind.nsPerExample,
    dataset: () => unbound('its data set'),
    batches: () => unbound('its batches'),
  },
}));

/** True for the id of a model of the user's data. */
export const isUserModel = (id: string): boolean => kinds.some((k) => k.id === id);

/** Features per row of the user model `id` (1 or 2), or undefined for another id. */
export const userInputs = (id: string): Inputs | undefined =>
  kinds.find((k) => k.id === id)?.inputs;

/**
 * The model `id` bound to these rows: one record per rows object (a scene's rows are an immutable
 * value, and the landscape, the workers' objectives, the data view and the minima all ask), each
 * with its data sets memoized per parameter object as the built-in models are.
 */
export const userModel = (() => {
  const bound = new WeakMap<Examples, Map<string, TestFunction>>();
  return (id: string, rows: Examples): TestFunction | undefined => {
    const kind = kinds.find((k) => k.id === id);
    if (!kind) return undefined;
    let byId = bound.get(rows);
    if (!byId) bound.set(rows, (byId = new Map()));
    let model = byId.get(id);
    if (!model) byId.set(id, (model = bind(kind, rows)));
    return model;
  };
})();

function bind(kind: Kind, rows: Examples): TestFunction {
  const sets = new WeakMap<Params, Dataset>();
  const dataset = (params: Params): Dataset => {
    let set = sets.get(params);
    if (!set) sets.set(params, (set = split(rows, params)));
    return set;
  };
  const minima = new WeakMap<Params, Vec2[]>();
  const batches = (params: Params, seed: number): BatchOrder =>
    new BatchOrder(dataset(params).train.n, params['batch']!, seed);
  const { view, start } = fittedView(rows, kind.inputs, kind.fit(rows));
  const base = userModels.find((m) => m.id === kind.id)!;
  return {
    ...base,
    view,
    start,
    check: (params) => checkSizes(params, rows.n),
    minima: (params) => {
      let found = minima.get(params);
      if (!found) {
        const fit = kind.fit(dataset(params).train);
        minima.set(params, (found = fit ? [fit] : []));
      }
      return found;
    },
    create: (params, seed = 0) => new kind.objective(dataset(params), batches(params, seed)),
    data: { ...base.data!, dataset, batches },
  };
}

/**
 * The rows split for training and testing: shuffled by the data seed (a user's file may be sorted,
 * by x or by label), then the first trainSize(n, test) train and the rest test, as the built-in
 * models split the examples they draw.
 */
export function split(rows: Examples, params: Params): Dataset {
  const n = rows.n;
  const perm = shuffled(n, params['seed']!);
  const [a, b, t] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) {
    const j = perm[i]!;
    a[i] = rows.a[j]!;
    b[i] = rows.b[j]!;
    t[i] = rows.t[j]!;
  }
  return splitAt({ n, a, b, t }, trainSize(n, params['test']!));
}

/** Coordinates of a view stay within the preset's bound (its MAX_COORD), so a link reads back. */
const COORD = 1e6;

/**
 * A view centred on the fit of all rows (the origin when there is none: a separable logistic data
 * set), wide enough to show the bowl: for the regression, the slope and intercept changes that
 * raise the loss by about the targets' variance (2·sd(t)/rms(a), 2·sd(t)); for the logistic one,
 * weights that change zᵢ by about 2 (2/rms of each feature). The start sits up and to the left.
 */
export function fittedView(
  rows: Examples,
  inputs: Inputs,
  fit: Vec2 | null,
): { view: Box; start: Vec2 } {
  const centre = fit ?? [0, 0];
  const scale = inputs === 1 ? sd(rows.t, rows.n) : 2;
  const hx = half(scale / rms(rows.a, rows.n));
  const hy = half(inputs === 1 ? scale : scale / rms(rows.b, rows.n));
  const cx = Math.max(-COORD + 2 * hx, Math.min(COORD - 2 * hx, centre[0]));
  const cy = Math.max(-COORD + 2 * hy, Math.min(COORD - 2 * hy, centre[1]));
  return {
    view: { x: [cx - 2 * hx, cx + 2 * hx], y: [cy - 2 * hy, cy + 2 * hy] },
    start: [cx - 1.2 * hx, cy + 1.2 * hy],
  };
}

/** A half-width: a finite positive number up to a quarter of the coordinate range, else 1. */
const half = (h: number): number => (h > 0 && h < Infinity ? Math.min(h, COORD / 4) : 1);

function rms(v: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s / n);
}

function sd(v: Float64Array, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) m += v[i]!;
  m /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (v[i]! - m) * (v[i]! - m);
  return Math.sqrt(s / n);
}
