import {
  betas,
  decayPower,
  nonNegative,
  num,
  pair,
  type Optimizer,
  type OptimizerSpec,
} from './spec.ts';

/** torch.optim.Adamax: Adam with an infinity-norm second moment. */
export const adamax: OptimizerSpec = {
  type: 'adamax',
  name: 'Adamax',
  hyper: {
    lr: nonNegative(2e-3),
    betas: betas(0.9, 0.999),
    eps: nonNegative(1e-8),
    weight_decay: nonNegative(0),
  },
  create(hp): Optimizer {
    const [b1, b2] = pair(hp, 'betas');
    const eps = num(hp, 'eps');
    const wd = num(hp, 'weight_decay');
    const m = new Float64Array(2);
    const u = new Float64Array(2);
    let b1t = 1;
    return {
      step(p, g, lr) {
        b1t = decayPower(b1t, b1);
        const clr = lr / (1 - b1t);
        for (let i = 0; i < 2; i++) {
          let d = g[i]!;
          if (wd !== 0) d += wd * p[i]!;
          const mi = m[i]! * b1 + (1 - b1) * d;
          m[i] = mi;
          // eps is added to |g| inside the max.
          const ui = Math.max(u[i]! * b2, Math.abs(d) + eps);
          u[i] = ui;
          p[i] = p[i]! - clr * (mi / ui);
        }
      },
    };
  },
};
