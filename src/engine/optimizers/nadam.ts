import {
  betas,
  decayPower,
  nonNegative,
  num,
  pair,
  type Optimizer,
  type OptimizerSpec,
} from './spec.ts';

/** torch.optim.NAdam, today's formula (torch ≥ 2.0: μ-product of the next step counted once). */
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
  create(hp): Optimizer {
    const [b1, b2] = pair(hp, 'betas');
    const eps = num(hp, 'eps');
    const wd = num(hp, 'weight_decay');
    const psi = num(hp, 'momentum_decay');
    const m = new Float64Array(2);
    const v = new Float64Array(2);
    let t = 0;
    let b2t = 1;
    let muProduct = 1;
    const muAt = (step: number): number => b1 * (1 - 0.5 * Math.pow(0.96, step * psi));
    // μ_{t+1} of one step is μ_t of the next: one pow per step.
    let muNext = muAt(1);
    return {
      step(p, g, lr) {
        t++;
        b2t = decayPower(b2t, b2);
        const bc2 = 1 - b2t;
        const mu = muNext;
        muNext = muAt(t + 1);
        muProduct *= mu;
        const muProductNext = muProduct * muNext;
        const gradCoef = (-lr * (1 - mu)) / (1 - muProduct);
        const momentumCoef = (-lr * muNext) / (1 - muProductNext);
        for (let i = 0; i < 2; i++) {
          let d = g[i]!;
          if (wd !== 0) d += wd * p[i]!;
          const mi = m[i]! * b1 + (1 - b1) * d;
          m[i] = mi;
          const vi = v[i]! * b2 + (1 - b2) * d * d;
          v[i] = vi;
          const denom = Math.sqrt(vi / bc2) + eps;
          p[i] = p[i]! + gradCoef * (d / denom) + momentumCoef * (mi / denom);
        }
      },
    };
  },
};
