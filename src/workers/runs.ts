import { Feed } from './feed.ts';
import { sameSetting, type Scene } from '../engine/scene.ts';

/** One optimizer's trajectory as it streams in: columns sized for the whole run, `length` filled. */
export interface RunView {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly f: Float64Array;
  /** lr[k]: the rate used by step k + 1 (the whole schedule, known from the first chunk). */
  readonly lr: Float64Array;
  /** The test loss at each point, for a loss made of data with a test set; else null. */
  readonly testF: Float64Array | null;
  /** Points received so far; x, y, f (and testF) are valid below this. */
  readonly length: number;
  /**
   * Points whose x and y are known: `length`, or more while a path sketched on the page runs ahead
   * of the worker's losses (RunSet.sketch). The landscape draws these; whatever shows a loss stops
   * at `length`.
   */
  readonly pathLength: number;
  /** Index of the first non-finite point once the run has diverged, else null. */
  readonly divergedAt: number | null;
}

/** A chunk of one run's points, as the trajectory worker sends it. */
export interface RunChunk {
  readonly run: number;
  /** Index of the chunk's first point. */
  readonly from: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly f: Float64Array;
  /** The test loss at the chunk's points, for a loss made of data with a test set. */
  readonly testF?: Float64Array;
  /** The run's whole lr schedule, sent with its first chunk. */
  readonly lr?: Float64Array;
  readonly divergedAt: number | null;
  /** True with the run's last chunk. */
  readonly done: boolean;
}

/**
 * Names one trajectory for the caches of drawing code; a run of the next set with the same
 * trajectory keeps it. A symbol is unique by itself: no counter is shared between sets.
 */
export type RunStamp = symbol;

class StreamedRun implements RunView {
  x: Float64Array;
  y: Float64Array;
  f: Float64Array;
  lr: Float64Array;
  testF: Float64Array | null = null;
  length = 0;
  pathLength = 0;
  divergedAt: number | null = null;
  done = false;

  constructor(readonly steps: number) {
    // Columns are sized on the first chunk: a run computed on the page brings its own.
    this.x = this.y = this.f = this.lr = new Float64Array(0);
  }
}

/** The page's copy of one scene's trajectories, filled chunk by chunk. Never enters React state. */
export class RunSet {
  readonly runs: readonly RunView[];
  readonly #runs: StreamedRun[];

  /**
   * One stamp per run, shared with the previous set's run when the trajectory is the same (same
   * function, start, steps, noise and optimizer entry): drawing code caches by it.
   */
  readonly stamps: readonly RunStamp[];

  /** Runs taken whole from the previous set (same trajectory, already complete): not recomputed. */
  readonly reused: readonly boolean[];

  constructor(
    /** The request this set answers. */
    readonly runId: number,
    /** The scene it belongs to (labels and colours come from here, not from the store). */
    readonly scene: Scene,
    previous: RunSet | null = null,
  ) {
    const p = previous?.scene;
    const same = p !== undefined && sameSetting(p, scene);
    const match = scene.optimizers.map((entry) => (same ? p.optimizers.indexOf(entry) : -1));
    // The engine is deterministic: a complete run of the same inputs is this run, so a slider on
    // one optimizer recomputes (and redraws) that optimizer alone.
    this.#runs = match.map((j) => {
      const old = j >= 0 ? previous!.#runs[j] : undefined;
      return old?.done ? old : new StreamedRun(scene.steps);
    });
    this.runs = this.#runs;
    this.reused = match.map((j, k) => j >= 0 && this.#runs[k] === previous!.#runs[j]);
    this.stamps = match.map((j) => (j >= 0 ? previous!.stamps[j]! : Symbol('run')));
  }

  /** Copies a chunk in; chunks of a run arrive in order. */
  apply(chunk: RunChunk): void {
    const run = this.#runs[chunk.run];
    // A complete run (reused, shared with the previous set, or computed on the page) stays as it is.
    if (!run || run.done) return;
    if (run.x.length === 0) {
      run.x = new Float64Array(run.steps + 1);
      run.y = new Float64Array(run.steps + 1);
      run.f = new Float64Array(run.steps + 1);
    }
    run.x.set(chunk.x, chunk.from);
    run.y.set(chunk.y, chunk.from);
    run.f.set(chunk.f, chunk.from);
    if (chunk.testF) {
      run.testF ??= new Float64Array(run.steps + 1);
      run.testF.set(chunk.testF, chunk.from);
    }
    if (chunk.lr) run.lr = chunk.lr;
    run.length = chunk.from + chunk.x.length;
    // A sketch stays drawn while the losses fill in behind it; once complete, the run is what the
    // worker computed, wherever it stopped (a sketch runs on past a loss that overflowed).
    run.pathLength = chunk.done ? run.length : Math.max(run.pathLength, run.length);
    run.divergedAt = chunk.divergedAt;
    run.done = chunk.done;
  }

  /**
   * Takes run `k`'s path from a sketch computed on the page (engine/pathOnly: x and y, no losses;
   * its arrays, sized for the whole run, are adopted). The run stays incomplete: the worker's
   * chunks bring its losses, and rewrite its points with the same bits.
   */
  sketch(k: number, path: Pick<RunView, 'x' | 'y' | 'length'>): void {
    const run = this.#runs[k];
    if (!run || run.done || run.length > 0) return;
    run.x = path.x;
    run.y = path.y;
    run.f = new Float64Array(run.steps + 1);
    run.pathLength = path.length;
  }

  /** Takes run `k` whole from a finished computation on the page (its arrays are adopted, not copied). */
  fill(
    k: number,
    whole: Omit<RunView, 'testF' | 'pathLength'> & { readonly testF?: RunView['testF'] },
  ): void {
    const run = this.#runs[k];
    if (!run || run.done) return;
    run.x = whole.x;
    run.y = whole.y;
    run.f = whole.f;
    run.lr = whole.lr;
    run.testF = whole.testF ?? null;
    run.length = run.pathLength = whole.length;
    run.divergedAt = whole.divergedAt;
    run.done = true;
  }

  /** Which runs are complete: the worker is told to skip them. */
  get have(): boolean[] {
    return this.#runs.map((r) => r.done);
  }

  /** True once some of every run's path is known: the set can replace the previous drawing. */
  get started(): boolean {
    return this.#runs.every((r) => r.pathLength > 0 || r.done);
  }

  /**
   * True once some of every run's losses are known: a path sketched on the page has none until
   * the worker's first chunk of it.
   */
  get lossesStarted(): boolean {
    return this.#runs.every((r) => r.length > 0 || r.done);
  }

  /** True once run `k` is complete. */
  isDone(k: number): boolean {
    return this.#runs[k]?.done ?? false;
  }

  /** True once every run is complete. */
  get complete(): boolean {
    return this.#runs.every((r) => r.done);
  }
}

/**
 * The set a view of the losses draws, given the feed's latest and the set it drew last: the latest
 * once some of each of its runs' losses are known, until then the one drawn (a drag's newest run,
 * sketched on the page, shows on the landscape at once and in the loss chart a frame or two later,
 * rather than blank in between).
 */
export const lossesShown = (latest: RunSet | null, drawn: RunSet | null): RunSet | null =>
  latest === null || drawn === null || latest.lossesStarted ? latest : drawn;

/** The page's latest trajectories: the bridge publishes a RunSet as it starts arriving and again as chunks land. */
export class RunFeed extends Feed<RunSet> {}
