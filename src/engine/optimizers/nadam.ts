import { pow } from '../math/index.ts';
import {
  betas,
  coord,
  lrEffField,
  scalar,
  decayPower,
  nonNegative,
  num,
  pair,
  type HyperValues,
  type ReusableOptimizer,
  type OptimizerSpec,
  statePair,
  type StateVector,
  type StateField,
} from './spec.ts';

/** torch.optim.NAdam's update, today's formula (torch ≥ 2.0: μ-product of the next step counted once). */
class NAdam implements ReusableOptimizer {
  private b1 = NaN;
  private b2 = NaN;
  private eps = NaN;
  private wd = NaN;
  private psi = NaN;
  declare private readonly m: StateVector;
  declare private readonly v: StateVector;
  private t = 0;
  private b2t = NaN;
  private muProduct = NaN;
  private muNext = NaN;
  /** What the coordinates of the step begun share: 1 − β₂ᵗ and the two coefficients. */
  private bc2 = NaN;
  private gradCoef = NaN;
  private momentumCoef = NaN;
  readonly fields: readonly StateField[] = [
    coord('exp_avg', 'm (first moment)', 'm_t', 'linear', 'direction'),
    coord('exp_avg_sq', 'v (second moment)', 'v_t', 'log'),
    coord('v_hat', 'v̂ (bias-corrected v)', '\\hat v_t', 'log'),
    lrEffField('\\gamma / (\\sqrt{\\hat v_t} + \\epsilon)'),
    scalar('mu_t', 'μₜ (momentum of this step)', '\\mu_t'),
    scalar('mu_product', 'μ₁···μₜ', '\\textstyle\\prod_{i \\le t} \\mu_i', 'log'),
  ];

  constructor(hp: HyperValues, n = 2) {
    this.m = statePair(n);
    this.v = statePair(n);
    this.reset(hp);
  }

  /** Sets the hyperparameters and zeroes the state: the optimizer is as if just created. */
  reset(hp: HyperValues): void {
    const beta = pair(hp, 'betas');
    this.b1 = beta[0];
    this.b2 = beta[1];
    this.eps = num(hp, 'eps');
    this.wd = num(hp, 'weight_decay');
    this.psi = num(hp, 'momentum_decay');
    this.m.fill(0);
    this.v.fill(0);
    this.t = 0;
    this.b2t = 1;
    this.muProduct = 1;
    this.muNext = this.mu(1);
  }

  /** μ_t = β1·(1 − ½·0.96^(t·ψ)). */
  private mu(t: number): number {
    return this.b1 * (1 - 0.5 * pow(0.96, t * this.psi));
  }

  inspect(out: Float64Array, lr: number): void {
    const bc2 = 1 - this.b2t;
    for (let i = 0; i < 2; i++) {
      const vHat = this.v[i]! / bc2;
      out[i] = this.m[i]!;
      out[2 + i] = this.v[i]!;
      out[4 + i] = vHat;
      out[6 + i] = lr / (Math.sqrt(vHat) + this.eps);
    }
    out[8] = this.t > 0 ? this.mu(this.t) : NaN;
    out[9] = this.muProduct;
  }

  begin(lr: number): void {
    this.t++;
    this.b2t = decayPower(this.b2t, this.b2);
    this.bc2 = 1 - this.b2t;
    // μ_{t+1} of one step is μ_t of the next: one pow per step.
    const mu = this.muNext;
    const muNext = (this.muNext = this.mu(this.t + 1));
    const muProduct = (this.muProduct *= mu);
    this.gradCoef = (-lr * (1 - mu)) / (1 - muProduct);
    this.momentumCoef = (-lr * muNext) / (1 - muProduct * muNext);
  }

  /** Coordinate i's update with this step's coefficients: m, v move on. */
  update(i: number, p: number, g: number): number {
    const { b1, b2, eps, m, v, bc2, gradCoef, momentumCoef } = this;
    const wd = this.wd;
    const d = wd !== 0 ? g + wd * p : g;
    const mi = m[i]! * b1 + (1 - b1) * d;
    m[i] = mi;
    const vi = v[i]! * b2 + (1 - b2) * d * d;
    v[i] = vi;
    const denom = Math.sqrt(vi / bc2) + eps;
    return p + gradCoef * (d / denom) + momentumCoef * (mi / denom);
  }
}

/** torch.optim.NAdam. */
export const nadam: OptimizerSpec = {
  type: 'nadam',
  name: 'NAdam',
  hyper: {
    lr: nonNegative(2e-3),
    betas: betas(0.9, 0.999),
    eps: nonNegative(1e-8),
    weight_decay: nonNegative(0),
    momentum_decay: nonNegative(4e-3),
  },
  create: (hp, n) => new NAdam(hp, n),
};
