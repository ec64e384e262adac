import { hasTestSet } from './data/objective.ts';
import { builtinObjective } from './objective.ts';
import {
  getOptimizer,
  type HyperValues,
  type Optimizer,
  type ReusableOptimizer,
} from './optimizers/index.ts';
import { fillPhaseRates, phaseCount, type PhasedSetting } from './phases.ts';
import type { OptimizerEntry, Phase, Run, Scene, Schedule } from './scene.ts';
import { fillLearningRates } from './schedules.ts';
import { loopOf, type StepLoop } from './stepLoop.ts';
import type { Objective } from './types.ts';

/** One phase of a run: its own optimizer (fresh at the phase's first step) and loop. */
interface Stage {
  /** Steps taken before this phase. */
  from: number;
  readonly own: ReusableOptimizer;
  readonly optimizer: Optimizer;
  readonly loop: StepLoop;
}

/**
 * One optimizer's trajectory, computed step by step into preallocated columns; an entry with
 * phases switches to each phase's own optimizer at its step, in the same columns. `advance` can be
 * called repeatedly to stream a run in chunks; `simulate` calls it once. `restart` runs it again
 * with other settings in the same buffers (the sweep kernel).
 */
export class Trajectory {
  /** Steps requested. */
  readonly steps: number;
  /** Views of `cols`: x, y and f of points 0…steps. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly f: Float64Array;
  /** x, y and f one after another in one array, which the loop writes (stepLoop.ts says why). */
  private readonly cols: Float64Array;
  /** Points computed so far (the start counts as one). */
  length = 0;
  /** Index of the first non-finite point, or null while every point is finite. */
  divergedAt: number | null = null;

  private objective: Objective;
  /** The entry's phases in order, the entry's own optimizer first (from step 0). */
  private readonly stages: readonly Stage[];
  private noise: Float64Array | null = null;
  private sigma = 0;
  /** The point after the last step computed. */
  private readonly p = new Float64Array(2);
  /**
   * The gradient's buffer, written and read on every step: a plain array of doubles (NaN makes it
   * one), which V8 accesses with a bounds check only, not a typed array's buffer checks.
   */
  private readonly g: number[] = [NaN, NaN];
  /**
   * The rates of `lr`. Under a constant schedule it is made and filled only when `lr` is read (a
   * sweep never reads it, nor `simulate()` unless its run's `lr` is): a 100,000-step run would
   * otherwise allocate, zero and fill 0.8 MB that nothing reads.
   */
  private rateColumn: Float64Array | null = null;
  /** False while `rateColumn` still waits for a constant schedule's rate. */
  private ratesFilled = false;
  /**
   * The base rate, schedule and phases `lr` holds, so a restart refills it only when they change.
   */
  private lrBase = NaN;
  private schedule: Schedule | null = null;
  private phases: readonly Phase[] | undefined = undefined;
  /**
   * What the loop reads the rate of step k from: `lr`, or null under a constant schedule, whose
   * one rate `lrBase` the loop then keeps in a register instead of reading a column every step.
   */
  private rates: Float64Array | null = null;

  /**
   * `objective` is f with its gradient: a compiled typed function, or the scene's built-in.
   * `wrap`, if given, wraps each phase's optimizer once before the first step (engine/inspect.ts
   * records each step that way); without it the hot loop calls the optimizer itself.
   */
  constructor(
    scene: Scene,
    entry: OptimizerEntry,
    noise: Float64Array | null,
    objective: Objective = builtinObjective(scene.fn, scene.noise.seed),
    wrap?: (optimizer: Optimizer, phase: number, from: number) => Optimizer,
  ) {
    const all = [entry, ...(entry.phases ?? [])];
    this.stages = all.map((phase, i) => {
      const spec = getOptimizer(phase.type);
      if (!spec) throw new Error(`unknown optimizer "${phase.type}"`);
      const own = spec.create(phase.hyper);
      const from = 'from' in phase ? phase.from : 0;
      const optimizer = wrap ? wrap(own, i, from) : own;
      return { from, own, optimizer, loop: loopOf(phase.type, scene.fn.id) };
    });
    this.objective = objective;
    this.steps = scene.steps;
    const n = scene.steps + 1;
    this.cols = new Float64Array(3 * n);
    this.x = this.cols.subarray(0, n);
    this.y = this.cols.subarray(n, 2 * n);
    this.f = this.cols.subarray(2 * n);
    this.restart(scene.start[0], scene.start[1], entry, noise, scene.noise.sigma, objective);
  }

