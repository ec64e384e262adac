import type { Objective, XY } from '../types.ts';
import type { BatchOrder } from './batches.ts';
import type { Dataset, Examples } from './examples.ts';
import { logLoss, sigmoid } from './logistic.ts';

/**
 * A loss made of data: f is the mean loss over the training set (the landscape drawn), the
 * gradient of step k the mean over that step's mini-batch (BatchOrder), `testF` the mean over the
 * held-out examples (NaN without any).
 */
export interface DataObjective extends Objective {
  readonly data: Dataset;
  readonly order: BatchOrder;
  testF(x: number, y: number): number;
  /** Writes every training example's gradient ∇ℓᵢ(x, y) to gx[i], gy[i] (analytic, float64). */
  exampleGrads(x: number, y: number, gx: Float64Array, gy: Float64Array): void;
}

/** True for a loss made of data that holds examples out for testing. */
export const hasTestSet = (objective: Objective): objective is DataObjective =>
  'testF' in objective && (objective as DataObjective).data.test.n > 0;

/**
 * Squared error of the line w·a + c: θ = (w, c), ℓᵢ = (w aᵢ + c − tᵢ)². A class per model, not a
 * loss passed in: the engine's loop then inlines every call of one model.
 */
export class LinearRegression implements DataObjective {
  constructor(
    readonly data: Dataset,
    readonly order: BatchOrder,
  ) {}

  f(w: number, c: number): number {
    return squaredError(this.data.train, w, c);
  }

  testF(w: number, c: number): number {
    return squaredError(this.data.test, w, c);
  }

  /** torch's mean over the batch of `step`, or over the training set without one. */
  grad(w: number, c: number, out: XY, step?: number): void {
    const { a, t } = this.data.train;
    const order = this.order;
    order.select(step);
    const { from, to, perm } = order;
    let gw = 0;
    let gc = 0;
    for (let j = from; j < to; j++) {
      const i = perm[j]!;
      const r = 2 * (w * a[i]! + c - t[i]!);
      gw += r * a[i]!;
      gc += r;
    }
    out[0] = gw / (to - from);
    out[1] = gc / (to - from);
  }

  exampleGrads(w: number, c: number, gx: Float64Array, gy: Float64Array): void {
    const { a, t, n } = this.data.train;
    for (let i = 0; i < n; i++) {
      const r = 2 * (w * a[i]! + c - t[i]!);
      gx[i] = r * a[i]!;
      gy[i] = r;
    }
  }
}

function squaredError(ex: Examples, w: number, c: number): number {
  const { a, t, n } = ex;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const r = w * a[i]! + c - t[i]!;
    s += r * r;
  }
  return s / n;
}

/**
 * Logistic regression without a bias on two features: θ = (w₁, w₂), zᵢ = w₁aᵢ + w₂bᵢ,
 * ℓᵢ = max(zᵢ, 0) − zᵢtᵢ + ln(1 + e^−|zᵢ|) (the log-loss, stable for any zᵢ).
 */
export class LogisticRegression implements DataObjective {
  constructor(
    readonly data: Dataset,
    readonly order: BatchOrder,
  ) {}

  f(w1: number, w2: number): number {
    return meanLogLoss(this.data.train, w1, w2);
  }

  testF(w1: number, w2: number): number {
    return meanLogLoss(this.data.test, w1, w2);
  }

  grad(w1: number, w2: number, out: XY, step?: number): void {
    const { a, b, t } = this.data.train;
    const order = this.order;
    order.select(step);
    const { from, to, perm } = order;
    let g1 = 0;
    let g2 = 0;
    for (let j = from; j < to; j++) {
      const i = perm[j]!;
      const r = sigmoid(w1 * a[i]! + w2 * b[i]!) - t[i]!;
      g1 += r * a[i]!;
      g2 += r * b[i]!;
    }
    out[0] = g1 / (to - from);
    out[1] = g2 / (to - from);
  }

  exampleGrads(w1: number, w2: number, gx: Float64Array, gy: Float64Array): void {
    const { a, b, t, n } = this.data.train;
    for (let i = 0; i < n; i++) {
      const r = sigmoid(w1 * a[i]! + w2 * b[i]!) - t[i]!;
      gx[i] = r * a[i]!;
      gy[i] = r * b[i]!;
    }
  }
}

function meanLogLoss(ex: Examples, w1: number, w2: number): number {
  const { a, b, t, n } = ex;
  let s = 0;
  for (let i = 0; i < n; i++) s += logLoss(w1 * a[i]! + w2 * b[i]!, t[i]!);
  return s / n;
}
