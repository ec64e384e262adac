/** How long one task computes before it lets a newer message in. */
export const TASK_MS = 15;

/** What a TaskedJob needs of its worker; tests pass fakes. */
export interface TaskHost {
  /** Runs `task` in a later task, behind any message already queued (channelLater). */
  later(task: () => void): void;
  /** A clock in ms. */
  now(): number;
}

/**
 * One job at a time, computed a piece (a generator's step) after another in tasks of about
 * TASK_MS, so that a message arriving meanwhile is handled within a task: `start` replaces the
 * job in progress (latest wins) and `stop` drops it. A job that throws stops, and `onError`
 * hears why.
 */
export class TaskedJob {
  #job: Generator<void, void, void> | null = null;
  #scheduled = false;

  constructor(
    private readonly host: TaskHost,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Computes `job` from the next task on, instead of the one in progress. */
  start(job: Generator<void, void, void>): void {
    this.#job = job;
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.host.later(this.#task);
  }

  /** Drops the job in progress. */
  stop(): void {
    this.#job = null;
  }

  readonly #task = (): void => {
    this.#scheduled = false;
    const job = this.#job;
    if (!job) return;
    const t0 = this.host.now();
    try {
      // At least one piece a task: a clock that jumped past TASK_MS (a descheduled worker)
      // must not leave a task that does nothing and schedules another.
      do {
        if (job.next().done) {
          this.#job = null;
          return;
        }
      } while (this.host.now() - t0 < TASK_MS);
    } catch (error) {
      this.#job = null;
      this.onError(error);
      return;
    }
    this.#scheduled = true;
    this.host.later(this.#task);
  };
}
