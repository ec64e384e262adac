import {
  betas,
  bool,
  coord,
  decayPower,
  lrEffField,
  nonNegative,
  num,
  pair,
  scalar,
  type HyperSpec,
  type HyperValues,
  type ReusableOptimizer,
  type OptimizerSpec,
  statePair,
  type StateVector,
  type StateField,
} from './spec.ts';

/**
 * Adam's update; `decoupled` gives AdamW, whose weight decay shrinks p by (1 − lr·wd) with the
 * scheduled lr instead of adding wd·p to the gradient.
 */
class Adam implements ReusableOptimizer {
  private b1 = NaN;
  private b2 = NaN;
  private eps = NaN;
  private wd = NaN;
  private amsgrad = false;
  declare private readonly m: StateVector;
  declare private readonly v: StateVector;
  declare private readonly vMax: StateVector;
  // Running powers β^t: `beta ** t` every step costs 3–5× more.
  private b1t = NaN;
  private b2t = NaN;
  /** What the coordinates of the step begun share: lr/(1 − β₁ᵗ) and √(1 − β₂ᵗ). */
  private stepSize = NaN;
  private bc2Sqrt = NaN;

  constructor(
    hp: HyperValues,
    private readonly decoupled: boolean,
    n = 2,
  ) {
    this.m = statePair(n);
    this.v = statePair(n);
    this.vMax = statePair(n);
    this.reset(hp);
  }

  /** Sets the hyperparameters and zeroes the state: the optimizer is as if just created. */
  reset(hp: HyperValues): void {
    const beta = pair(hp, 'betas');
    this.b1 = beta[0];
    this.b2 = beta[1];
    this.eps = num(hp, 'eps');
    this.wd = num(hp, 'weight_decay');
    this.amsgrad = bool(hp, 'amsgrad');
    this.m.fill(0);
    this.v.fill(0);
    this.vMax.fill(0);
    this.b1t = 1;
    this.b2t = 1;
  }

  get fields(): readonly StateField[] {
    return [
      coord('exp_avg', 'm (first moment)', 'm_t'),
      coord('exp_avg_sq', 'v (second moment)', 'v_t', 'log'),
      ...(this.amsgrad ? [coord('max_exp_avg_sq', 'max v so far', 'v^{\\max}_t', 'log')] : []),
      coord('m_hat', 'm̂ (bias-corrected m)', '\\hat m_t', 'linear', 'direction'),
      coord('v_hat', 'v̂ (bias-corrected v)', '\\hat v_t', 'log'),
      lrEffField('\\gamma / (\\sqrt{\\hat v_t} + \\epsilon)'),
      scalar('bias_correction1', '1 − β₁ᵗ', '1 - \\beta_1^t'),
      scalar('bias_correction2', '1 − β₂ᵗ', '1 - \\beta_2^t'),
    ];
  }

  inspect(out: Float64Array, lr: number): void {
    const { m, v, vMax, amsgrad, eps } = this;
    const bc1 = 1 - this.b1t;
    const bc2 = 1 - this.b2t;
    let k = 0;
    for (let i = 0; i < 2; i++) out[k + i] = m[i]!;
    k += 2;
    for (let i = 0; i < 2; i++) out[k + i] = v[i]!;
    k += 2;
    const vUsed = amsgrad ? vMax : v;
    if (amsgrad) {
      for (let i = 0; i < 2; i++) out[k + i] = vMax[i]!;
      k += 2;
    }
    // Before step 1, 1 − β^0 = 0: m̂ and v̂ are 0/0, which is NaN, as they should be.
    for (let i = 0; i < 2; i++) out[k + i] = m[i]! / bc1;
    k += 2;
    for (let i = 0; i < 2; i++) out[k + i] = vUsed[i]! / bc2;
    k += 2;
    // The step is −lr_eff·m̂ (plus AdamW's decay): step() computes the same expression factored.
    for (let i = 0; i < 2; i++) out[k + i] = lr / (Math.sqrt(vUsed[i]! / bc2) + eps);
    k += 2;
    out[k++] = bc1;
    out[k] = bc2;
  }

  begin(lr: number): void {
    const b1t = (this.b1t = decayPower(this.b1t, this.b1));
    const b2t = (this.b2t = decayPower(this.b2t, this.b2));
    this.stepSize = lr / (1 - b1t);
    this.bc2Sqrt = Math.sqrt(1 - b2t);
  }

  /** Coordinate i's update at this step's size: m, v move on. */
  update(i: number, p: number, g: number, lr: number): number {
    const { b1, b2, m, v } = this;
    const wd = this.wd;
    let d = g;
    let q = p;
    // AdamW shrinks p by 1 − lr·wd; Adam adds wd·p to the gradient.
    if (this.decoupled) q = q * (1 - lr * wd);
    else if (wd !== 0) d += wd * q;
    const mi = m[i]! * b1 + (1 - b1) * d;
    m[i] = mi;
    let vi = v[i]! * b2 + (1 - b2) * d * d;
    v[i] = vi;
    if (this.amsgrad) {
      // The max is taken over the raw (not bias-corrected) second moment.
      const vMax = this.vMax;
      vi = Math.max(vMax[i]!, vi);
      vMax[i] = vi;
    }
    // eps is added after bias correction, not corrected itself.
    return q - this.stepSize * (mi / (Math.sqrt(vi) / this.bc2Sqrt + this.eps));
  }
}

const adamHyper = (weightDecay: number): Record<string, HyperSpec> => ({
  lr: nonNegative(1e-3),
  betas: betas(0.9, 0.999),
  eps: nonNegative(1e-8),
  weight_decay: nonNegative(weightDecay),
  amsgrad: { kind: 'boolean', default: false },
});

/** torch.optim.Adam. */
export const adam: OptimizerSpec = {
  type: 'adam',
  name: 'Adam',
  hyper: adamHyper(0),
  create: (hp, n) => new Adam(hp, false, n),
};

/** torch.optim.AdamW: Adam with decoupled weight decay (default 1e-2). */
export const adamw: OptimizerSpec = {
  type: 'adamw',
  name: 'AdamW',
  hyper: adamHyper(1e-2),
  create: (hp, n) => new Adam(hp, true, n),
};
