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

/** torch.optim.RAdam's update: Adam with the variance rectification of Liu et al. (2019). */
class RAdam implements ReusableOptimizer {
  private b1 = NaN;
  private b2 = NaN;
  private eps = NaN;
  private wd = NaN;
  private rhoInf = NaN;
  declare private readonly m: StateVector;
  declare private readonly v: StateVector;
  private t = 0;
  private b1t = NaN;
  private b2t = NaN;
  /** What the coordinates of the step begun share: 1 − β₁ᵗ, √(1 − β₂ᵗ), rₜ. */
  private bc1 = NaN;
  private bc2Sqrt = NaN;
  private rt = NaN;
  readonly fields: readonly StateField[] = [
    coord('exp_avg', 'm (first moment)', 'm_t'),
    coord('exp_avg_sq', 'v (second moment)', 'v_t', 'log'),
    coord('m_hat', 'm̂ (bias-corrected m)', '\\hat m_t', 'linear', 'direction'),
    lrEffField('\\gamma\\, r_t \\sqrt{1 - \\beta_2^t} / (\\sqrt{v_t} + \\epsilon)'),
    scalar('rho_t', 'ρₜ (length of the approximated SMA)', '\\rho_t'),
    scalar('rect', 'rₜ (rectification; 0: plain momentum SGD)', 'r_t'),
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
    this.rhoInf = 2 / (1 - this.b2) - 1;
    this.m.fill(0);
    this.v.fill(0);
    this.t = 0;
    this.b1t = 1;
    this.b2t = 1;
  }

  /** ρ_t, the length of the approximated simple moving average at step t. */
  private rho(t: number, b2t: number): number {
    return this.rhoInf - (2 * t * b2t) / (1 - b2t);
  }

  /** The rectification term r_t, or 0 while ρ_t ≤ 5 (the step is then lr·m̂). */
  private rect(rhoT: number): number {
    const { rhoInf } = this;
    // Rectified only when ρ_t > 5 strictly; with β2 ≤ 0.6 that never happens.
    return rhoT > 5
      ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
      : 0;
  }

  inspect(out: Float64Array, lr: number): void {
    const bc1 = 1 - this.b1t;
    const bc2 = 1 - this.b2t;
    const rhoT = this.t > 0 ? this.rho(this.t, this.b2t) : NaN;
    const rect = this.t > 0 ? this.rect(rhoT) : NaN;
    for (let i = 0; i < 2; i++) {
      out[i] = this.m[i]!;
      out[2 + i] = this.v[i]!;
      out[4 + i] = this.m[i]! / bc1;
      out[6 + i] =
        rect > 0 ? lr * rect * (Math.sqrt(bc2) / (Math.sqrt(this.v[i]!) + this.eps)) : lr;
    }
    out[8] = rhoT;
    out[9] = rect;
  }

  begin(): void {
    const t = ++this.t;
    this.bc1 = 1 - (this.b1t = decayPower(this.b1t, this.b1));
    const b2t = (this.b2t = decayPower(this.b2t, this.b2));
    this.rt = this.rect(this.rho(t, b2t));
    this.bc2Sqrt = Math.sqrt(1 - b2t);
  }

  /** Coordinate i's update, rectified when rₜ > 0: m, v move on. */
  update(i: number, p: number, g: number, lr: number): number {
    const { b1, b2, m, v, bc1, rt: rect } = this;
    const wd = this.wd;
    const d = wd !== 0 ? g + wd * p : g;
    const mi = m[i]! * b1 + (1 - b1) * d;
    m[i] = mi;
    const vi = v[i]! * b2 + (1 - b2) * d * d;
    v[i] = vi;
    const mHat = mi / bc1;
    return rect > 0
      ? p - mHat * lr * (this.bc2Sqrt / (Math.sqrt(vi) + this.eps)) * rect
      : p - mHat * lr;
  }
}

/** torch.optim.RAdam. */
export const radam: OptimizerSpec = {
  type: 'radam',
  name: 'RAdam',
  hyper: {
    lr: nonNegative(1e-3),
    betas: betas(0.9, 0.999),
    eps: nonNegative(1e-8),
    weight_decay: nonNegative(0),
  },
  create: (hp, n) => new RAdam(hp, n),
};
