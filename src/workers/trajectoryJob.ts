import { Trajectory } from '../engine/trajectory.ts';
import type { Scene } from '../engine/scene.ts';
import type { Objective } from '../engine/types.ts';
import type { RunChunk } from './runs.ts';

/** Steps of a block while nothing is known of their cost. */
const FIRST_BLOCK = 16;
const MAX_BLOCK = 4096;
/**
 * What one block of steps aims to take before the clock is read again: a slice then ends within
 * about this much of its deadline, whatever a step costs (a step of a formula takes nanoseconds,
 * one of a loss made of data a pass over the data, with its test loss).
 */
const BLOCK_MS = 1;

/**
 * The cost of a step as last measured, so a block's size fits the time left. A worker keeps one
 * per function: the next request on the same function (a drag) starts from it rather than from a
 * guess, and its first slice ends on time.
 */
export class Pace {
  #msPerStep: number | null = null;

  /** Steps that take about `ms`, at least 1. */
  stepsFor(ms: number): number {
    const per = this.#msPerStep;
    if (per === null) return FIRST_BLOCK;
    // A block too fast for the clock (0 ms) reads as free: the largest block then.
    return per === 0 ? MAX_BLOCK : Math.max(1, Math.min(MAX_BLOCK, Math.floor(ms / per)));
  }

  record(steps: number, ms: number): void {
    if (steps > 0) this.#msPerStep = ms / steps;
  }
}

/**
 * One request's runs, computed slice by slice: the trajectory worker runs a slice, posts the new
 * points, then lets a newer request in. A slice's time is shared by the runs still computing, so
 * every run has points after the first one (the page replaces its drawing once every run has
 * some), and the test losses of a loss made of data are computed with their steps, inside the
 * slice's time rather than after it.
 */
export class TrajectoryJob {
  readonly #runs: (Trajectory | null)[];
  /** Each run's test losses so far, for a loss made of data with a test set. */
  readonly #tests: (Float64Array | null)[];
  /** Points of each run already handed out. */
  readonly #sent: number[];
  readonly #finished: boolean[];

  constructor(
    scene: Scene,
    noise: Float64Array | null,
    objective: Objective,
    skip: readonly boolean[],
    private readonly pace: Pace,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#runs = scene.optimizers.map((entry, k) =>
      skip[k] ? null : new Trajectory(scene, entry, noise, objective),
    );
    this.#tests = this.#runs.map((t) => {
      const first = t?.testLosses(0, t.length) ?? null;
      if (!first) return null;
      const column = new Float64Array(scene.steps + 1);
      column.set(first);
      return column;
    });
    this.#sent = this.#runs.map(() => 0);
    this.#finished = this.#runs.map((t) => t === null);
  }

  /** True once every run is computed (or diverged) and handed out. */
  get done(): boolean {
    return this.#finished.every(Boolean);
  }

  /**
   * Computes for about `ms`, each run still computing taking an equal share of what is left, and
   * returns the new points of every run that has some (a run's last chunk says `done`).
   */
  slice(ms: number): RunChunk[] {
    const end = this.now() + ms;
    const open = this.#runs.flatMap((t, run) => (t && !t.done ? [run] : []));
    open.forEach((run, i) => {
      const t = this.#runs[run]!;
      const test = this.#tests[run]!;
      let now = this.now();
      const runEnd = now + (end - now) / (open.length - i);
      // At least one block, late or not: a run that never got a step would hold back the picture.
      do {
        const from = t.length;
        t.advance(this.pace.stepsFor(Math.min(BLOCK_MS, runEnd - now)));
        if (test) test.set(t.testLosses(from, t.length)!, from);
        const took = this.now() - now;
        now += took;
        this.pace.record(t.length - from, took);
      } while (!t.done && now < runEnd);
    });
    return this.#runs.flatMap((t, run) => (t ? this.#chunk(t, run) : []));
  }

  #chunk(t: Trajectory, run: number): RunChunk[] {
    const from = this.#sent[run]!;
    if (this.#finished[run] || (t.length === from && !t.done)) return [];
    this.#finished[run] = t.done;
    this.#sent[run] = t.length;
    // Copies of the new points only: the trajectory keeps its buffers for the next slice.
    return [
      {
        run,
        from,
        x: t.x.slice(from, t.length),
        y: t.y.slice(from, t.length),
        f: t.f.slice(from, t.length),
        testF: this.#tests[run]?.slice(from, t.length),
        lr: from === 0 ? t.lr.slice() : undefined,
        divergedAt: t.divergedAt,
        done: t.done,
      },
    ];
  }
}