  /**
   * Starts over from (x0, y0) with new hyperparameters of the same types and phases (and the same
   * step count), as a new Trajectory of that setting would, in the same buffers: nothing is
   * allocated, and the learning rates are refilled only when the base rate, the schedule or the
   * phases changed. (A wrapping recorder, engine/inspect.ts, sees only the first run.)
   */
  restart(
    x0: number,
    y0: number,
    entry: { readonly hyper: HyperValues } & PhasedSetting,
    noise: Float64Array | null,
    sigma: number,
    objective: Objective,
  ): void {
    const stages = this.stages;
    const phases = entry.phases;
    if (phaseCount(entry) !== stages.length) throw new Error('a restart cannot add or drop phases');
    stages[0]!.own.reset(entry.hyper);
    for (let i = 1; i < stages.length; i++) {
      const phase = phases![i - 1]!;
      stages[i]!.from = phase.from;
      stages[i]!.own.reset(phase.hyper);
    }
    this.objective = objective;
    this.noise = sigma > 0 ? noise : null;
    this.sigma = sigma;
    const lr = entry.hyper['lr'] as number;
    if (!Object.is(lr, this.lrBase) || entry.schedule !== this.schedule || phases !== this.phases) {
      this.lrBase = lr;
      this.schedule = entry.schedule;
      this.phases = phases;
      // Phases change the rate at their steps: the loop reads the column then.
      const constant = entry.schedule.type === 'constant' && !phases;
      if (constant) this.rates = null;
      else {
        const column = (this.rateColumn ??= new Float64Array(this.steps));
        if (phases) fillPhaseRates(entry, column);
        else fillLearningRates(lr, entry.schedule, column);
        this.rates = column;
      }
      this.ratesFilled = !constant;
    }
    this.length = 0;
    this.divergedAt = null;
    this.p[0] = x0;
    this.p[1] = y0;
    this.record(x0, y0, objective.f(x0, y0));
  }

  /** lr[k]: the learning rate used by step k + 1. */
  get lr(): Float64Array {
    if (!this.ratesFilled) {
      this.rateColumn = (this.rateColumn ?? new Float64Array(this.steps)).fill(this.lrBase);
      this.ratesFilled = true;
    }
    return this.rateColumn!;
  }

  /** True when every step is computed or the run diverged. */
  get done(): boolean {
    return this.divergedAt !== null || this.length > this.steps;
  }

  /** Computes up to `count` more steps; returns how many points were added. */
  advance(count: number): number {
    if (this.done) return 0;
    const before = this.length;
    const end = Math.min(this.steps, before - 1 + count);
    const { objective, p, g, noise, sigma, cols, stages } = this;
    const n = this.steps + 1;
    const { rates, lrBase } = this;
    let k = before - 1;
    // One loop call per phase the steps cross: step k + 1 belongs to the last phase from ≤ k.
    while (k >= 0 && k < end) {
      let s = 0;
      while (s + 1 < stages.length && stages[s + 1]!.from <= k) s++;
      const { optimizer, loop } = stages[s]!;
      const stop = Math.min(end, stages[s + 1]?.from ?? end);
      // The loop takes its first step's gradient from g (stepLoop.ts says why).
      objective.grad(p[0]!, p[1]!, g, k);
      k = loop(objective, optimizer, p, g, rates, lrBase, noise, sigma, cols, n, k, stop);
    }
    if (k < 0) {
      // The loop stopped at step ~k: its point was not finite.
      this.divergedAt = ~k + 1;
      this.length = ~k + 1;
    } else this.length = k + 1;
    return this.length - before;
  }

  /**
   * The test loss at points from…to − 1 (a loss made of data with a test set), or null. Computed
   * when asked, not by the loop: a sweep has no use for it.
   */
  testLosses(from = 0, to = this.length): Float64Array | null {
    const objective = this.objective;
    if (!hasTestSet(objective)) return null;
    const out = new Float64Array(to - from);
    for (let k = from; k < to; k++) out[k - from] = objective.testF(this.x[k]!, this.y[k]!);
    return out;
  }

  /**
   * The run as computed so far, trimmed to its finite points. Under a constant schedule whose rates
   * nobody has read yet, the run's `lr` is made when first read, as `lr` is here.
   */
  toRun(): Run {
    const n = this.length;
    const testF = this.testLosses();
    // A diverged run took divergedAt steps: it reports the rates of those steps only.
    const steps = this.divergedAt ?? this.steps;
    const rate = this.lrBase;
    let rates: Float64Array | null = this.ratesFilled
      ? steps === this.steps
        ? this.lr
        : this.lr.slice(0, steps)
      : null;
    return {
      ...(testF ? { testF } : {}),
      x: n === this.x.length ? this.x : this.x.slice(0, n),
      y: n === this.y.length ? this.y : this.y.slice(0, n),
      f: n === this.f.length ? this.f : this.f.slice(0, n),
      get lr() {
        return (rates ??= new Float64Array(steps).fill(rate));
      },
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
