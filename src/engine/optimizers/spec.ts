import type { Vec2 } from '../types.ts';

/** A numeric range; `openMin`/`openMax` exclude the bound. Omitted bounds are ±∞. */
export interface Range {
  readonly min?: number;
  readonly max?: number;
  readonly openMin?: boolean;
  readonly openMax?: boolean;
}

/** One hyperparameter: its torch default and the values torch accepts. */
export type HyperSpec =
  | ({ readonly kind: 'number'; readonly default: number; readonly integer?: boolean } & Range)
  | { readonly kind: 'boolean'; readonly default: boolean }
  /** A pair such as `betas`, each element in `range`. */
  | { readonly kind: 'pair'; readonly default: Vec2; readonly range: Range };

/** Resolved hyperparameter values, by torch's names. */
export type HyperValues = Readonly<Record<string, number | boolean | Vec2>>;

/**
 * One step of an update rule, coordinate by coordinate, like `optimizer.step()` after
 * `loss.backward()`: `begin` once per step, then `update` for x (i = 0) and for y (i = 1), each
 * handed the step's rate again, so a rule that only scales by it keeps no copy of it. The
 * engine's loop keeps the point and the gradient in locals, so they never pass through memory
 * between steps. Implementations are classes: V8 updates a class's number fields in place, while a
 * number captured and reassigned by a closure is boxed anew on every write, and per-instance
 * closures defeat inlining (≈ 2× per step). Their fractional fields start as NaN, not 0, until
 * `reset` sets them: a field that starts as a small integer changes representation when the first
 * fraction arrives (momentum 0, then 0.9), and V8 then discards the loop compiled for the old one.
 */
export interface Optimizer {
  /**
   * Starts a step at the (scheduled) learning rate `lr`: moves the step count on and computes what
   * both coordinates share (bias corrections, a decayed rate). A rule with nothing to share does
   * nothing here: every field written here is a store on every step of the hot loop.
   */
  begin(lr: number): void;
  /**
   * Coordinate i's update in the step begun at rate `lr` (the one `begin` had): its state moves
   * on; returns p_i after the step.
   */
  update(i: number, p: number, g: number, lr: number): number;
  /** The state this optimizer keeps, in the order `inspect` writes it. */
  readonly fields: readonly StateField[];
  /**
   * Writes the optimizer's own state after its latest step into `out`, field by field (two slots
   * for a per-coordinate field, one for a scalar); `lr` is the rate that step used. NaN where a
   * value is not defined yet (before step 1). Not called on the fast path.
   */
  inspect(out: Float64Array, lr: number): void;
}

/** An optimizer of the engine's own: one instance can serve many runs. */
export interface ReusableOptimizer extends Optimizer {
  /**
   * Sets new hyperparameters (every key of the type, validated) and zeroes the state: the
   * optimizer then steps exactly as a fresh `create(hp)` would.
   */
  reset(hp: HyperValues): void;
}

/** Where a state field is drawn on the landscape, if anywhere. */
export type StateRole = 'direction' | 'lrEff';

/** One piece of an optimizer's state, described for display. */
export interface StateField {
  /** torch's name where it has one, e.g. "exp_avg". */
  readonly key: string;
  /** A short label, e.g. "m̂ (bias-corrected first moment)". */
  readonly label: string;
  /** The symbol in TeX, e.g. "\\hat m_t". */
  readonly tex: string;
  /** Two values (x, y) or one for the whole optimizer. */
  readonly per: 'coordinate' | 'scalar';
  /** The y scale that reads best for it. */
  readonly scale: 'linear' | 'log';
  /** `direction`: drawn as the momentum arrow; `lrEff`: the per-coordinate effective rate glyph. */
  readonly role?: StateRole;
}

/** Slots a field list takes in `inspect`'s output. */
export const slotsOf = (fields: readonly StateField[]): number =>
  fields.reduce((n, f) => n + (f.per === 'coordinate' ? 2 : 1), 0);

/** A per-coordinate field. */
export const coord = (
  key: string,
  label: string,
  tex: string,
  scale: StateField['scale'] = 'linear',
  role?: StateRole,
): StateField => ({ key, label, tex, per: 'coordinate', scale, ...(role ? { role } : {}) });

