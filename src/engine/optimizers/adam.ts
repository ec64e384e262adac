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

const adamHyper = (weightDecay: number): Record<string, HyperSpec> => ({
  lr: nonNegative(1e-3),
  betas: betas(0.9, 0.999),
  eps: nonNegative(1e-8),
  weight_decay: nonNegative(weightDecay),
  amsgrad: { kind: 'boolean', default: false },
});

/**
 * Adam's update; `decoupled` gives AdamW, whose weight decay shrinks p by (1 − lr·wd) with the
 * scheduled lr instead of adding wd·p to the gradient.
 */
function createAdam(hp: HyperValues, decoupled: boolean): Optimizer {
  const [b1, b2] = pair(hp, 'betas');
  const eps = num(hp, 'eps');
  const wd = num(hp, 'weight_decay');
  const amsgrad = bool(hp, 'amsgrad');
  const m = new Float64Array(2);
  const v = new Float64Array(2);
  const vMax = new Float64Array(2);
  // Running powers β^t: `beta ** t` every step costs 3–5× more.
  let b1t = 1;
  let b2t = 1;
  return {
    step(p, g, lr) {
      b1t = decayPower(b1t, b1);
      b2t = decayPower(b2t, b2);
      const stepSize = lr / (1 - b1t);
      const bc2Sqrt = Math.sqrt(1 - b2t);
      const shrink = decoupled ? 1 - lr * wd : 1;
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
    },
  };
}

/** torch.optim.Adam. */
export const adam: OptimizerSpec = {
  type: 'adam',
  name: 'Adam',
  hyper: adamHyper(0),
  create: (hp) => createAdam(hp, false),
};

/** torch.optim.AdamW: Adam with decoupled weight decay (default 1e-2). */
export const adamw: OptimizerSpec = {
  type: 'adamw',
  name: 'AdamW',
  hyper: adamHyper(1e-2),
  create: (hp) => createAdam(hp, true),
};
