import type { Scene } from '../engine/scene.ts';
import { RunSet, type RunFeed } from './runs.ts';
import { WatchedWorker } from './watchedWorker.ts';
import type { FromTrajectoryWorker, ToTrajectoryWorker } from './protocol.ts';

/** Where the trajectories stand, for the status line. */
export type TrajectoryStatus =
  /** `detail`: what is being computed, when there is more to say ("Training 2 of 3…"). */
  | { readonly phase: 'computing'; readonly detail?: string }
  /** `scene`: what was computed (the status line describes it, not the store's newer scene). */
  | { readonly phase: 'ready'; readonly ms: number; readonly scene: Scene }
  | { readonly phase: 'error'; readonly message: string };

/**
 * Computes on the page the runs of a set that are small enough (state/pageRuns), before the
 * worker is asked for the rest; whatever it completes, the worker skips. It may instead sketch a
 * run's path (RunSet.sketch), which the worker then computes in full.
 */
export type PageCompute = (set: RunSet) => void;

/** A worker silent this long while it owes an answer is taken to hang. */
const HANG_MS = 15_000;
/** Consecutive crashes after which the page gives up and says so. */
const MAX_FAILURES = 3;

/**
 * The page's side of the trajectory worker: sends the newest scene, drops chunks of older
 * requests, fills a RunSet and publishes it on the feed once it starts arriving. Runs small enough
 * to compute within a frame are computed on the page first (`page`), so a slider on one optimizer
 * redraws in the frame of its input (for a loss made of data, its path: the worker brings the
 * losses). A worker that crashes or hangs is replaced and the scene recomputed; if that keeps
 * failing, the status says so.
 */
export class TrajectoryClient {
  readonly #worker = new WatchedWorker<FromTrajectoryWorker, ToTrajectoryWorker>(
    () => this.createWorker(),
    HANG_MS,
    (msg) => this.#receive(msg),
    (reason, failures) => this.#fail(reason, failures),
  );
  #runId = 0;
  #pending: RunSet | null = null;
  #objective: string | undefined;
  /** True while the worker owes an answer. */
  #owed = false;

  constructor(
    private readonly feed: RunFeed,
    private readonly onStatus: (status: TrajectoryStatus) => void,
    private readonly createWorker: () => Worker = () =>
      new Worker(new URL('./trajectory.worker.ts', import.meta.url), { type: 'module' }),
    /** Computes small runs on the page; without it every run goes to the worker. */
    private readonly page: PageCompute | null = null,
  ) {}

  /**
   * Computes `scene` (a typed function with its compiled `objective` source); anything still
   * running for an older scene is abandoned.
   */
  simulate(scene: Scene, objective?: string): void {
    this.#objective = objective;
    const runId = ++this.#runId;
    // User timing marks let benchmarks tie a request to the frame that first draws it.
    performance.mark('descent-lab:simulate', { detail: runId });
    const set = new RunSet(runId, scene, this.#pending);
    this.#pending = set;
    const t0 = performance.now();
    if (objective === undefined) this.page?.(set);
    if (!set.complete) {
      this.onStatus({ phase: 'computing' });
      this.#send();
      // Paths sketched on the page (their losses still to come) are drawn in this frame.
      if (set.started) this.feed.publish(set);
      return;
    }
    // Every run is at hand: it is drawn in this frame, and the worker drops older work.
    this.#cancel();
    this.feed.publish(set);
    this.onStatus({ phase: 'ready', ms: performance.now() - t0, scene });
  }

  /** Drops the scene being computed: nothing more of it is published (the page shows a network). */
  stop(): void {
    this.#cancel();
    this.#pending = null;
  }

  /** Stops the worker for good. */
  dispose(): void {
    this.#worker.terminate();
    this.#pending = null;
  }

  #send(): void {
    const set = this.#pending;
    if (!set || set.complete) return;
    const msg: ToTrajectoryWorker = {
      type: 'simulate',
      runId: set.runId,
      scene: set.scene,
      objective: this.#objective,
      skip: set.have,
    };
    this.#worker.send(msg);
    this.#owed = true;
  }

  /** Tells a busy worker that nothing it is computing is wanted any more. */
  #cancel(): void {
    if (!this.#owed) return;
    this.#owed = false;
    this.#worker.settle(false);
    this.#worker.post({ type: 'cancel' });
  }

  #receive(msg: FromTrajectoryWorker): void {
    const set = this.#pending;
    if (!set || msg.runId !== set.runId) return;
    if (msg.type === 'chunk') {
      this.#worker.arm();
      set.apply(msg);
      if (set.started) this.feed.publish(set);
    } else if (msg.type === 'done') {
      this.#worker.settle(true);
      this.#owed = false;
      this.feed.publish(set);
      this.onStatus({ phase: 'ready', ms: msg.ms, scene: set.scene });
    } else {
      this.#worker.settle(false);
      this.#owed = false;
      this.onStatus({ phase: 'error', message: msg.message });
    }
  }

  #fail(reason: string, failures: number): void {
    this.#owed = false;
    if (failures >= MAX_FAILURES) {
      this.onStatus({
        phase: 'error',
        message: `The computation keeps failing (${reason}). Reload the page to try again.`,
      });
      return;
    }
    // A fresh worker recomputes the newest scene.
    this.#send();
  }
}
