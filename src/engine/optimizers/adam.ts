import {
  betas,
  bool,
  decayPower,
  nonNegative,
  num,
  pair,
  type HyperSpec,
  type HyperValues,
  type Optimizer,
  type OptimizerSpec,
} from './spec.ts';

/**
 * Adam's update; `decoupled` gives AdamW, whose weight decay shrinks p by (1 − lr·wd) with the
 * scheduled lr instead of adding wd·p to the gradient.
 */
class Adam implements Optimizer {
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;
  private readonly wd: number;
  private readonly amsgrad: boolean;
  private readonly m = new Float64Array(2);
  private readonly v = new Float64Array(2);
  private readonly vMax = new Float64Array(2);
  // Running powers β^t: `beta ** t` every step costs 3–5× more.
  private b1t = 1;
  private b2t = 1;

  constructor(
    hp: HyperValues,
    private readonly decoupled: boolean,
  ) {
    [this.b1, this.b2] = pair(hp, 'betas');
    this.eps = num(hp, 'eps');
    this.wd = num(hp, 'weight_decay');
    this.amsgrad = bool(hp, 'amsgrad');
  }

  step(p: Float64Array, g: Float64Array, lr: number): void {
    const { b1, b2, eps, wd, decoupled, amsgrad, m, v, vMax } = this;
    const b1t = (this.b1t = decayPower(this.b1t, b1));
    const b2t = (this.b2t = decayPower(this.b2t, b2));
    const stepSize = lr / (1 - b1t);
    const bc2Sqrt = Math.sqrt(1 - b2t);
    const shrink = 1 - lr * wd;
    for (let i = 0; i < 2; i++) {
      let d = g[i]!;
      if (decoupled) p[i] = p[i]! * shrink;
      else if (wd !== 0) d += wd * p[i]!;
      const mi = m[i]! * b1 + (1 - b1) * d;
      m[i] = mi;
      let vi = v[i]! * b2 + (1 - b2) * d * d;
      v[i] = vi;
      if (amsgrad) {
        // The max is taken over the raw (not bias-corrected) second moment.
        vi = Math.max(vMax[i]!, vi);
        vMax[i] = vi;
      }
      // eps is added after bias correction, not corrected itself.
      p[i] = p[i]! - stepSize * (mi / (Math.sqrt(vi) / bc2Sqrt + eps));
    }
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
  create: (hp) => new Adam(hp, false),
};

/** torch.optim.AdamW: Adam with decoupled weight decay (default 1e-2). */
export const adamw: OptimizerSpec = {
  type: 'adamw',
  name: 'AdamW',
  hyper: adamHyper(1e-2),
  create: (hp) => new Adam(hp, true),
};
