import type { Layout } from './architecture.ts';
import { Network } from './model.ts';
import type { NetworkRun, NetworkTraining } from './train.ts';

/**
 * The inspector's per-layer summary of one run (issue 15: "per-layer ‖g‖, ‖step‖ and effective
 * learning rate over time"). Layer l is the l-th Linear: its weights and its biases together.
 * Arrays are per layer; index k of `theta` is point k, index k of the others is step k + 1.
 */
export interface LayerStats {
  /** ‖θ_k‖ of each layer's parameters, one per point. */
  readonly theta: readonly Float64Array[];
  /** ‖θ_{k+1} − θ_k‖ of each layer's parameters: step k + 1's length. */
  readonly step: readonly Float64Array[];
  /** ‖g_k‖ of each layer's part of the gradient step k + 1 used; null without gradients. */
  readonly grad: readonly Float64Array[] | null;
  /**
   * ‖step‖ / ‖g‖: the rate plain SGD would need for a step this long (for SGD itself its lr);
   * NaN where the layer's gradient is 0. Null without gradients.
   */
  readonly rate: readonly Float64Array[] | null;
}

/** The parameter ranges of each layer: [weights' start, biases' end). */
const layerRanges = ({ sizes, weight, bias }: Layout): [number, number][] =>
  weight.map((w, l) => [w, bias[l]! + sizes[l + 1]!]);

/**
 * Per-layer norms of a run's points (`params`: `length` rows of layout.count, as NetworkRun's)
 * and of its steps; with `grads` (length − 1 rows: the gradient each step used, e.g.
 * batchGradients), the gradients' norms and the effective rates too.
 */
export function layerStats(
  layout: Layout,
  params: Float64Array,
  length: number,
  grads: Float64Array | null = null,
): LayerStats {
  const p = layout.count;
  const ranges = layerRanges(layout);
  const steps = Math.max(0, length - 1);
  const theta = ranges.map(() => new Float64Array(length));
  const step = ranges.map(() => new Float64Array(steps));
  const grad = grads ? ranges.map(() => new Float64Array(steps)) : null;
  const rate = grads ? ranges.map(() => new Float64Array(steps)) : null;
  ranges.forEach(([from, to], l) => {
    for (let k = 0; k < length; k++) {
      const at = k * p;
      let tt = 0;
      let ss = 0;
      for (let i = from; i < to; i++) {
        const v = params[at + i]!;
        tt += v * v;
        if (k + 1 < length) {
          const d = params[at + p + i]! - v;
          ss += d * d;
        }
      }
      theta[l]![k] = Math.sqrt(tt);
      if (k + 1 < length) step[l]![k] = Math.sqrt(ss);
    }
    if (!grads) return;
    for (let k = 0; k < steps; k++) {
      let gg = 0;
      for (let i = from; i < to; i++) {
        const v = grads[k * p + i]!;
        gg += v * v;
      }
      const g = Math.sqrt(gg);
      grad![l]![k] = g;
      rate![l]![k] = g > 0 ? step[l]![k]! / g : NaN;
    }
  });
  return { theta, step, grad, rate };
}

/**
 * The mini-batch gradient every step of `run` used, recomputed after the fact: step k + 1's is
 * the mean loss gradient over batch k at point k, the very call NetworkTrajectory makes, so the
 * bits are the same (the optimizer's weight decay, added inside its rule, is not in it). Row k of
 * the result (layout.count long) is step k + 1's. Training itself keeps no gradients: this costs
 * one batch gradient per step, paid only when the inspector asks. With `out`, only rows
 * [from, to) are written into it, so a worker can fill it a few steps per task.
 */
export function batchGradients(
  training: NetworkTraining,
  run: NetworkRun,
  out: Float64Array | null = null,
  from = 0,
  to = Math.max(0, run.loss.length - 1),
): Float64Array {
  const net = new Network(training.arch);
  const p = run.count;
  const rows = out ?? new Float64Array(Math.max(0, run.loss.length - 1) * p);
  const { order, data } = training;
  for (let k = from; k < to; k++) {
    order.select(k);
    net.lossGrad(
      run.params.subarray(k * p, (k + 1) * p),
      rows.subarray(k * p, (k + 1) * p),
      data.train,
      order.perm,
      order.from,
      order.to,
    );
  }
  return rows;
}