/** A scalar field. */
export const scalar = (
  key: string,
  label: string,
  tex: string,
  scale: StateField['scale'] = 'linear',
): StateField => ({ key, label, tex, per: 'scalar', scale });

/** The effective learning rate per coordinate: the factor between the direction and the step. */
export const lrEffField = (tex: string): StateField =>
  coord('lr_eff', 'effective learning rate', tex, 'log', 'lrEff');

/** An optimizer type: torch's hyperparameter table, its cross-field rules and a factory. */
export interface OptimizerSpec {
  /** torch.optim's class name in lower case, used in presets. */
  readonly type: string;
  /** Display name, e.g. "Adam". */
  readonly name: string;
  /** Hyperparameters in display order; `lr` first. */
  readonly hyper: Readonly<Record<string, HyperSpec>>;
  /** Rules that span several hyperparameters (torch's ValueErrors): a message, or null. */
  readonly check?: (hp: HyperValues) => { key: string; message: string } | null;
  /**
   * A fresh optimizer with zeroed state for `n` coordinates (2, the plane, when omitted; a network's
   * parameter count otherwise); `hp` has every key of `hyper`, already validated. `inspect`
   * reports coordinates 0 and 1 only.
   */
  create(hp: HyperValues, n?: number): ReusableOptimizer;
}

/** Reads a number hyperparameter (validated beforehand). */
export const num = (hp: HyperValues, key: string): number => hp[key] as number;
/** Reads a boolean hyperparameter (validated beforehand). */
export const bool = (hp: HyperValues, key: string): boolean => hp[key] as boolean;
/** Reads a pair hyperparameter (validated beforehand). */
export const pair = (hp: HyperValues, key: string): Vec2 => hp[key] as Vec2;

/** Shared hyperparameter specs: the ranges torch.optim enforces. */
export const nonNegative = (def: number): HyperSpec => ({ kind: 'number', default: def, min: 0 });
export const betas = (b1: number, b2: number): HyperSpec => ({
  kind: 'pair',
  default: [b1, b2],
  range: { min: 0, max: 1, openMax: true },
});

/**
 * A per-coordinate state pair (x, y), NaN until `reset` fills it. A plain array of doubles, not a
 * Float64Array: the hot loop reads and writes its elements after a bounds check only, where a
 * typed array's also cost its buffer's checks (a buffer can be detached), ≈ 10 instructions per
 * access. NaN, not 0, makes it an array of doubles from the start: an array of small integers
 * would change shape on its first fractional value, under code compiled for the old shape. Any
 * other length `n` (a network's parameters) gets a Float64Array.
 */
export const statePair = (n = 2): StateVector =>
  n === 2 ? [NaN, NaN] : new Float64Array(n).fill(NaN);

/**
 * Per-coordinate state: two doubles for the plane (statePair's reasons), a Float64Array of any
 * length for a network's parameter vector; the rules index both alike.
 */
export type StateVector = number[] | Float64Array;

/**
 * Keeps a running power β^t out of the denormal range, where float64 arithmetic is ~1.6× slower.
 * Exact: below 1e-300, 1 − β^t already rounds to 1 and t·β^t is far below an ulp of anything it meets.
 */
export const decayPower = (power: number, beta: number): number => {
  const next = power * beta;
  return next < 1e-300 ? 0 : next;
};

/** True when `v` lies in `range` (closed unless a bound is marked open). */
export function inRange(v: number, { min, max, openMin, openMax }: Range): boolean {
  if (min !== undefined && (openMin ? v <= min : v < min)) return false;
  if (max !== undefined && (openMax ? v >= max : v > max)) return false;
  return true;
}

/** A range in words: "in [0, 1)", "≥ 0", "> 0", "≤ 10". */
export function rangeText({ min, max, openMin, openMax }: Range): string {
  if (min !== undefined && max !== undefined)
    return `in ${openMin ? '(' : '['}${min}, ${max}${openMax ? ')' : ']'}`;
  if (min !== undefined) return `${openMin ? '>' : '≥'} ${min}`;
  if (max !== undefined) return `${openMax ? '<' : '≤'} ${max}`;
  return 'a number';
}
