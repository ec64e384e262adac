import type { Optimizer } from './optimizers/index.ts';
import type { Objective } from './types.ts';

/**
 * The hot loop of every run: steps k = from…end − 1, each point into xs, ys, fs at k + 1. Returns
 * `end`, or ~k when the point of step k was not finite (the loop stops before writing it). Locals
 * only, nothing allocated, one finiteness test per step.
 */
export function stepLoop(
  objective: Objective,
  optimizer: Optimizer,
  p: Float64Array,
  g: Float64Array,
  lr: Float64Array,
  noise: Float64Array | null,
  sigma: number,
  xs: Float64Array,
  ys: Float64Array,
  fs: Float64Array,
  from: number,
  end: number,
): number {
  for (let k = from; k < end; k++) {
    objective.grad(p[0]!, p[1]!, g);
    if (noise !== null) {
      g[0] = g[0]! + sigma * noise[2 * k]!;
      g[1] = g[1]! + sigma * noise[2 * k + 1]!;
    }
    optimizer.step(p, g, lr[k]!);
    const x = p[0]!;
    const y = p[1]!;
    const f = objective.f(x, y);
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) return ~k;
    xs[k + 1] = x;
    ys[k + 1] = y;
    fs[k + 1] = f;
  }
  return end;
}
