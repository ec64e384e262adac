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

/** torch.optim.Adamax's update: Adam with an infinity-norm second moment. */
class Adamax implements ReusableOptimizer {
  private b1 = NaN;
  private b2 = NaN;
  private eps = NaN;
  private wd = NaN;
  declare private readonly m: StateVector;
  declare private readonly u: StateVector;
  private b1t = NaN;
  /** The bias-corrected rate of the step begun, lr/(1 − β₁ᵗ). */
  private clr = NaN;
  readonly fields: readonly StateField[] = [
    coord('exp_avg', 'm (first moment)', 'm_t'),
    coord('exp_inf', 'u (decayed max of |g|)', 'u_t', 'log'),
    coord('m_hat', 'm̂ (bias-corrected m)', '\\hat m_t', 'linear', 'direction'),
    lrEffField('\\gamma / u_t'),
    scalar('bias_correction1', '1 − β₁ᵗ', '1 - \\beta_1^t'),
  ];

  constructor(hp: HyperValues, n = 2) {
    this.m = statePair(n);
    this.u = statePair(n);
    this.reset(hp);
  }

  /** Sets the hyperparameters and zeroes the state: the optimizer is as if just created. */
  reset(hp: HyperValues): void {
    const beta = pair(hp, 'betas');
    this.b1 = beta[0];
    this.b2 = beta[1];
    this.eps = num(hp, 'eps');
    this.wd = num(hp, 'weight_decay');
    this.m.fill(0);
    this.u.fill(0);
    this.b1t = 1;
  }

  inspect(out: Float64Array, lr: number): void {
    const bc1 = 1 - this.b1t;
    for (let i = 0; i < 2; i++) {
      out[i] = this.m[i]!;
      out[2 + i] = this.u[i]!;
      out[4 + i] = this.m[i]! / bc1;
      // The step is −(lr / bc1)·m/u = −(lr/u)·m̂.
      out[6 + i] = lr / this.u[i]!;
    }
    out[8] = bc1;
  }

  begin(lr: number): void {
    const b1t = (this.b1t = decayPower(this.b1t, this.b1));
    this.clr = lr / (1 - b1t);
  }

  /** Coordinate i's update at the bias-corrected rate: m and u move on. */
  update(i: number, p: number, g: number): number {
    const { b1, b2, eps, m, u, clr } = this;
    const wd = this.wd;
    const d = wd !== 0 ? g + wd * p : g;
    const mi = m[i]! * b1 + (1 - b1) * d;
    m[i] = mi;
    // eps is added to |g| inside the max.
    const ui = Math.max(u[i]! * b2, Math.abs(d) + eps);
    u[i] = ui;
    return p - clr * (mi / ui);
  }
}

/** torch.optim.Adamax. */
export const adamax: OptimizerSpec = {
  type: 'adamax',
  name: 'Adamax',
  hyper: {
    lr: nonNegative(2e-3),
    betas: betas(0.9, 0.999),
    eps: nonNegative(1e-8),
    weight_decay: nonNegative(0),
  },
  create: (hp, n) => new Adamax(hp, n),
};
