import {
  betas,
  decayPower,
  nonNegative,
  num,
  pair,
  type Optimizer,
  type OptimizerSpec,
} from './spec.ts';

/** torch.optim.RAdam: Adam with the variance rectification of Liu et al. (2019). */
export const radam: OptimizerSpec = {
  type: 'radam',
  name: 'RAdam',
  hyper: {
    lr: nonNegative(1e-3),
    betas: betas(0.9, 0.999),
    eps: nonNegative(1e-8),
    weight_decay: nonNegative(0),
  },
  create(hp): Optimizer {
    const [b1, b2] = pair(hp, 'betas');
    const eps = num(hp, 'eps');
    const wd = num(hp, 'weight_decay');
    const m = new Float64Array(2);
    const v = new Float64Array(2);
    const rhoInf = 2 / (1 - b2) - 1;
    let t = 0;
    let b1t = 1;
    let b2t = 1;
    return {
      step(p, g, lr) {
        t++;
        b1t = decayPower(b1t, b1);
        b2t = decayPower(b2t, b2);
        const bc1 = 1 - b1t;
        const bc2 = 1 - b2t;
        const rhoT = rhoInf - (2 * t * b2t) / bc2;
        // Rectified only when ρ_t > 5 strictly; with β2 ≤ 0.6 that never happens.
        const rect =
          rhoT > 5
            ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
            : 0;
        const bc2Sqrt = Math.sqrt(bc2);
        for (let i = 0; i < 2; i++) {
          let d = g[i]!;
          if (wd !== 0) d += wd * p[i]!;
          const mi = m[i]! * b1 + (1 - b1) * d;
          m[i] = mi;
          const vi = v[i]! * b2 + (1 - b2) * d * d;
          v[i] = vi;
          const mHat = mi / bc1;
          p[i] =
            rhoT > 5
              ? p[i]! - mHat * lr * (bc2Sqrt / (Math.sqrt(vi) + eps)) * rect
              : p[i]! - mHat * lr;
        }
      },
    };
  },
};
