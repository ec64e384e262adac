import type { BatchOrder } from './data/batches.ts';
import type { Dataset } from './data/examples.ts';

/** A point or a vector in the plane, in maths orientation (y up). */
export type Vec2 = readonly [number, number];

/**
 * Two numbers read and written in place by index: a point or a gradient. The engine's hot loop
 * passes plain arrays of its own, which V8 keeps in registers once every call in the loop is
 * inlined; a Float64Array fits too.
 */
export interface XY {
  [i: number]: number;
}

/** An axis-aligned box: `x` and `y` are `[min, max]`. */
export interface Box {
  readonly x: Vec2;
  readonly y: Vec2;
}

/** A bound numeric parameter: its default and the closed range a preset may set it to. */
export interface ParamSpec {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** A short human label for controls, e.g. "κ (condition number)". */
  readonly label: string;
  /** True for a count or a seed: only integers are valid. */
  readonly integer?: boolean;
}

/** Parameter values by name. */
export type Params = Readonly<Record<string, number>>;

/** A 2D objective with its parameters bound. Hot-loop safe: neither method allocates. */
export interface Objective {
  /** f(x, y). */
  f(x: number, y: number): number;
  /**
   * Writes ∂f/∂x to out[0] and ∂f/∂y to out[1]. The engine's loop says which step (0-based) asks:
   * a loss made of data (engine/data) then gives that step's mini-batch gradient, else its own.
   */
  grad(x: number, y: number, out: XY, step?: number): void;
}

/** A test function as a data record: formula, parameters, a view that shows it, where to start. */
export interface TestFunction {
  /** Stable id used in presets, e.g. "rosenbrock". */
  readonly id: string;
  /** Display name, e.g. "Rosenbrock". */
  readonly name: string;
  /** The formula in plain text (Unicode), e.g. "(a − x)² + b(y − x²)²". */
  readonly formula: string;
  /** Parameters by name, in display order. */
  readonly params: Readonly<Record<string, ParamSpec>>;
  /** A default view box that shows the function's character. */
  readonly view: Box;
  /** A default start point that shows the function's character. */
  readonly start: Vec2;
  /** Known minima for these parameter values (empty when f is unbounded below). */
  minima(params: Params): Vec2[];
  /**
   * Binds the parameters (every key of `params` present). A loss made of data shuffles its batches
   * by the scene's noise seed `seed`; a formula has no use for it.
   */
  create(params: Params, seed?: number): Objective;
  /**
   * What is wrong with a combination of parameters each within its range (a batch larger than the
   * training set, say), naming the parameter, or null.
   */
  check?(params: Params): { readonly key: string; readonly message: string } | null;
  /** For a loss made of data (engine/data): its model, data and batches. */
  readonly data?: DataSpec;
}

/** What a loss made of data adds to a test function. */
export interface DataSpec {
  /** The model and what x and y are, in words. */
  readonly model: string;
  /** Features per example: `a` only, or `a` and `b`. */
  readonly inputs: 1 | 2;
  /**
   * What the data panel draws: the points (a, t) and each optimizer's line t = x·a + y; the points
   * (a, b) by label and each boundary x·a + y·b = 0; or the examples' shifts (a, b) alone, for a
   * model whose examples shift one landscape (wells.ts), where θ has no picture in the data.
   */
  readonly plot: 'line' | 'boundary' | 'shifts';
  /** The per-example loss ℓᵢ(x, y), exactly, in words (f is its mean over the training set). */
  readonly loss: string;
  /**
   * What one example's loss costs to evaluate, in ns of this machine's Node (2 cores, quiet, as an
   * ES module): the squared error 2.3, the log-loss 75 (the portable exp and ln). Sizes the
   * contour grid (fieldGrid).
   */
  readonly nsPerExample: number;
  /** The examples these parameters generate. */
  dataset(params: Params): Dataset;
  /** The mini-batches these parameters' steps take, shuffled by the scene's noise seed. */
  batches(params: Params, seed: number): BatchOrder;
}
