import { betas, nonNegative, num, pair, type Optimizer, type OptimizerSpec } from './spec.ts';

/** Lion (Chen et al. 2023, Algorithm 2), as in the authors' PyTorch code; not part of torch. */
export const lion: OptimizerSpec = {
  type: 'lion',
  name: 'Lion',
  hyper: {
    lr: nonNegative(1e-4),
    betas: betas(0.9, 0.99),
    weight_decay: nonNegative(0),
  },
  create(hp): Optimizer {
    const [b1, b2] = pair(hp, 'betas');
    const wd = num(hp, 'weight_decay');
    const m = new Float64Array(2);
    return {
      step(p, g, lr) {
        const shrink = 1 - lr * wd;
        for (let i = 0; i < 2; i++) {
          const d = g[i]!;
          const c = m[i]! * b1 + d * (1 - b1);
          // Decoupled decay first; Math.sign(0) is 0, like torch.sign.
          p[i] = p[i]! * shrink - lr * Math.sign(c);
          m[i] = m[i]! * b2 + d * (1 - b2);
        }
      },
    };
  },
};
