import { builtinObjective } from './objective.ts';
import type { Optimizer, StateField } from './optimizers/spec.ts';
import { slotsOf } from './optimizers/spec.ts';
import { phaseAt } from './phases.ts';
import type { OptimizerEntry, Scene } from './scene.ts';
import { sceneNoise } from './simulate.ts';
import { Trajectory } from './trajectory.ts';
import type { Objective } from './types.ts';
import { hypot } from './math/index.ts';

/** One state field over the run: one column (scalar) or two (x, y), indexed by step. */
export interface StateSeries {
  readonly field: StateField;
  /** `values[c][k]`: coordinate c after step k; k = 0 is the state before step 1. */
  readonly values: readonly Float64Array[];
}

/**
 * What one optimizer did at every step of a run. Columns are indexed by step k = 0…steps: entry k
 * belongs to step k, the update from point k − 1 to point k; entry 0 of a per-step column is NaN.
 */
export interface Inspection {
  /** Steps taken (the run's finite points minus the start). */
  readonly steps: number;
  /** Points 0…steps, as the trajectory recorded them. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** The gradient step k used (noise included), at point k − 1. */
  readonly gx: Float64Array;
  readonly gy: Float64Array;
  /** The step taken: point k minus point k − 1. */
  readonly sx: Float64Array;
  readonly sy: Float64Array;
  /** The learning rate of step k, after the schedule. */
  readonly lr: Float64Array;
  readonly gNorm: Float64Array;
  readonly stepNorm: Float64Array;
  /** The optimizer's own state after each step, field by field (the first phase's). */
  readonly state: readonly StateSeries[];
  /**
   * Each phase's state, the entry's own first: NaN before its `from`, its empty state at `from`,
   * then its state after each of its steps, NaN after its last.
   */
  readonly phases: readonly InspectedPhase[];
  readonly divergedAt: number | null;
}

/** One phase's own state over the run. */
export interface InspectedPhase {
  /** Steps taken before the phase. */
  readonly from: number;
  readonly state: readonly StateSeries[];
}

/** The per-step columns every phase's recorder writes into: g, the step taken, lr. */
class StepColumns {
  readonly gx: Float64Array;
  readonly gy: Float64Array;
  readonly sx: Float64Array;
  readonly sy: Float64Array;
  readonly lr: Float64Array;

  constructor(n: number) {
    const column = () => new Float64Array(n).fill(NaN);
    [this.gx, this.gy, this.sx, this.sy, this.lr] = [
      column(),
      column(),
      column(),
      column(),
      column(),
    ];
  }
}

/**
 * Wraps one phase's optimizer: records g, lr and the step taken into the shared columns, and
 * `inspect()` into columns of its own, from the phase's first step (`from` + 1) on; entry `from`
 * holds its state before that step (empty: a phase starts fresh).
 */
class Recorder implements Optimizer {
  readonly fields: readonly StateField[];
  readonly columns: Float64Array[];
  private readonly slots: Float64Array;
  private k: number;

  constructor(
    private readonly inner: Optimizer,
    private readonly steps: StepColumns,
    from: number,
  ) {
    this.fields = inner.fields;
    this.k = from;
    const n = steps.lr.length;
    this.slots = new Float64Array(slotsOf(this.fields));
    this.columns = Array.from(this.slots, () => new Float64Array(n).fill(NaN));
    this.record(from, 0);
  }

  begin(lr: number): void {
    const k = ++this.k;
    this.steps.lr[k] = lr;
    this.inner.begin(lr);
  }

  update(i: number, p: number, g: number, lr: number): number {
    const k = this.k;
    const q = this.inner.update(i, p, g, lr);
    (i === 0 ? this.steps.gx : this.steps.gy)[k] = g;
    (i === 0 ? this.steps.sx : this.steps.sy)[k] = q - p;
    // Both coordinates done: the step is complete.
    if (i === 1) this.record(k, this.steps.lr[k]!);
    return q;
  }

  inspect(out: Float64Array, lr: number): void {
    this.inner.inspect(out, lr);
  }

  private record(k: number, lr: number): void {
    this.inner.inspect(this.slots, lr);
    this.slots.forEach((v, s) => (this.columns[s]![k] = v));
  }
}

/** Groups a recorder's columns by field: two per per-coordinate field, one per scalar. */
function series(fields: readonly StateField[], columns: Float64Array[], n: number): StateSeries[] {
  let s = 0;
  return fields.map((field) => {
    const width = field.per === 'coordinate' ? 2 : 1;
    const values = columns.slice(s, s + width).map((c) => c.slice(0, n));
    s += width;
    return { field, values };
  });
}

/**
 * Runs optimizer `index` of `scene` through the same Trajectory as `simulate` (same noise, same
 * schedule), recording each step: the engine's own numbers, not a second implementation.
 */
export function inspectRun(
  scene: Scene,
  index: number,
  noise: Float64Array | null = sceneNoise(scene),
  objective: Objective = builtinObjective(scene.fn, scene.noise.seed),
): Inspection {
  const entry = scene.optimizers[index];
  if (!entry) throw new Error(`no optimizer ${index} in the scene`);
  const columns = new StepColumns(scene.steps + 1);
  const recorders: { from: number; recorder: Recorder }[] = [];
  const trajectory = new Trajectory(scene, entry, noise, objective, (optimizer, _, from) => {
    const recorder = new Recorder(optimizer, columns, from);
    recorders.push({ from, recorder });
    return recorder;
  });
  trajectory.advance(scene.steps);
  const run = trajectory.toRun();
  const n = run.x.length;
  const cut = (a: Float64Array) => a.slice(0, n);
  const [sx, sy] = [cut(columns.sx), cut(columns.sy)];
  const [gx, gy] = [cut(columns.gx), cut(columns.gy)];
  const gNorm = gx.map((v, k) => hypot(v, gy[k]!));
  const stepNorm = sx.map((v, k) => hypot(v, sy[k]!));
  const phases = recorders.map(({ from, recorder: r }) => ({
    from,
    state: series(r.fields, r.columns, n),
  }));
  return {
    steps: n - 1,
    x: run.x,
    y: run.y,
    gx,
    gy,
    sx,
    sy,
    lr: cut(columns.lr),
    gNorm,
    stepNorm,
    state: phases[0]!.state,
    phases,
    divergedAt: run.divergedAt,
  };
}

/**
 * The inspection as phase `phase` sees it: its own state fields (a phase of another type keeps
 * other state). Every other column is the whole run's.
 */
export const phaseInspection = (ins: Inspection, phase: number): Inspection =>
  phase === 0 ? ins : { ...ins, state: ins.phases[phase]?.state ?? [] };

/** The inspection as the phase that makes step `step` of `entry` sees it. */
export const inspectionAt = (
  ins: Inspection,
  entry: Pick<OptimizerEntry, 'phases'> | undefined,
  step: number,
): Inspection => (entry ? phaseInspection(ins, phaseAt(entry, step)) : ins);
