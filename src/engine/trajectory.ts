import { builtinObjective } from './objective.ts';
import { getOptimizer, type Optimizer } from './optimizers/index.ts';
import type { OptimizerEntry, Run, Scene } from './scene.ts';
import { fillLearningRates } from './schedules.ts';
import type { Objective } from './types.ts';

/**
 * One optimizer's trajectory, computed step by step into preallocated columns. `advance` can be
 * called repeatedly to stream a run in chunks; `simulate` calls it once.
 */
export class Trajectory {
  /** Steps requested. */
  readonly steps: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly f: Float64Array;
  /** lr[k]: the learning rate used by step k + 1. */
  readonly lr: Float64Array;
  /** Points computed so far (the start counts as one). */
  length = 0;
  /** Index of the first non-finite point, or null while every point is finite. */
  divergedAt: number | null = null;

  private readonly objective: Objective;
  private readonly optimizer: Optimizer;
  private readonly noise: Float64Array | null;
  private readonly sigma: number;
  private readonly p = new Float64Array(2);
  private readonly g = new Float64Array(2);

  /**
   * `objective` is f with its gradient: a compiled typed function, or the scene's built-in.
   * `wrap`, if given, wraps the optimizer once before the first step (engine/inspect.ts records
   * each step that way); without it the hot loop calls the optimizer itself.
   */
  constructor(
    scene: Scene,
    entry: OptimizerEntry,
    noise: Float64Array | null,
    objective: Objective = builtinObjective(scene.fn),
    wrap?: (optimizer: Optimizer) => Optimizer,
  ) {
    const spec = getOptimizer(entry.type);
    if (!spec) throw new Error(`unknown optimizer "${entry.type}"`);
    this.objective = objective;
    const optimizer = spec.create(entry.hyper);
    this.optimizer = wrap ? wrap(optimizer) : optimizer;
    this.steps = scene.steps;
    this.noise = scene.noise.sigma > 0 ? noise : null;
    this.sigma = scene.noise.sigma;
    const n = scene.steps + 1;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.f = new Float64Array(n);
    this.lr = new Float64Array(scene.steps);
    fillLearningRates(entry.hyper['lr'] as number, entry.schedule, this.lr);
    const [x0, y0] = scene.start;
    this.p[0] = x0;
    this.p[1] = y0;
    this.record(x0, y0, this.objective.f(x0, y0));
  }

  /** True when every step is computed or the run diverged. */
  get done(): boolean {
    return this.divergedAt !== null || this.length > this.steps;
  }

  /** Computes up to `count` more steps; returns how many points were added. */
  advance(count: number): number {
    if (this.done) return 0;
    const { objective, optimizer, p, g, lr, noise, sigma, x: xs, y: ys, f: fs } = this;
    const before = this.length;
    const end = Math.min(this.steps, before - 1 + count);
    let k = before - 1;
    // The hot loop: locals only, nothing allocated, one finiteness test per step.
    for (; k < end; k++) {
      objective.grad(p[0]!, p[1]!, g);
      if (noise !== null) {
        g[0] = g[0]! + sigma * noise[2 * k]!;
        g[1] = g[1]! + sigma * noise[2 * k + 1]!;
      }
      optimizer.step(p, g, lr[k]!);
      const x = p[0]!;
      const y = p[1]!;
      const f = objective.f(x, y);
      if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) {
        this.divergedAt = k + 1;
        break;
      }
      xs[k + 1] = x;
      ys[k + 1] = y;
      fs[k + 1] = f;
    }
    this.length = k + 1;
    return this.length - before;
  }

  /** The run as computed so far, trimmed to its finite points. */
  toRun(): Run {
    const n = this.length;
    return {
      x: n === this.x.length ? this.x : this.x.slice(0, n),
      y: n === this.y.length ? this.y : this.y.slice(0, n),
      f: n === this.f.length ? this.f : this.f.slice(0, n),
      // A diverged run took divergedAt steps: it reports the rates of those steps only.
      lr: this.divergedAt === null ? this.lr : this.lr.slice(0, this.divergedAt),
      divergedAt: this.divergedAt,
    };
  }

  private record(x: number, y: number, f: number): void {
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) {
      this.divergedAt = this.length;
      return;
    }
    const i = this.length++;
    this.x[i] = x;
    this.y[i] = y;
    this.f[i] = f;
  }
}
