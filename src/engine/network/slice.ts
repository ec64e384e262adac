import type { Examples } from '../data/examples.ts';
import type { Objective, XY } from '../types.ts';
import { parameterCount, type Architecture } from './architecture.ts';
import type { Network } from './model.ts';
import { pointOn, type Plane } from './plane.ts';

/**
 * A network's full-batch loss on a plane of its parameters as a function of the plane's (α, β):
 * an Objective like any 2-D function's, so the contour field, its levels and its lines are the
 * lab's own (engine/field.ts). The gradient is exact: ∇L(θ(α, β)) against d1 and d2.
 */
export class PlaneLoss implements Objective {
  private readonly theta: Float64Array;
  private readonly grad1: Float64Array;

  constructor(
    private readonly net: Network,
    private readonly examples: Examples,
    private readonly plane: Plane,
  ) {
    this.theta = new Float64Array(net.count);
    this.grad1 = new Float64Array(net.count);
  }

  f(alpha: number, beta: number): number {
    pointOn(this.plane, alpha, beta, this.theta);
    return this.net.loss(this.theta, this.examples, null);
  }

  grad(alpha: number, beta: number, out: XY): void {
    pointOn(this.plane, alpha, beta, this.theta);
    this.net.lossGrad(this.theta, this.grad1, this.examples, null);
    const { d1, d2 } = this.plane;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < d1.length; i++) {
      g1 += this.grad1[i]! * d1[i]!;
      g2 += this.grad1[i]! * d2[i]!;
    }
    out[0] = g1;
    out[1] = g2;
  }
}

/**
 * What one full-batch loss of `arch` over `examples` examples costs, in ms of this machine's Node
 * as the workers compute it (fastNetwork: WebAssembly; 4 December, `bench/lossCost.bench.ts` over
 * 1,000 examples, 15 shapes from [1] to [32, 32, 32], tanh and ReLU): 14 ns an example, 0.12 ns a
 * parameter and 2.65 ns a tanh unit. On the shapes a scene may have (at most 2,000 parameters)
 * it says 0.77–1.01 of the measured cost (four fresh processes), so a grid sized for 0.6 s takes
 * up to ≈ 0.8 s; [32, 32, 32], over that cap, costs 1.5–1.7× what it says. A model, not a clock: a
 * slice sized by it has the same resolution on every machine, so a link draws the same picture
 * everywhere, only sooner or later (a browser without WebAssembly takes ≈ 3× as long).
 */
export function lossCostMs(arch: Architecture, examples: number): number {
  const tanhUnits =
    arch.activation === 'tanh' ? arch.hidden.reduce((sum, width) => sum + width, 0) : 0;
  return (examples * (14 + 0.12 * parameterCount(arch) + 2.65 * tanhUnits)) / 1e6;
}

/**
 * The loss along the line from θa to θb, θ(t) = (1 − t)·θa + t·θb (0 is θa and 1 is θb, exactly;
 * values outside reach beyond them): is there a barrier between two runs' endpoints? One t at a
 * time, so a worker can stop between two.
 */
export class LineLoss {
  private readonly theta: Float64Array;

  constructor(
    private readonly net: Network,
    private readonly examples: Examples,
    private readonly a: Float64Array,
    private readonly b: Float64Array,
  ) {
    this.theta = new Float64Array(net.count);
  }

  /** The full-batch loss at θ(t). */
  at(t: number): number {
    const { theta, a, b } = this;
    for (let i = 0; i < theta.length; i++) theta[i] = (1 - t) * a[i]! + t * b[i]!;
    return this.net.loss(theta, this.examples, null);
  }
}

/** LineLoss at each t of `ts`. */
export function lineLosses(
  net: Network,
  examples: Examples,
  a: Float64Array,
  b: Float64Array,
  ts: ArrayLike<number>,
): Float64Array {
  const line = new LineLoss(net, examples, a, b);
  const out = new Float64Array(ts.length);
  for (let k = 0; k < ts.length; k++) out[k] = line.at(ts[k]!);
  return out;
}

/** Where a line's t runs: from LINE_T[0] to LINE_T[1], both runs' ends inside with a margin. */
export const LINE_T: readonly [number, number] = [-0.5, 1.5];

/**
 * The `n` values of t a line is sampled at, evenly from LINE_T[0] to LINE_T[1] (`descent-lab
 * slice --plane line --grid n` and the page's "Between two ends"): 0 and 1 are among them exactly
 * when 4 divides n − 1.
 */
export function lineTs(n: number): Float64Array {
  const [t0, t1] = LINE_T;
  const ts = new Float64Array(n);
  for (let k = 0; k < n; k++) ts[k] = t0 + ((t1 - t0) * k) / (n - 1);
  return ts;
}
